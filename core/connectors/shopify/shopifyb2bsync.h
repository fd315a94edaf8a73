#pragma once

#include <core/error.h>
#include <core/pricing/pricebook.h>
#include <core/sync/connector.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

namespace Ledgerdesk::Core {

class ShopifyGraphqlClient;
class Store;

// Companies, company locations (with their catalog's price list and payment terms) and price
// lists from Shopify into the PriceBook. Companies and locations are pulled incrementally by
// `updated_at` every cycle: when nothing changed that is two small requests. Price lists cannot
// be searched by date, so they are pulled whole on the first cycle, when a location names a
// list the ledger does not have, and otherwise at most every `listRefreshMs`. Everything one
// cycle read is saved in one transaction.
class ShopifyB2BSync final
{
    Q_DECLARE_TR_FUNCTIONS(ShopifyB2BSync)

public:
    static constexpr qint64 kDefaultListRefreshMs = 15 * 60 * 1000;

    ShopifyB2BSync(Store &store, ShopifyGraphqlClient &client);

    void setListRefreshMs(qint64 ms) { m_listRefreshMs = ms; }

    Status run(SyncCycleReport &report);

    // One companyLocations node as the pull reads it (also used for webhook payloads' gids).
    static Result<CompanyLocationRecord> locationFromNode(const QJsonObject &node);
    static Result<PriceListRecord> priceListFromNode(const QJsonObject &node);

private:
    Status pullCompanies(B2BSnapshot &snapshot, SyncCycleReport &report);
    Status pullLocations(B2BSnapshot &snapshot, SyncCycleReport &report);
    Result<bool> listsDue(const B2BSnapshot &snapshot);
    Status pullPriceLists(B2BSnapshot &snapshot, SyncCycleReport &report);
    Status pullPrices(PriceListRecord &list, SyncCycleReport &report);
    Status pullRules(PriceListRecord &list, SyncCycleReport &report);

    Store &m_store;
    ShopifyGraphqlClient &m_client;
    qint64 m_listRefreshMs = kDefaultListRefreshMs;
    QString m_companiesCursor;
    QString m_companiesNewest;
    QString m_locationsCursor;
    QString m_locationsNewest;
};

} // namespace Ledgerdesk::Core
