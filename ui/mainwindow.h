#pragma once

#include <QList>
#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class FreshnessLabel;
class Page;

// The console's frame: a navigation of pages on the left, the current page beside it, and a
// status bar that says which ledger is open, what the page shows and how fresh the data is.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Core::Store &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds a page to the navigation; the n-th page is reachable with Ctrl+n.
    void addPage(Page *page);
    Page *currentPage() const;
    Page *page(const QString &pageId) const;
    bool showPage(const QString &pageId);

    // Re-reads the current page (F5). The age of the newest change shown in the status bar
    // ticks on by itself; the ledger is only asked again here, never on a timer.
    void refresh();

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

    Core::Store &m_store;
    QList<Page *> m_pageList;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_pagesEnd = nullptr;
    QLabel *m_ledgerLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    FreshnessLabel *m_freshness = nullptr;
};

} // namespace Ledgerdesk::Ui
