#include "mainwindow.h"

#include <core/store/store.h>

namespace Ledgerdesk::Ui {

MainWindow::MainWindow(Core::Store &store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
{
    setWindowTitle(tr("Ledgerdesk — %1").arg(m_store.config().describe()));
    resize(1200, 760);
}

MainWindow::~MainWindow() = default;

} // namespace Ledgerdesk::Ui
