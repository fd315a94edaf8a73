#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QMainWindow>
#include <QSet>

class QLabel;
class QListWidget;
class QStackedWidget;
class QTimer;

namespace Ledgerdesk::Core {
class LedgerWatcher;
class Store;
class SyncController;
} // namespace Ledgerdesk::Core

namespace Ledgerdesk::Ui {

class ConnectionStatusWidget;
class FreshnessLabel;
class Page;

// The console's frame: a navigation of pages on the left, the current page beside it, and a
// status bar that says which ledger is open, what the page shows, how fresh the data is and how
// each connected system is doing. Whoever writes the ledger (sync, webhooks, the CLI), the page
// in sight follows within a second; hidden pages catch up when they are shown.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    static constexpr int kLiveRefreshDelayMs = 200;    // gathers a burst of writes into one read
    static constexpr int kHiddenCountRefreshMs = 2000; // the navigation's exception count

    // `controller` may be null: the console then syncs with nothing and says so.
    explicit MainWindow(Core::Store &store,
                        Core::SyncController *controller = nullptr,
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds a page to the navigation; the n-th page is reachable with Ctrl+n.
    void addPage(Page *page);
    Page *currentPage() const;
    Page *page(const QString &pageId) const;
    bool showPage(const QString &pageId);

    // Re-reads the current page (F5). Changes to the ledger also re-read it, on their own.
    void refresh();

    // Whether the page re-reads itself when the ledger changes (on by default; off for pages
    // that hold edits, such as settings).
    void setLiveRefresh(Page *page, bool live);

    ConnectionStatusWidget *connectionStatus() const { return m_connectionStatus; }

    Core::LedgerWatcher *ledgerWatcher() const { return m_watcher; }

    QString ledgerText() const;
    QString summaryText() const;
    QString freshnessText() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createStatusBar();
    void showAbout();
    void focusSearch();
    void updateSummary();
    void restoreSettings();
    void saveSettings() const;
    void ledgerChanged();
    void refreshLive();
    void refreshCounts();
    void pageShown();

    Core::Store &m_store;
    Core::SyncController *m_controller = nullptr;
    Core::LedgerWatcher *m_watcher = nullptr;
    QTimer *m_liveDelay = nullptr;
    QSet<Page *> m_stale;       // changed in the ledger since they were last read
    QSet<Page *> m_notLive;     // never re-read on a ledger change
    QElapsedTimer m_countsRead; // when the hidden exceptions page last re-counted
    bool m_countsPending = false;
    QList<Page *> m_pageList;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_pagesEnd = nullptr;
    QLabel *m_ledgerLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    FreshnessLabel *m_freshness = nullptr;
    ConnectionStatusWidget *m_connectionStatus = nullptr;
};

} // namespace Ledgerdesk::Ui
