#pragma once

#include <core/connectors/shopify/shopifyindex.h>
#include <core/error.h>
#include <core/sync/connector.h>
#include <core/sync/outbox.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace Ledgerdesk::Core {

class ShopifyGraphqlClient;
class Store;

// Delivers due outbox rows for Shopify with inventorySetQuantities, up to 250 quantities per
// call. A batch's @idempotent key is derived from its members' keys, so resending the same
// batch never applies twice and a batch with other members gets another key;
// `changeFromQuantity` makes each quantity a compare-and-swap, so a stale write is refused and
// raised instead of overwriting a newer count.
class ShopifyPusher final
{
    Q_DECLARE_TR_FUNCTIONS(ShopifyPusher)

public:
    static constexpr int maxBatchSize = 250;

    ShopifyPusher(Store &store,
                  ShopifyGraphqlClient &client,
                  const ShopifyIndex &index,
                  int batchSize = maxBatchSize);

    Status drain(SyncCycleReport &report);

    // The batch key for rows with these idempotency keys (order does not matter); a batch of
    // one keeps its row's key.
    static QString batchKey(QStringList memberKeys);

private:
    struct Member
    {
        OutboxItem item;
        QString name;
        QString itemId;
        QString locationId;
        qint64 quantity = 0;
        QJsonObject change;
    };

    Status prepare(const OutboxItem &item, QList<Member> &ready, SyncCycleReport &report);
    Status deliver(QList<Member> members, SyncCycleReport &report);
    Status completeAll(const QList<Member> &members,
                       const QString &key,
                       const QJsonObject &result,
                       SyncCycleReport &report);
    Status
    refused(const Member &member, const QString &message, bool stale, SyncCycleReport &report);
    Status failed(const OutboxItem &item, const DeliveryFailure &failure, SyncCycleReport &report);
    std::optional<qint64> currentLevel(const Member &member);

    Store &m_store;
    ShopifyGraphqlClient &m_client;
    const ShopifyIndex &m_index;
    Outbox m_outbox;
    int m_batchSize;
};

} // namespace Ledgerdesk::Core
