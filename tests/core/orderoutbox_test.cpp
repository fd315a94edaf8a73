#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderfulfilment.h>
#include <core/orders/orderoutbox.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/outbox.h>
#include <tests/support/tempstore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

namespace {

const QString kActor = QStringLiteral("ops@brand");
const QString kSku = QStringLiteral("FJ-NAVY-M");

class OrderOutboxTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        stock(5);
    }

    void stock(qint64 available)
    {
        const auto posted
            = t.ledger().post(adjustment(QStringLiteral("stock-%1").arg(++m_stockings),
                                         t.variant(kSku),
                                         t.location(QStringLiteral("WH-EAST")),
                                         available));
        ASSERT_TRUE(posted.ok()) << qPrintable(posted.error().message);
    }

    OrderId receive(const QString &channel, const QString &ref, qint64 quantity)
    {
        IncomingOrder order;
        order.channel = channel;
        order.externalRef = ref;
        order.name = u'#' + ref;
        order.company = QStringLiteral("Northwind Outfitters");
        order.poNumber = QStringLiteral("PO-7781");
        order.paymentTerms = QStringLiteral("Net 30");
        order.currency = QStringLiteral("USD");
        order.lines = {{kSku, quantity, QStringLiteral("104.5")}};
        const auto received = OrderBook(t.store()).receive(order, kActor);
        EXPECT_TRUE(received.ok()) << qPrintable(received.error().message);
        return received.ok() ? received.value().id : 0;
    }

    QList<OutboxItem> rows(const QString &target)
    {
        auto q = runQuery(t.store().connection(),
                          QStringLiteral("SELECT id FROM outbox WHERE target = ? ORDER BY id"),
                          {target});
        EXPECT_TRUE(q.ok());
        QList<qint64> ids;
        while (q.ok() && q.value().next()) {
            ids << q.value().value(0).toLongLong();
        }
        QList<OutboxItem> items;
        Outbox outbox(t.store());
        for (const qint64 id : std::as_const(ids)) {
            items << outbox.item(id).value().value();
        }
        return items;
    }

    TempStore t;

private:
    int m_stockings = 0;
};

TEST_F(OrderOutboxTest, AllocationQueuesOneSalesOrderForTheErpWithAStableKey)
{
    const OrderId id = receive(OrderChannel::shopify, QStringLiteral("5001"), 3);
    EXPECT_TRUE(rows(QStringLiteral("erp")).isEmpty()) << "a new order is not sent yet";
    const auto outcome = OrderAllocator(t.store()).allocate(id, kActor);
    ASSERT_TRUE(outcome.ok()) << qPrintable(outcome.error().message);
    ASSERT_EQ(outcome.value().state, OrderState::Allocated);

    const QList<OutboxItem> queued = rows(QStringLiteral("erp"));
    ASSERT_EQ(queued.size(), 1);
    EXPECT_EQ(queued.at(0).kind, QStringLiteral("salesOrder.create"));
    EXPECT_EQ(queued.at(0).idempotencyKey, QStringLiteral("order-%1-erp").arg(id));
    EXPECT_EQ(queued.at(0).entityKey, QStringLiteral("shopify:5001"));
    const QJsonObject payload = QJsonDocument::fromJson(queued.at(0).payload).object();
    EXPECT_EQ(payload.value(QStringLiteral("externalId")).toString(),
              QStringLiteral("shopify:5001"));
    EXPECT_EQ(payload.value(QStringLiteral("entity")).toString(),
              QStringLiteral("Northwind Outfitters"));
    EXPECT_EQ(payload.value(QStringLiteral("poNumber")).toString(), QStringLiteral("PO-7781"));
    EXPECT_EQ(payload.value(QStringLiteral("terms")).toString(), QStringLiteral("Net 30"));
    const QJsonObject line = payload.value(QStringLiteral("lines")).toArray().at(0).toObject();
    EXPECT_EQ(line.value(QStringLiteral("sku")).toString(), kSku);
    EXPECT_EQ(line.value(QStringLiteral("quantity")).toInteger(), 3);
    EXPECT_EQ(line.value(QStringLiteral("rate")).toString(), QStringLiteral("104.50"));
}

TEST_F(OrderOutboxTest, BackorderIsQueuedOnceAndFillingItLaterAddsNothing)
{
    const OrderId id = receive(OrderChannel::console, QStringLiteral("Q-9"), 8);
    ASSERT_EQ(OrderAllocator(t.store()).allocate(id, kActor).value().state,
              OrderState::Backordered);
    ASSERT_EQ(rows(QStringLiteral("erp")).size(), 1);
    stock(10);
    ASSERT_EQ(OrderAllocator(t.store()).reallocateBackorders(kActor).value(), 1);
    ASSERT_EQ(OrderBook(t.store()).get(id).value()->state, OrderState::Allocated);
    const QList<OutboxItem> queued = rows(QStringLiteral("erp"));
    ASSERT_EQ(queued.size(), 1);
    EXPECT_EQ(queued.at(0).idempotencyKey, OrderOutbox::salesOrderKey(id));
}

TEST_F(OrderOutboxTest, ErpOrdersAreNotSentBackToTheErp)
{
    const OrderId id = receive(OrderChannel::erp, QStringLiteral("812"), 2);
    ASSERT_EQ(OrderAllocator(t.store()).allocate(id, kActor).value().state, OrderState::Allocated);
    EXPECT_TRUE(rows(QStringLiteral("erp")).isEmpty());
}

TEST_F(OrderOutboxTest, HeldOrderStaysNewTakesNoStockAndIsNotQueued)
{
    const OrderId id = receive(OrderChannel::shopify, QStringLiteral("5002"), 2);
    SyncException hold;
    hold.kind = ExceptionKind::PriceMismatch;
    hold.system = OrderChannel::shopify;
    hold.entity = QStringLiteral("order");
    hold.entityKey = QStringLiteral("shopify:5002:") + kSku;
    hold.errorText = QStringLiteral("charged 104.50, tier price 120.00");
    {
        QSqlDatabase db = t.store().connection();
        WriteTransaction tx(db, t.store().dialect());
        ASSERT_TRUE(ExceptionStore::raise(db, hold, nowUtcMillis()).ok());
        ASSERT_TRUE(tx.commit().ok());
    }
    const auto outcome = OrderAllocator(t.store()).allocate(id, kActor);
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().code, ErrorCode::Conflict);
    EXPECT_EQ(OrderBook(t.store()).get(id).value()->state, OrderState::New);
    EXPECT_EQ(t.ledger()
                  .balance(t.variant(kSku), t.location(QStringLiteral("WH-EAST")))
                  .value()
                  .get(QuantityName::Committed),
              0);
    EXPECT_TRUE(rows(QStringLiteral("erp")).isEmpty());
}

TEST_F(OrderOutboxTest, QueueingFailureRollsTheAllocationBack)
{
    const OrderId id = receive(OrderChannel::shopify, QStringLiteral("5003"), 2);
    // Another request already holds this order's key: the allocation must not commit alone.
    OutboxItem squatter;
    squatter.idempotencyKey = OrderOutbox::salesOrderKey(id);
    squatter.target = QStringLiteral("erp");
    squatter.kind = QStringLiteral("salesOrder.create");
    squatter.payload = "{}";
    {
        QSqlDatabase db = t.store().connection();
        WriteTransaction tx(db, t.store().dialect());
        ASSERT_TRUE(Outbox::enqueue(db, squatter, nowUtcMillis()).ok());
        ASSERT_TRUE(tx.commit().ok());
    }
    EXPECT_FALSE(OrderAllocator(t.store()).allocate(id, kActor).ok());
    EXPECT_EQ(OrderBook(t.store()).get(id).value()->state, OrderState::New);
    EXPECT_EQ(t.ledger()
                  .balance(t.variant(kSku), t.location(QStringLiteral("WH-EAST")))
                  .value()
                  .get(QuantityName::Available),
              5);
}

TEST_F(OrderOutboxTest, ShippingAShopifyOrderQueuesOneFulfilment)
{
    const OrderId shopify = receive(OrderChannel::shopify, QStringLiteral("5004"), 1);
    const OrderId console = receive(OrderChannel::console, QStringLiteral("Q-10"), 1);
    for (const OrderId id : {shopify, console}) {
        ASSERT_TRUE(OrderAllocator(t.store()).allocate(id, kActor).ok());
        ASSERT_TRUE(OrderFulfilment(t.store()).pick(id, kActor).ok());
    }
    EXPECT_TRUE(rows(QStringLiteral("shopify")).isEmpty()) << "picking is not shipping";
    for (const OrderId id : {shopify, console}) {
        ASSERT_TRUE(OrderBook(t.store()).advance(id, OrderState::Shipped, kActor).ok());
    }
    const QList<OutboxItem> queued = rows(QStringLiteral("shopify"));
    ASSERT_EQ(queued.size(), 1);
    EXPECT_EQ(queued.at(0).kind, QStringLiteral("fulfillment.create"));
    EXPECT_EQ(queued.at(0).idempotencyKey, QStringLiteral("order-%1-fulfillment").arg(shopify));
    const QJsonObject payload = QJsonDocument::fromJson(queued.at(0).payload).object();
    EXPECT_EQ(payload.value(QStringLiteral("shopifyOrderId")).toString(), QStringLiteral("5004"));
}

} // namespace
