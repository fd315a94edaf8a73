#pragma once

#include <ui/pages/page.h>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class AvailabilityModel;
class SkuDetailPane;
class SkuDetailReader;
class StyleMatrixView;

// What can be sold where: every SKU × location balance, searchable and filterable, with low and
// sold-out stock marked. Below the table, tabs follow the current row: its details (what each
// system says, its movement history) and its style as a colour × size matrix.
class AvailabilityPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AvailabilityPage)

public:
    static constexpr int kSearchDelayMs = 200;
    // Moving through rows quickly reads the details once, for the row the selection settles on.
    static constexpr int kFollowDelayMs = 100;

    explicit AvailabilityPage(Core::Store &store, QWidget *parent = nullptr);
    ~AvailabilityPage() override;

    QString pageId() const override;
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    void refresh() override;
    void focusSearch() override;
    Core::UtcMillis newestChange() const override;

    bool showsFreshness() const override { return true; }

    // The same as typing or picking in the filter bar, applied at once.
    void setSearchText(const QString &text);
    void setLocationFilter(const QString &locationCode);
    void setLowStockOnly(bool lowStockOnly);

    AvailabilityModel *model() const { return m_model; }

    QTableView *view() const { return m_view; }

    QLineEdit *searchField() const { return m_search; }

    SkuDetailPane *detailPane() const { return m_details; }

    StyleMatrixView *matrixView() const { return m_matrix; }

    QTabWidget *detailTabs() const { return m_tabs; }

    QSplitter *splitter() const { return m_splitter; }

    // Shows the current row in the tabs now instead of after the follow delay.
    void followCurrentRowNow();

    QByteArray saveState() const override;
    void restoreState(const QByteArray &state) override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followCurrentRow();
    void showMatrixTab();
    void focusDetails();
    QWidget *createDetailTabs();
    void applySearch();
    void loadLocations();
    void updatePlaceholder();
    void showError(const QString &message);
    QWidget *createFilterBar();
    void configureView();

    Core::Store &m_store;
    AvailabilityModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_location = nullptr;
    QCheckBox *m_lowStock = nullptr;
    QTimer *m_searchDelay = nullptr;
    QStackedWidget *m_content = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_error = nullptr;
    QTimer *m_followDelay = nullptr;
    bool m_followWaiting = false; // the current row's page has not arrived yet
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
    SkuDetailReader *m_reader = nullptr;
    SkuDetailPane *m_details = nullptr;
    StyleMatrixView *m_matrix = nullptr;
};

} // namespace Ledgerdesk::Ui
