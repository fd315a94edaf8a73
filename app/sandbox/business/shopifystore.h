#pragma once

#include "shopifyentities.h"

#include <QHash>
#include <QJsonObject>

namespace Ledgerdesk::Sandbox {

// The stand-in shop's state: catalogue, levels, orders and B2B setup, in memory.
class ShopifyStore final
{
public:
    static ShopifyStore seeded(quint32 seed, qint64 now);

    QList<ShopLocation> locations;
    QList<ShopProduct> products;
    QList<ShopVariant> variants;
    QList<ShopOrder> orders;
    QList<PaymentTermsTemplate> paymentTerms;
    QList<ShopCompany> companies;
    QList<ShopCompanyLocation> companyLocations;
    QList<ShopPriceList> priceLists;
    QString shopCurrency = QStringLiteral("USD");
    int seededCompanies = 0; // companies after these were created while running and are saved
    int nextOrderNumber = 1001;
    qint64 nextAdjustmentGroup = 1;

    ShopLevel &level(int variant, int location);
    const ShopLevel &level(int variant, int location) const;

    int variantByItemId(qint64 itemId) const;
    int variantById(qint64 variantId) const;
    int variantBySku(const QString &sku) const;
    int locationById(qint64 id) const;
    int orderById(qint64 id) const;
    int productById(qint64 id) const;
    int companyById(qint64 id) const;
    int companyLocationById(qint64 id) const;
    int priceListById(qint64 id) const;

    // Demo exchange rates from the shop currency (USD); money stays in integer minor units.
    static qint64 convert(qint64 usdMinor, const QString &currency);

    qint64 newOrderId() const;
    qint64 newLineId(int orderIndex, int line) const;

    // Only what changes over time is saved; the seeded catalogue is rebuilt from the seed.
    QJsonObject saveState() const;
    bool loadState(const QJsonObject &state, QString *error);

    void reindex();

private:
    QList<ShopLevel> m_levels; // variant-major: variant * locations + location
    QHash<qint64, int> m_byItem;
    QHash<qint64, int> m_byVariant;
    QHash<QString, int> m_bySku;
    QHash<qint64, int> m_byOrder;
    quint32 m_seed = 0;

    friend class ShopifySeed;
};

} // namespace Ledgerdesk::Sandbox
