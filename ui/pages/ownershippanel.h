#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class OwnershipModel;

// The ownership map as a table; the owner column is edited with a list of systems.
class OwnershipPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OwnershipPanel)

public:
    explicit OwnershipPanel(Core::Store &store, QWidget *parent = nullptr);
    ~OwnershipPanel() override;

    void setActor(const QString &actor);
    void reload();

    OwnershipModel *model() const { return m_model; }

    QTableView *view() const { return m_view; }

    QString messageText() const;

private:
    void showMessage(const QString &text, bool problem);

    OwnershipModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Ledgerdesk::Ui
