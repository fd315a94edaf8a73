#pragma once

#include <core/error.h>
#include <core/sync/connector.h>
#include <core/sync/outbox.h>
#include <core/sync/outboxkinds.h>

#include <QCoreApplication>
#include <QJsonObject>

#include <variant>

namespace Ledgerdesk::Core {

class ShopifyGraphqlClient;
class Store;

// Delivers "fulfillment.create" outbox rows (a Shopify order shipped here; see OrderOutbox): reads
// the order's open fulfillment orders and fulfils what remains of them with fulfillmentCreate,
// under @idempotent(key:) with the row's key, so a resent request applies once. An order Shopify
// already shows as fulfilled (an earlier attempt whose answer was lost, or a fulfilment made in
// Shopify) completes the row without a second fulfilment. An unknown order or a user error
// dead-letters the row with Shopify's message; throttling and outages are retried.
class ShopifyFulfilmentPusher final
{
    Q_DECLARE_TR_FUNCTIONS(ShopifyFulfilmentPusher)

public:
    static inline const QString kKind = OutboxKinds::kFulfillmentCreate;

    ShopifyFulfilmentPusher(Store &store, ShopifyGraphqlClient &client);

    Status drain(SyncCycleReport &report);

private:
    struct Refusal
    {
        QString message;
        bool permanent = false;
    };

    // The new fulfilment's id (empty when Shopify already had the order fulfilled), or why not.
    std::variant<QString, Refusal> deliver(const OutboxItem &item);

    Store &m_store;
    ShopifyGraphqlClient &m_client;
    Outbox m_outbox;
};

} // namespace Ledgerdesk::Core
