#include <core/orders/channellocations.h>
#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderfulfilment.h>
#include <core/store/sql.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/outbox.h>
#include <core/sync/ownershipmap.h>
#include <tests/support/tempstore.h>

#include <QThread>

#include <gtest/gtest.h>

#include <atomic>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

namespace {

const QString kActor = QStringLiteral("ops@brand");
const QString kSku = QStringLiteral("FJ-NAVY-M");

class OrdersTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        ASSERT_TRUE(t.catalog()
                        .saveLocation({0,
                                       QStringLiteral("3PL-WEST"),
                                       QStringLiteral("West 3PL"),
                                       LocationKind::ThirdPartyLogistics,
                                       true})
                        .ok());
        stock(QStringLiteral("WH-EAST"), 5);
        stock(QStringLiteral("3PL-WEST"), 10);
    }

    void stock(const QString &location, qint64 available)
    {
        const auto posted = t.ledger().post(
            adjustment(QStringLiteral("stock-%1-%2").arg(location).arg(++m_stockings),
                       t.variant(kSku),
                       t.location(location),
                       available));
        ASSERT_TRUE(posted.ok()) << qPrintable(posted.error().message);
    }

    Quantities at(const QString &location)
    {
        return t.ledger().balance(t.variant(kSku), t.location(location)).value();
    }

    OrderId receive(const QString &channel, const QString &ref, qint64 quantity)
    {
        IncomingOrder order;
        order.channel = channel;
        order.externalRef = ref;
        order.name = u'#' + ref;
        order.currency = QStringLiteral("USD");
        order.lines = {{kSku, quantity, QStringLiteral("189.00")}};
        const auto received = OrderBook(t.store()).receive(order, kActor);
        EXPECT_TRUE(received.ok()) << qPrintable(received.error().message);
        return received.ok() ? received.value().id : 0;
    }

    Order load(OrderId id) { return OrderBook(t.store()).get(id).value().value(); }

    qint64 openOversells()
    {
        auto q = runQuery(t.store().connection(),
                          QStringLiteral("SELECT COUNT(*) FROM sync_exceptions WHERE kind = "
                                         "'oversell' AND state = 'open'"));
        return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
    }

    TempStore t;

private:
    int m_stockings = 0;
};

TEST_F(OrdersTest, ReceivingTwiceKeepsOneOrder)
{
    const OrderId first = receive(OrderChannel::shopify, QStringLiteral("1001"), 2);
    IncomingOrder again;
    again.channel = OrderChannel::shopify;
    again.externalRef = QStringLiteral("1001");
    again.name = QStringLiteral("#1001");
    again.currency = QStringLiteral("USD");
    again.lines = {{kSku, 2, QStringLiteral("189.00")}};
    const auto repeated = OrderBook(t.store()).receive(again, kActor);
    ASSERT_TRUE(repeated.ok());
    EXPECT_TRUE(repeated.value().duplicate);
    EXPECT_EQ(repeated.value().id, first);
    EXPECT_EQ(OrderBook(t.store()).list({}).value().size(), 1);
}

TEST_F(OrdersTest, BadOrdersAreRefusedAndStoreNothing)
{
    IncomingOrder order;
    order.channel = OrderChannel::erp;
    order.externalRef = QStringLiteral("SO-77");
    order.currency = QStringLiteral("USD");
    order.lines
        = {{kSku, 1, QStringLiteral("10.00")}, {QStringLiteral("NOPE"), 1, QStringLiteral("1")}};
    const auto unknown = OrderBook(t.store()).receive(order, kActor);
    ASSERT_FALSE(unknown.ok());
    EXPECT_TRUE(unknown.error().message.contains(QStringLiteral("NOPE")));
    order.lines = {{kSku, 0, QStringLiteral("10.00")}};
    EXPECT_FALSE(OrderBook(t.store()).receive(order, kActor).ok());
    order.lines = {{kSku, 1, QStringLiteral("ten")}};
    EXPECT_FALSE(OrderBook(t.store()).receive(order, kActor).ok());
    order.lines = {{kSku, 1, QStringLiteral("10.00")}};
    order.currency = QStringLiteral("dollars");
    EXPECT_FALSE(OrderBook(t.store()).receive(order, kActor).ok());
    EXPECT_TRUE(OrderBook(t.store()).list({}).value().isEmpty());
}

TEST_F(OrdersTest, EditsFlowInUntilStockIsCommitted)
{
    const OrderId id = receive(OrderChannel::erp, QStringLiteral("SO-1"), 2);
    receive(OrderChannel::erp, QStringLiteral("SO-1"), 3);
    EXPECT_EQ(load(id).lines.constFirst().quantity, 3);
    ASSERT_TRUE(OrderAllocator(t.store()).allocate(id, kActor).ok());
    IncomingOrder edited;
    edited.channel = OrderChannel::erp;
    edited.externalRef = QStringLiteral("SO-1");
    edited.currency = QStringLiteral("USD");
    edited.lines = {{kSku, 4, QStringLiteral("189.00")}};
    const auto refused = OrderBook(t.store()).receive(edited, kActor);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Conflict);
    EXPECT_EQ(load(id).lines.constFirst().quantity, 3);
}

TEST_F(OrdersTest, AllocationFollowsTheChannelsLocationsAndCommitsStock)
{
    ASSERT_TRUE(ChannelLocations(t.store())
                    .set(OrderChannel::shopify,
                         {QStringLiteral("3PL-WEST"), QStringLiteral("WH-EAST")},
                         kActor)
                    .ok());
    const OrderId id = receive(OrderChannel::shopify, QStringLiteral("1002"), 12);
    const auto outcome = OrderAllocator(t.store()).allocate(id, kActor);
    ASSERT_TRUE(outcome.ok()) << qPrintable(outcome.error().message);
    EXPECT_EQ(outcome.value().state, OrderState::Allocated);
    EXPECT_EQ(outcome.value().allocatedNow, 12);
    EXPECT_EQ(at(QStringLiteral("3PL-WEST")).available(), 0);
    EXPECT_EQ(at(QStringLiteral("3PL-WEST")).committed(), 10);
    EXPECT_EQ(at(QStringLiteral("WH-EAST")).available(), 3);
    EXPECT_EQ(at(QStringLiteral("WH-EAST")).committed(), 2);
    EXPECT_EQ(at(QStringLiteral("WH-EAST")).onHand(), 5); // committing moves nothing off the shelf
    const Order order = load(id);
    EXPECT_EQ(order.state, OrderState::Allocated);
    EXPECT_EQ(order.lines.constFirst().allocated(), 12);
    EXPECT_TRUE(t.ledger().verify().value().consistent());
}

TEST_F(OrdersTest, ShortStockBackordersRaisesOneExceptionAndRefillsWhenStockArrives)
{
    const OrderId id = receive(OrderChannel::shopify, QStringLiteral("1003"), 20);
    const auto outcome = OrderAllocator(t.store()).allocate(id, kActor);
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(outcome.value().state, OrderState::Backordered);
    EXPECT_EQ(outcome.value().allocatedNow, 15);
    EXPECT_EQ(outcome.value().shortfall, 5);
    EXPECT_EQ(openOversells(), 1);
    EXPECT_EQ(at(QStringLiteral("WH-EAST")).available(), 0);

    EXPECT_EQ(OrderAllocator(t.store()).reallocateBackorders(kActor).value(), 0);
    stock(QStringLiteral("WH-EAST"), 3);
    EXPECT_EQ(OrderAllocator(t.store()).reallocateBackorders(kActor).value(), 1);
    EXPECT_EQ(load(id).state, OrderState::Backordered);
    stock(QStringLiteral("WH-EAST"), 4);
    EXPECT_EQ(OrderAllocator(t.store()).reallocateBackorders(kActor).value(), 1);
    EXPECT_EQ(load(id).state, OrderState::Allocated);
    EXPECT_EQ(at(QStringLiteral("WH-EAST")).available(), 2);
    EXPECT_EQ(openOversells(), 1); // refilling raises nothing new
}

TEST_F(OrdersTest, AnOverrideMayGoBelowZeroAndIsAudited)
{
    const OrderId id = receive(OrderChannel::console, QStringLiteral("R-1"), 18);
    EXPECT_FALSE(OrderAllocator(t.store()).allocate(id, kActor, StockOverride{QString()}).ok());
    const auto outcome = OrderAllocator(t.store()).allocate(
        id, kActor, StockOverride{QStringLiteral("VIP buyer")});
    ASSERT_TRUE(outcome.ok()) << qPrintable(outcome.error().message);
    EXPECT_EQ(outcome.value().state, OrderState::Allocated);
    const qint64 total
        = at(QStringLiteral("WH-EAST")).available() + at(QStringLiteral("3PL-WEST")).available();
    EXPECT_EQ(total, -3);
    auto audit = runQuery(t.store().connection(),
                          QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                         "'ledger.override' AND detail = 'VIP buyer'"));
    ASSERT_TRUE(audit.ok() && audit.value().next());
    EXPECT_EQ(audit.value().value(0).toLongLong(), 1);
}

TEST_F(OrdersTest, PickShipInvoicePayThenReturnWithRestock)
{
    const OrderId id = receive(OrderChannel::shopify, QStringLiteral("1004"), 4);
    ASSERT_TRUE(OrderAllocator(t.store()).allocate(id, kActor).ok());
    const qint64 onHandBefore
        = at(QStringLiteral("3PL-WEST")).onHand() + at(QStringLiteral("WH-EAST")).onHand();
    OrderFulfilment fulfilment(t.store());
    OrderBook book(t.store());
    EXPECT_FALSE(book.advance(id, OrderState::Paid, kActor).ok()); // not before shipping
    ASSERT_TRUE(fulfilment.pick(id, kActor).ok());
    const qint64 onHandAfter
        = at(QStringLiteral("3PL-WEST")).onHand() + at(QStringLiteral("WH-EAST")).onHand();
    EXPECT_EQ(onHandBefore - onHandAfter, 4);
    EXPECT_FALSE(fulfilment.cancel(id, kActor, QStringLiteral("too late")).ok());
    ASSERT_TRUE(book.advance(id, OrderState::Shipped, kActor).ok());
    ASSERT_TRUE(book.advance(id, OrderState::Invoiced, kActor).ok());
    ASSERT_TRUE(book.advance(id, OrderState::Paid, kActor).ok());
    ASSERT_TRUE(fulfilment.returnOrder(id, RestockDecision::Restock, kActor).ok());
    EXPECT_EQ(load(id).state, OrderState::Returned);
    const qint64 available
        = at(QStringLiteral("3PL-WEST")).available() + at(QStringLiteral("WH-EAST")).available();
    EXPECT_EQ(available, 15);
    const QList<OrderEvent> history = book.history(id).value();
    QStringList steps;
    for (const OrderEvent &event : history) {
        steps << orderStateKey(event.to);
        EXPECT_EQ(event.actor, kActor);
    }
    EXPECT_EQ(steps,
              QStringList({QStringLiteral("new"),
                           QStringLiteral("allocated"),
                           QStringLiteral("picking"),
                           QStringLiteral("shipped"),
                           QStringLiteral("invoiced"),
                           QStringLiteral("paid"),
                           QStringLiteral("returned")}));
    EXPECT_TRUE(t.ledger().verify().value().consistent());
}

TEST_F(OrdersTest, ReleaseFollowsWhoOwnsOnHand)
{
    // By default the WMS owns on_hand: releasing queues a pick ticket and moves no stock yet.
    const OrderId viaWms = receive(OrderChannel::shopify, QStringLiteral("1010"), 1);
    ASSERT_TRUE(OrderAllocator(t.store()).allocate(viaWms, kActor).ok());
    const qint64 committed
        = at(QStringLiteral("WH-EAST")).committed() + at(QStringLiteral("3PL-WEST")).committed();
    ASSERT_TRUE(OrderFulfilment(t.store()).release(viaWms, kActor).ok());
    EXPECT_EQ(load(viaWms).state, OrderState::Picking);
    EXPECT_EQ(at(QStringLiteral("WH-EAST")).committed()
                  + at(QStringLiteral("3PL-WEST")).committed(),
              committed);
    const auto backlog = Outbox(t.store()).backlog(QStringLiteral("wms"));
    ASSERT_TRUE(backlog.ok());
    EXPECT_EQ(backlog.value().pending, 1);
    // Sent to the WMS, it ships on the WMS's confirmation, not by hand.
    const auto byHand = OrderBook(t.store()).advance(viaWms, OrderState::Shipped, kActor);
    ASSERT_FALSE(byHand.ok());
    EXPECT_EQ(byHand.error().code, ErrorCode::Conflict);

    // Owned in-house, the same step takes the units off on_hand at once.
    ASSERT_TRUE(OwnershipMap(t.store())
                    .setOwner(QStringLiteral("on_hand"), QStringLiteral("ledger"), kActor)
                    .ok());
    const OrderId inHouse = receive(OrderChannel::shopify, QStringLiteral("1011"), 1);
    ASSERT_TRUE(OrderAllocator(t.store()).allocate(inHouse, kActor).ok());
    ASSERT_TRUE(OrderFulfilment(t.store()).release(inHouse, kActor).ok());
    EXPECT_EQ(load(inHouse).state, OrderState::Picking);
    EXPECT_EQ(at(QStringLiteral("WH-EAST")).committed()
                  + at(QStringLiteral("3PL-WEST")).committed(),
              committed);
    EXPECT_EQ(Outbox(t.store()).backlog(QStringLiteral("wms")).value().pending, 1);
}

TEST_F(OrdersTest, DamagedReturnsStayOnHandOutsideAvailable)
{
    const OrderId id = receive(OrderChannel::shopify, QStringLiteral("1005"), 2);
    ASSERT_TRUE(OrderAllocator(t.store()).allocate(id, kActor).ok());
    ASSERT_TRUE(OrderFulfilment(t.store()).pick(id, kActor).ok());
    ASSERT_TRUE(OrderBook(t.store()).advance(id, OrderState::Shipped, kActor).ok());
    ASSERT_TRUE(OrderFulfilment(t.store()).returnOrder(id, RestockDecision::Damaged, kActor).ok());
    const Quantities west = at(QStringLiteral("3PL-WEST"));
    EXPECT_EQ(west.get(QuantityName::Damaged), 2);
    EXPECT_EQ(west.available(), 8);
}

TEST_F(OrdersTest, CancellingGivesCommittedStockBack)
{
    const OrderId id = receive(OrderChannel::erp, QStringLiteral("SO-9"), 7);
    ASSERT_TRUE(OrderAllocator(t.store()).allocate(id, kActor).ok());
    EXPECT_FALSE(OrderFulfilment(t.store()).cancel(id, kActor, QString()).ok());
    ASSERT_TRUE(OrderFulfilment(t.store()).cancel(id, kActor, QStringLiteral("buyer asked")).ok());
    EXPECT_EQ(
        at(QStringLiteral("WH-EAST")).available() + at(QStringLiteral("3PL-WEST")).available(), 15);
    EXPECT_EQ(
        at(QStringLiteral("WH-EAST")).committed() + at(QStringLiteral("3PL-WEST")).committed(), 0);
    const Order order = load(id);
    EXPECT_EQ(order.state, OrderState::Cancelled);
    EXPECT_EQ(order.lines.constFirst().allocated(), 0);
    EXPECT_FALSE(OrderAllocator(t.store()).allocate(id, kActor).ok());
}

TEST_F(OrdersTest, TwoChannelsRacingForTheLastUnitsNeverBothWin)
{
    // 15 units in all; each order wants 10, from two threads with their own connections.
    const OrderId shop = receive(OrderChannel::shopify, QStringLiteral("R-SHOP"), 10);
    const OrderId erp = receive(OrderChannel::erp, QStringLiteral("R-ERP"), 10);
    std::atomic_int failures{0};
    QList<QThread *> threads;
    for (const OrderId id : {shop, erp}) {
        threads << QThread::create([this, id, &failures] {
            if (!OrderAllocator(t.store()).allocate(id, kActor).ok()) {
                ++failures;
            }
            t.store().closeThreadConnection();
        });
    }
    for (QThread *thread : threads) {
        thread->start();
    }
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    EXPECT_EQ(failures.load(), 0);
    const QList<OrderState> states = {load(shop).state, load(erp).state};
    EXPECT_EQ(states.count(OrderState::Allocated), 1);
    EXPECT_EQ(states.count(OrderState::Backordered), 1);
    EXPECT_EQ(at(QStringLiteral("WH-EAST")).available(), 0);
    EXPECT_EQ(at(QStringLiteral("3PL-WEST")).available(), 0);
    EXPECT_EQ(load(shop).lines.constFirst().allocated() + load(erp).lines.constFirst().allocated(),
              15);
    EXPECT_TRUE(t.ledger().verify().value().consistent());
}

TEST_F(OrdersTest, QueueFiltersByChannelStateAndCompany)
{
    receive(OrderChannel::shopify, QStringLiteral("A"), 1);
    const OrderId b2b = receive(OrderChannel::erp, QStringLiteral("B"), 1);
    IncomingOrder company;
    company.channel = OrderChannel::shopify;
    company.externalRef = QStringLiteral("C");
    company.company = QStringLiteral("Harbor & Pine_Co");
    company.poNumber = QStringLiteral("PO-5521");
    company.paymentTerms = QStringLiteral("Net 30");
    company.currency = QStringLiteral("USD");
    company.lines = {{kSku, 1, QStringLiteral("120.00")}};
    ASSERT_TRUE(OrderBook(t.store()).receive(company, kActor).ok());
    ASSERT_TRUE(OrderAllocator(t.store()).allocate(b2b, kActor).ok());
    OrderBook book(t.store());
    EXPECT_EQ(book.list({OrderChannel::shopify, {}, {}, 0, 0, 500}).value().size(), 2);
    EXPECT_EQ(book.list({{}, OrderState::Allocated, {}, 0, 0, 500}).value().size(), 1);
    const QList<Order> found = book.list({{}, {}, QStringLiteral("pine_"), 0, 0, 500}).value();
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found.constFirst().poNumber, QStringLiteral("PO-5521"));
    EXPECT_TRUE(book.list({{}, {}, QStringLiteral("%"), 0, 0, 500}).value().isEmpty());
}

} // namespace
