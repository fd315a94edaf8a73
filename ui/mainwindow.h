#pragma once

#include <QMainWindow>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Core::Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    Core::Store &m_store;
};

} // namespace Ledgerdesk::Ui
