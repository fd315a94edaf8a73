#include "shopifysyncfixture.h"

#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderfulfilment.h>
#include <core/orders/orderoutbox.h>
#include <core/store/sql.h>
#include <core/sync/outbox.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace Ledgerdesk::ShopifySyncTests {
namespace {

using namespace Core;

const QString kActor = QStringLiteral("ops@brand");

const QString kOrderQuery = QStringLiteral(
    "query($id: ID!) { order(id: $id) { legacyResourceId name currencyCode "
    "displayFulfillmentStatus lineItems(first: 50) { nodes { sku quantity } } } }");

class ShopifyFulfilmentTest : public ShopifySyncTest
{
protected:
    QJsonObject shopifyOrder(const QString &gid)
    {
        return m_sandbox.graphql(kOrderQuery, {{QStringLiteral("id"), gid}})
            .json()[QStringLiteral("data")][QStringLiteral("order")]
            .toObject();
    }

    // The sandbox's new order received here, allocated, picked and shipped.
    OrderId shipHere(const QJsonObject &order)
    {
        IncomingOrder incoming;
        incoming.channel = OrderChannel::shopify;
        incoming.externalRef = order.value(QStringLiteral("legacyResourceId")).toString();
        incoming.name = order.value(QStringLiteral("name")).toString();
        incoming.currency = order.value(QStringLiteral("currencyCode")).toString();
        for (const QJsonValue &line :
             order[QStringLiteral("lineItems")][QStringLiteral("nodes")].toArray()) {
            incoming.lines.append({line[QStringLiteral("sku")].toString(),
                                   line[QStringLiteral("quantity")].toInteger(),
                                   QStringLiteral("10.00")});
        }
        const auto received = OrderBook(m_ledger.store()).receive(incoming, kActor);
        EXPECT_TRUE(received.ok()) << received.error().message.toStdString();
        if (!received.ok()) {
            return 0;
        }
        const OrderId id = received.value().id;
        const auto allocated
            = OrderAllocator(m_ledger.store())
                  .allocate(id, kActor, StockOverride{QStringLiteral("test order")});
        EXPECT_TRUE(allocated.ok()) << allocated.error().message.toStdString();
        EXPECT_TRUE(OrderFulfilment(m_ledger.store()).pick(id, kActor).ok());
        EXPECT_TRUE(OrderBook(m_ledger.store()).advance(id, OrderState::Shipped, kActor).ok());
        return id;
    }

    QString outboxStatus(const QString &key)
    {
        auto q = runQuery(m_ledger.store().connection(),
                          QStringLiteral("SELECT status FROM outbox WHERE idempotency_key = ?"),
                          {key});
        return q.ok() && q.value().next() ? q.value().value(0).toString() : QString();
    }
};

TEST_F(ShopifyFulfilmentTest, aShippedOrderIsFulfilledInShopifyExactlyOnce)
{
    const QJsonObject created
        = m_sandbox.control({{QStringLiteral("action"), QStringLiteral("createOrder")}});
    const QString gid = created.value(QStringLiteral("orderId")).toString();
    ASSERT_FALSE(gid.isEmpty());
    const QJsonObject before = shopifyOrder(gid);
    ASSERT_EQ(before.value(QStringLiteral("displayFulfillmentStatus")).toString(),
              QStringLiteral("UNFULFILLED"));
    const OrderId id = shipHere(before);
    ASSERT_GT(id, 0);
    const QString key = OrderOutbox::fulfillmentKey(id);
    ASSERT_EQ(outboxStatus(key), QStringLiteral("pending"));

    const SyncCycleReport report = cycle();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(outboxStatus(key), QStringLiteral("done"));
    EXPECT_EQ(shopifyOrder(gid).value(QStringLiteral("displayFulfillmentStatus")).toString(),
              QStringLiteral("FULFILLED"));
    const QJsonObject sent = idempotency(key);
    EXPECT_EQ(sent.value(QStringLiteral("mutation")).toString(),
              QStringLiteral("fulfillmentCreate"))
        << QJsonDocument(sent).toJson().toStdString();
    EXPECT_EQ(sent.value(QStringLiteral("applied")).toInteger(), 1);

    // Sent again after a crash before the answer was recorded: Shopify already shows the order
    // fulfilled, so the row completes without a second fulfilment.
    ASSERT_TRUE(runQuery(m_ledger.store().connection(),
                         QStringLiteral("UPDATE outbox SET status = 'in_flight' WHERE "
                                        "idempotency_key = ?"),
                         {key})
                    .ok());
    ASSERT_EQ(Outbox(m_ledger.store()).recoverInFlight().value(), 1);
    const SyncCycleReport again = cycle();
    ASSERT_TRUE(again.error.isEmpty()) << again.error.toStdString();
    EXPECT_EQ(outboxStatus(key), QStringLiteral("done"));
    const QJsonObject after = idempotency(key);
    EXPECT_EQ(after.value(QStringLiteral("applied")).toInteger(), 1);
    EXPECT_EQ(after.value(QStringLiteral("replays")).toInteger(), 0);
    EXPECT_TRUE(openExceptions(ExceptionKind::RejectedByTarget).isEmpty());
}

TEST_F(ShopifyFulfilmentTest, aFulfilmentForAnOrderShopifyDoesNotKnowIsDeadLettered)
{
    IncomingOrder incoming;
    incoming.channel = OrderChannel::shopify;
    incoming.externalRef = QStringLiteral("4242");
    incoming.name = QStringLiteral("#4242");
    incoming.currency = QStringLiteral("USD");
    const QJsonObject any
        = m_sandbox.control({{QStringLiteral("action"), QStringLiteral("createOrder")}});
    const QJsonObject order = shopifyOrder(any.value(QStringLiteral("orderId")).toString());
    incoming.lines.append(
        {order[QStringLiteral("lineItems")][QStringLiteral("nodes")][0][QStringLiteral("sku")]
             .toString(),
         1,
         QStringLiteral("10.00")});
    const OrderId id = OrderBook(m_ledger.store()).receive(incoming, kActor).value().id;
    ASSERT_TRUE(OrderAllocator(m_ledger.store())
                    .allocate(id, kActor, StockOverride{QStringLiteral("test order")})
                    .ok());
    ASSERT_TRUE(OrderFulfilment(m_ledger.store()).pick(id, kActor).ok());
    ASSERT_TRUE(OrderBook(m_ledger.store()).advance(id, OrderState::Shipped, kActor).ok());

    const SyncCycleReport report = cycle();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(outboxStatus(OrderOutbox::fulfillmentKey(id)), QStringLiteral("dead"));
    const QList<SyncException> rejected = openExceptions(ExceptionKind::RejectedByTarget);
    ASSERT_EQ(rejected.size(), 1);
    EXPECT_EQ(rejected.at(0).entity, QStringLiteral("order"));
    EXPECT_EQ(rejected.at(0).entityKey, QStringLiteral("shopify:4242"));
    EXPECT_TRUE(rejected.at(0).errorText.contains(QStringLiteral("4242")))
        << rejected.at(0).errorText.toStdString();
}

} // namespace
} // namespace Ledgerdesk::ShopifySyncTests
