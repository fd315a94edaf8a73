#pragma once

#include <core/pricing/pricebook.h>
#include <ui/pages/page.h>

class QLabel;
class QTableView;
class QTreeWidget;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class PriceListModel;
class QuoteCalculator;

// What B2B buyers pay: the companies and their locations (currency, payment terms, price list),
// the selected location's price list (adjustment, fixed prices, quantity breaks and rules) and a
// quote calculator that says which rule produced a price. Reads are a few small queries.
class PricingPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PricingPage)

public:
    explicit PricingPage(Core::Store &store, QWidget *parent = nullptr);
    ~PricingPage() override;

    QString pageId() const override;
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    void refresh() override;
    void focusSearch() override;

    QTreeWidget *companies() const { return m_companies; }

    PriceListModel *priceList() const { return m_listModel; }

    QuoteCalculator *calculator() const { return m_calculator; }

    // Selects the location in the tree, shows its price list and quotes for it.
    bool selectLocation(const QString &companyLocationId);
    QString priceListText() const;
    QString errorText() const;

private:
    void showSelected();
    void showError(const QString &message);

    Core::Store &m_store;
    QList<Core::CompanyLocationInfo> m_locations;
    qsizetype m_companyCount = 0;

    QTreeWidget *m_companies = nullptr;
    QLabel *m_listHeader = nullptr;
    QTableView *m_listView = nullptr;
    PriceListModel *m_listModel = nullptr;
    QuoteCalculator *m_calculator = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Ledgerdesk::Ui
