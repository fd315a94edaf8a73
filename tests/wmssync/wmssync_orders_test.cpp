#include "wmssyncfixture.h"

#include <core/orders/channellocations.h>
#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderfulfilment.h>
#include <core/sync/outbox.h>

using namespace Ledgerdesk;
using namespace Ledgerdesk::Testing;

namespace {

const QString kActor = QStringLiteral("ops@brand");

bool plentiful(const Core::Quantities &q)
{
    return q.committed() == 0 && q.available() >= 10;
}

} // namespace

class WmsOrderTest : public WmsSyncTest
{
protected:
    Core::OrderId allocatedOrder(const Cell &cell, qint64 quantity)
    {
        Core::Store &store = m_temp.store();
        EXPECT_TRUE(Core::ChannelLocations(store)
                        .set(Core::OrderChannel::console, {cell.location}, kActor)
                        .ok());
        Core::IncomingOrder order;
        order.channel = Core::OrderChannel::console;
        order.externalRef = QStringLiteral("REP-1");
        order.currency = QStringLiteral("USD");
        order.lines = {{cell.sku, quantity, QStringLiteral("25.00")}};
        const auto received = Core::OrderBook(store).receive(order, kActor);
        EXPECT_TRUE(received.ok());
        const auto allocated = Core::OrderAllocator(store).allocate(received.value().id, kActor);
        EXPECT_TRUE(allocated.ok());
        EXPECT_EQ(allocated.value().state, Core::OrderState::Allocated);
        return received.value().id;
    }

    Core::OrderState state(Core::OrderId id)
    {
        return Core::OrderBook(m_temp.store()).get(id).value()->state;
    }
};

// The WMS owns on_hand by default, so releasing an order sends it a pick ticket; stock leaves
// on_hand when the WMS confirms the shipment, and the order is shipped then.
TEST_F(WmsOrderTest, releasedOrder_isPickedByTheWmsAndShippedOnItsConfirmation)
{
    const Cell a = cell(plentiful);
    m_wms->writeSnapshotNow();
    cycle();
    const qint64 onHandBefore = balance(a).onHand();
    const Core::OrderId id = allocatedOrder(a, 3);
    EXPECT_EQ(balance(a).committed(), 3);

    ASSERT_TRUE(Core::OrderFulfilment(m_temp.store()).release(id, kActor).ok());
    EXPECT_EQ(state(id), Core::OrderState::Picking);
    EXPECT_EQ(balance(a).onHand(), onHandBefore); // nothing has left yet

    const Core::SyncCycleReport delivered = cycle();
    EXPECT_EQ(delivered.pushed, 1);
    const QString ticket
        = QStringLiteral("pick_%1.csv").arg(Core::OrderFulfilment::pickReference(id));
    EXPECT_EQ(files(QStringLiteral("inbound")), QStringList{ticket});

    m_wms->processNow();
    cycle();

    EXPECT_EQ(state(id), Core::OrderState::Shipped);
    EXPECT_EQ(balance(a).onHand(), onHandBefore - 3);
    EXPECT_EQ(balance(a).committed(), 0);
    EXPECT_EQ(balance(a).onHand(), m_wms->onHand(a.sku, a.location));
    EXPECT_TRUE(openExceptions().isEmpty());
    const auto history = Core::OrderBook(m_temp.store()).history(id).value();
    ASSERT_FALSE(history.isEmpty());
    EXPECT_EQ(history.constLast().actor, QStringLiteral("wms"));
}

TEST_F(WmsOrderTest, shipmentForAnotherReference_leavesOrdersAlone)
{
    const Cell a = cell(plentiful);
    const Core::OrderId id = allocatedOrder(a, 1);
    ASSERT_TRUE(Core::OrderFulfilment(m_temp.store()).sendToWarehouse(id, kActor).ok());
    dropOutbound(QStringLiteral("shipment_X1.csv"),
                 "order_reference,sku,quantity,location,shipped_at,carrier,tracking\n"
                 "SO-77,"
                     + a.sku.toUtf8() + ",1," + a.location.toUtf8()
                     + ",2026-03-02T10:15:00.000Z,UPS,1Z0000000000000042\n");
    cycle();
    EXPECT_EQ(state(id), Core::OrderState::Picking);
    EXPECT_EQ(Core::OrderFulfilment::orderOfPickReference(QStringLiteral("SO-77")), std::nullopt);
    EXPECT_EQ(Core::OrderFulfilment::orderOfPickReference(QStringLiteral("ORD-x")), std::nullopt);
    EXPECT_EQ(Core::OrderFulfilment::orderOfPickReference(QStringLiteral("ORD-12")), 12);
}

TEST_F(WmsOrderTest, receiptFillsTheBackorderWaitingForIt)
{
    const Cell a = cell(plentiful);
    Core::Store &store = m_temp.store();
    ASSERT_TRUE(
        Core::ChannelLocations(store).set(Core::OrderChannel::erp, {a.location}, kActor).ok());
    const qint64 available = balance(a).available();
    Core::IncomingOrder order;
    order.channel = Core::OrderChannel::erp;
    order.externalRef = QStringLiteral("SO-500");
    order.currency = QStringLiteral("USD");
    order.lines = {{a.sku, available + 4, QStringLiteral("25.00")}};
    const Core::OrderId id = Core::OrderBook(store).receive(order, kActor).value().id;
    ASSERT_EQ(Core::OrderAllocator(store).allocate(id, kActor).value().state,
              Core::OrderState::Backordered);

    dropOutbound(QStringLiteral("receipt_PO-9.csv"),
                 "asn_reference,sku,quantity,location,received_at\nPO-9," + a.sku.toUtf8() + ",5,"
                     + a.location.toUtf8() + ",2026-03-02T10:15:00Z\n");
    cycle();

    EXPECT_EQ(state(id), Core::OrderState::Allocated);
    EXPECT_EQ(balance(a).available(), 1);
    EXPECT_EQ(balance(a).committed(), available + 4);
}
