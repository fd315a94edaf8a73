#pragma once

#include <core/connectors/shopify/shopifyindex.h>
#include <core/error.h>
#include <core/sync/connector.h>
#include <core/sync/syncexception.h>

#include <QCoreApplication>

namespace Ledgerdesk::Core {

class ShopifyGraphqlClient;
class Store;

// Links Shopify's locations (by name) and inventory items (by SKU) to the ledger's, reporting
// what the ledger does not know instead of inventing it.
class ShopifyCatalogMapper final
{
    Q_DECLARE_TR_FUNCTIONS(ShopifyCatalogMapper)

public:
    ShopifyCatalogMapper(Store &store, ShopifyGraphqlClient &client);

    Status mapLocations(ShopifyIndex &index, SyncCycleReport &report);
    // Pulls variants changed since the last pass (all of them the first time), links them, and
    // loads every known link into `index`.
    Status mapItems(ShopifyIndex &index, SyncCycleReport &report);

private:
    Status raiseUnknown(ExceptionKind kind,
                        const QString &entity,
                        const QString &key,
                        const QString &text,
                        SyncCycleReport &report);
    Status loadItemLinks(ShopifyIndex &index);

    Store &m_store;
    ShopifyGraphqlClient &m_client;
};

} // namespace Ledgerdesk::Core
