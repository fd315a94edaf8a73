#include "mainwindow.h"

#include <core/store/ledgerwatcher.h>
#include <core/store/store.h>
#include <ui/globalsearchtoolbar.h>
#include <ui/pages/availabilitypage.h>
#include <ui/pages/exceptionspage.h>
#include <ui/pages/page.h>
#include <ui/pages/synchealthpage.h>
#include <ui/widgets/connectionstatuswidget.h>
#include <ui/widgets/freshnesslabel.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace Ledgerdesk::Ui {

Q_LOGGING_CATEGORY(lcMainWindow, "ledgerdesk.ui.mainwindow")

namespace {

const QString kSettingsGroup = QStringLiteral("MainWindow");

// Re-reads a page after a ledger change; what it costs the GUI thread is logged.
void refreshTimed(Page *page, const char *why)
{
    QElapsedTimer clock;
    clock.start();
    page->refresh();
    qCDebug(lcMainWindow) << "refreshed" << page->pageId() << why << "in" << clock.elapsed()
                          << "ms on the GUI thread";
}

} // namespace

MainWindow::MainWindow(Core::Store &store, Core::SyncController *controller, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_controller(controller)
    , m_watcher(new Core::LedgerWatcher(store, Core::LedgerWatcher::defaultInterval, this))
    , m_liveDelay(new QTimer(this))
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
{
    setWindowTitle(tr("Ledgerdesk — %1").arg(m_store.config().describe()));
    resize(1280, 800);

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setFixedWidth(m_navigation->fontMetrics().horizontalAdvance(u'M') * 14);
    m_navigation->setAccessibleName(tr("Pages"));
    connect(
        m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateSummary);
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::pageShown);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *divider = new QFrame(central);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);
    layout->addWidget(divider);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    createMenus();
    createStatusBar();
    addPage(new AvailabilityPage(store, this));
    addPage(new ExceptionsPage(store, this));
    auto *health = new SyncHealthPage(store, controller, this);
    addPage(health);
    // With a controller the page follows its cycles already; every ledger write would be more.
    setLiveRefresh(health, controller == nullptr);
    addToolBar(new GlobalSearchToolBar(store, *this));
    restoreSettings();

    m_liveDelay->setSingleShot(true);
    m_liveDelay->setInterval(kLiveRefreshDelayMs);
    connect(m_liveDelay, &QTimer::timeout, this, &MainWindow::refreshLive);
    connect(m_watcher, &Core::LedgerWatcher::changed, this, &MainWindow::ledgerChanged);
    m_countsRead.start();
    m_watcher->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *refresh = file->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refresh->setShortcut(QKeySequence(Qt::Key_F5));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_pagesEnd = m_viewMenu->addSeparator();
    QAction *find = m_viewMenu->addAction(tr("&Find"), this, &MainWindow::focusSearch);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Ledgerdesk"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createStatusBar()
{
    m_ledgerLabel = new QLabel(ledgerText(), this);
    m_ledgerLabel->setToolTip(tr("The ledger this window shows"));
    m_summaryLabel = new QLabel(this);
    m_freshness = new FreshnessLabel(this);
    m_connectionStatus = new ConnectionStatusWidget(m_store, m_controller, this);
    statusBar()->addWidget(m_ledgerLabel, 1);
    statusBar()->addPermanentWidget(m_connectionStatus);
    for (QLabel *label :
         {static_cast<QLabel *>(m_summaryLabel), static_cast<QLabel *>(m_freshness)}) {
        auto *separator = new QFrame(this);
        separator->setFrameShape(QFrame::VLine);
        separator->setFrameShadow(QFrame::Sunken);
        statusBar()->addPermanentWidget(separator);
        label->setContentsMargins(4, 0, 8, 0);
        statusBar()->addPermanentWidget(label);
    }
}

void MainWindow::addPage(Page *page)
{
    const int number = static_cast<int>(m_pageList.size()) + 1;
    m_pageList << page;
    m_stack->addWidget(page);
    auto *item = new QListWidgetItem(page->icon(), page->title(), m_navigation);
    item->setData(Qt::UserRole, page->pageId());
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(page->title()).arg(number));
    connect(page, &Page::summaryChanged, this, &MainWindow::updateSummary);
    // Titles may carry counts, such as "Exceptions 12".
    connect(page, &Page::summaryChanged, this, [item, page] { item->setText(page->title()); });

    auto *action = new QAction(page->icon(), page->title(), this);
    if (number <= 9) {
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + number)));
    }
    connect(action, &QAction::triggered, this, [this, id = page->pageId()] { showPage(id); });
    m_viewMenu->insertAction(m_pagesEnd, action);
    addAction(action);
    if (m_navigation->currentRow() < 0) {
        m_navigation->setCurrentRow(0);
    }
    updateSummary();
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_stack->currentWidget());
}

Page *MainWindow::page(const QString &pageId) const
{
    for (Page *p : m_pageList) {
        if (p->pageId() == pageId) {
            return p;
        }
    }
    return nullptr;
}

bool MainWindow::showPage(const QString &pageId)
{
    Page *p = page(pageId);
    if (!p) {
        return false;
    }
    m_navigation->setCurrentRow(static_cast<int>(m_pageList.indexOf(p)));
    return true;
}

void MainWindow::refresh()
{
    if (Page *p = currentPage()) {
        p->refresh();
    }
}

void MainWindow::setLiveRefresh(Page *page, bool live)
{
    if (live) {
        m_notLive.remove(page);
    } else {
        m_notLive.insert(page);
        m_stale.remove(page);
    }
}

void MainWindow::ledgerChanged()
{
    for (Page *p : std::as_const(m_pageList)) {
        if (!m_notLive.contains(p)) {
            m_stale.insert(p);
        }
    }
    // Not restarted by every write: under a steady stream of changes the page still follows.
    if (!m_liveDelay->isActive()) {
        m_liveDelay->start(kLiveRefreshDelayMs);
    }
}

void MainWindow::refreshLive()
{
    Page *current = currentPage();
    if (current && m_stale.remove(current)) {
        refreshTimed(current, "(ledger changed)");
    }
    refreshCounts();
}

void MainWindow::refreshCounts()
{
    // The navigation shows the open exception count, so that page keeps counting while hidden,
    // though less often: it reads on the GUI thread.
    Page *exceptions = page(QStringLiteral("exceptions"));
    if (!exceptions || exceptions == currentPage() || !m_stale.contains(exceptions)
        || m_countsPending) {
        return;
    }
    const qint64 wait = kHiddenCountRefreshMs - m_countsRead.elapsed();
    if (wait > 0) {
        m_countsPending = true;
        QTimer::singleShot(int(wait), this, [this] {
            m_countsPending = false;
            refreshCounts();
        });
        return;
    }
    m_stale.remove(exceptions);
    m_countsRead.restart();
    refreshTimed(exceptions, "(hidden, for its count)");
}

void MainWindow::pageShown()
{
    Page *current = currentPage();
    if (current && m_stale.remove(current)) {
        refreshTimed(current, "(shown after changes)");
    }
}

void MainWindow::focusSearch()
{
    if (Page *p = currentPage()) {
        p->focusSearch();
    }
}

QString MainWindow::ledgerText() const
{
    const QString backend
        = m_store.config().backend == Core::Backend::Sqlite ? tr("SQLite") : tr("PostgreSQL");
    return tr("Ledger: %1 (%2)").arg(m_store.config().describe(), backend);
}

QString MainWindow::summaryText() const
{
    return m_summaryLabel->text();
}

QString MainWindow::freshnessText() const
{
    return m_freshness->text();
}

void MainWindow::updateSummary()
{
    const Page *p = currentPage();
    m_summaryLabel->setText(p ? p->summary() : QString());
    m_freshness->setNewestChange(p ? p->newestChange() : 0);
    m_freshness->setVisible(p && p->showsFreshness());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this,
        tr("About Ledgerdesk"),
        tr("<h3>Ledgerdesk %1</h3>"
           "<p>One inventory ledger for every channel: what is available, "
           "where, and why it changed.</p>"
           "<p>Ledger: %2</p>")
            .arg(QApplication::applicationVersion(), m_store.config().describe().toHtmlEscaped()));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    for (Page *p : std::as_const(m_pageList)) {
        p->restoreState(settings.value(QStringLiteral("pages/") + p->pageId()).toByteArray());
    }
    showPage(settings.value(QStringLiteral("page")).toString());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    for (const Page *p : m_pageList) {
        settings.setValue(QStringLiteral("pages/") + p->pageId(), p->saveState());
    }
    if (const Page *p = currentPage()) {
        settings.setValue(QStringLiteral("page"), p->pageId());
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace Ledgerdesk::Ui
