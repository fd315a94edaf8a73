#pragma once

#include <core/connectors/shopify/shopifyindex.h>
#include <core/error.h>
#include <core/sync/connector.h>
#include <core/sync/outbox.h>

#include <QCoreApplication>

namespace Ledgerdesk::Core {

class ShopifyGraphqlClient;
class Store;

// Delivers due outbox rows for Shopify with inventorySetQuantities: one idempotency key per
// row, `changeFromQuantity` as compare-and-swap, so a resend never applies twice and a stale
// write is refused and raised instead of overwriting a newer count.
class ShopifyPusher final
{
    Q_DECLARE_TR_FUNCTIONS(ShopifyPusher)

public:
    ShopifyPusher(Store &store, ShopifyGraphqlClient &client, const ShopifyIndex &index);

    Status drain(SyncCycleReport &report);

private:
    Status deliver(const OutboxItem &item, SyncCycleReport &report);
    Status failed(const OutboxItem &item, const DeliveryFailure &failure, SyncCycleReport &report);
    Status raiseStale(const OutboxItem &item,
                      const QString &itemId,
                      const QString &locationId,
                      qint64 quantity,
                      const QString &message);

    Store &m_store;
    ShopifyGraphqlClient &m_client;
    const ShopifyIndex &m_index;
    Outbox m_outbox;
};

} // namespace Ledgerdesk::Core
