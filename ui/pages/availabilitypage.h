#pragma once

#include <ui/pages/page.h>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class AvailabilityModel;

// What can be sold where: every SKU × location balance, searchable and filterable, with low and
// sold-out stock marked.
class AvailabilityPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AvailabilityPage)

public:
    static constexpr int kSearchDelayMs = 200;

    explicit AvailabilityPage(Core::Store &store, QWidget *parent = nullptr);
    ~AvailabilityPage() override;

    QString pageId() const override;
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    void refresh() override;
    void focusSearch() override;
    Core::UtcMillis newestChange() const override;

    // The same as typing or picking in the filter bar, applied at once.
    void setSearchText(const QString &text);
    void setLocationFilter(const QString &locationCode);
    void setLowStockOnly(bool lowStockOnly);

    AvailabilityModel *model() const { return m_model; }

    QTableView *view() const { return m_view; }

    QLineEdit *searchField() const { return m_search; }

    QByteArray saveState() const override;
    void restoreState(const QByteArray &state) override;

private:
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
};

} // namespace Ledgerdesk::Ui
