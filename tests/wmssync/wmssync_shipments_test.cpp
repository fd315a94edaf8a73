#include "wmssyncfixture.h"

#include <core/connectors/wms/wmspickticketwriter.h>
#include <core/domain/timestamp.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/outbox.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Ledgerdesk;
using namespace Ledgerdesk::Testing;

namespace {

const QByteArray kShipmentHeader
    = "order_reference,sku,quantity,location,shipped_at,carrier,tracking\n";

QByteArray
shipmentRow(const QString &order, const QString &sku, qint64 quantity, const QString &location)
{
    return order.toUtf8() + ',' + sku.toUtf8() + ',' + QByteArray::number(quantity) + ','
           + location.toUtf8() + ",2026-03-02T10:15:00.000Z,UPS,1Z0000000000000042\n";
}

QJsonObject pickLine(const QString &sku, const QString &location, qint64 quantity)
{
    return {{QStringLiteral("sku"), sku},
            {QStringLiteral("location"), location},
            {QStringLiteral("quantity"), quantity}};
}

Core::OutboxItem pickTicket(const QString &order, const QJsonArray &lines)
{
    Core::OutboxItem item;
    item.idempotencyKey = QStringLiteral("pick-") + order;
    item.target = QStringLiteral("wms");
    item.kind = QStringLiteral("pick.create");
    item.entityKey = order;
    item.payload = QJsonDocument(QJsonObject{{QStringLiteral("order_reference"), order},
                                             {QStringLiteral("lines"), lines}})
                       .toJson(QJsonDocument::Compact);
    return item;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool freeStock(const Core::Quantities &q)
{
    return q.committed() == 0 && q.available() >= 10;
}

} // namespace

class WmsShipmentTest : public WmsSyncTest
{
protected:
    void enqueue(const Core::OutboxItem &item)
    {
        QSqlDatabase db = m_temp.store().connection();
        Core::WriteTransaction tx(db, m_temp.store().dialect());
        ASSERT_TRUE(tx.begun().ok());
        ASSERT_TRUE(Core::Outbox::enqueue(db, item, Core::nowUtcMillis()).ok());
        ASSERT_TRUE(tx.commit().ok());
    }

    Core::OutboxBacklog backlog()
    {
        const auto counted = Core::Outbox(m_temp.store()).backlog(QStringLiteral("wms"));
        EXPECT_TRUE(counted.ok());
        return counted.ok() ? counted.value() : Core::OutboxBacklog();
    }
};

TEST_F(WmsShipmentTest, shipmentConfirmation_decrementsStockOnce)
{
    const Cell promised = cell([](const Core::Quantities &q) { return q.committed() >= 1; });
    const Cell free = cell(freeStock);
    const Core::Quantities promisedBefore = balance(promised);
    const Core::Quantities freeBefore = balance(free);
    const QByteArray content
        = kShipmentHeader
          + shipmentRow(
              QStringLiteral("SO-1"), promised.sku, promisedBefore.committed(), promised.location)
          + shipmentRow(QStringLiteral("SO-1"), free.sku, 3, free.location);
    dropOutbound(QStringLiteral("shipment_SHP900001.csv"), content);

    const Core::SyncCycleReport report = cycle();

    EXPECT_EQ(report.pulled, 2);
    EXPECT_EQ(report.applied, 2);
    EXPECT_EQ(report.conflicts, 0);
    // Units promised to the order leave `committed`; free stock leaves `available`.
    EXPECT_EQ(balance(promised).committed(), 0);
    EXPECT_EQ(balance(promised).available(), promisedBefore.available());
    EXPECT_EQ(balance(promised).onHand(), promisedBefore.onHand() - promisedBefore.committed());
    EXPECT_EQ(balance(free).available(), freeBefore.available() - 3);
    EXPECT_EQ(balance(free).onHand(), freeBefore.onHand() - 3);

    // The WMS confirms the same shipment again under another name.
    dropOutbound(QStringLiteral("shipment_SHP900001_resent.csv"), content);
    const Core::SyncCycleReport again = cycle();
    EXPECT_EQ(again.applied, 0);
    EXPECT_EQ(balance(free).onHand(), freeBefore.onHand() - 3);
    EXPECT_EQ(postingCount(QStringLiteral("pick")), 2);
    EXPECT_TRUE(openExceptions().isEmpty());
}

TEST_F(WmsShipmentTest, shipmentBeyondLedgerStock_raisesAnExceptionAndPostsNothingForTheLine)
{
    const Cell c = cell(freeStock);
    const Core::Quantities before = balance(c);
    dropOutbound(QStringLiteral("shipment_SHP900002.csv"),
                 kShipmentHeader
                     + shipmentRow(QStringLiteral("SO-2"), c.sku, before.onHand() + 5, c.location));

    const Core::SyncCycleReport report = cycle();

    EXPECT_EQ(report.applied, 0);
    EXPECT_EQ(report.conflicts, 1);
    EXPECT_EQ(balance(c), before);
    const QList<Core::SyncException> open = openExceptions();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.first().entity, QStringLiteral("shipment"));
    EXPECT_EQ(open.first().entityKey, QStringLiteral("SO-2:") + c.sku + u':' + c.location);
    EXPECT_EQ(open.first().externalValue, QString::number(before.onHand() + 5));
}

TEST_F(WmsShipmentTest, pickTicketFromTheOutbox_isShippedByTheWmsAndTheShipmentIsApplied)
{
    const Cell a = cell(freeStock);
    const Cell b = cell(freeStock, {a.sku + u'@' + a.location});
    const qint64 aBefore = balance(a).onHand();
    const qint64 bBefore = balance(b).onHand();
    m_wms->writeSnapshotNow();
    cycle();
    ASSERT_EQ(base(a), QString::number(aBefore));
    enqueue(pickTicket(QStringLiteral("SO-42"),
                       {pickLine(a.sku, a.location, 2), pickLine(b.sku, b.location, 1)}));

    const Core::SyncCycleReport delivered = cycle();

    EXPECT_EQ(delivered.pushed, 1);
    EXPECT_EQ(delivered.failed, 0);
    EXPECT_EQ(files(QStringLiteral("inbound")), QStringList{QStringLiteral("pick_SO-42.csv")});
    EXPECT_EQ(backlog().pending + backlog().inFlight + backlog().dead, 0);

    m_wms->processNow();
    EXPECT_TRUE(files(QStringLiteral("inbound")).isEmpty());
    ASSERT_EQ(files(QStringLiteral("outbound")).size(), 1);
    EXPECT_TRUE(files(QStringLiteral("outbound")).first().startsWith(QStringLiteral("shipment_")));

    const Core::SyncCycleReport shipped = cycle();

    EXPECT_EQ(shipped.pulled, 2);
    EXPECT_EQ(shipped.applied, 2);
    EXPECT_EQ(shipped.conflicts, 0);
    EXPECT_EQ(balance(a).onHand(), aBefore - 2);
    EXPECT_EQ(balance(b).onHand(), bBefore - 1);
    EXPECT_EQ(balance(a).onHand(), m_wms->onHand(a.sku, a.location));
    EXPECT_EQ(balance(b).onHand(), m_wms->onHand(b.sku, b.location));
    // The WMS's count moved by what it shipped, so the agreed base follows it.
    EXPECT_EQ(base(a), QString::number(aBefore - 2));
    EXPECT_TRUE(openExceptions().isEmpty());

    m_wms->writeSnapshotNow();
    const Core::SyncCycleReport counted = cycle();
    EXPECT_EQ(counted.applied, 0);
    EXPECT_EQ(counted.conflicts, 0);
}

TEST_F(WmsShipmentTest, shortShipment_appliesWhatShippedAndRaisesAnException)
{
    const Cell c = cell(freeStock);
    const qint64 before = balance(c).onHand();
    const qint64 asked = before + 50;
    enqueue(pickTicket(QStringLiteral("SO-77"), {pickLine(c.sku, c.location, asked)}));
    EXPECT_EQ(cycle().pushed, 1);
    m_wms->processNow();

    const Core::SyncCycleReport report = cycle();

    const qint64 shipped = before - m_wms->onHand(c.sku, c.location);
    ASSERT_GT(shipped, 0);
    EXPECT_EQ(report.applied, 1);
    EXPECT_EQ(report.conflicts, 1);
    EXPECT_EQ(balance(c).onHand(), before - shipped);
    const QList<Core::SyncException> open = openExceptions();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.first().kind, Core::ExceptionKind::RejectedByTarget);
    EXPECT_EQ(open.first().ledgerValue, QString::number(asked));
    EXPECT_EQ(open.first().externalValue, QString::number(shipped));
}

TEST_F(WmsShipmentTest, pickTicketDeliveredTwice_writesTheSameFileAndShipsOnce)
{
    const Cell c = cell(freeStock);
    const Core::WmsPickTicketWriter writer(path(QStringLiteral("inbound")));
    const Core::OutboxItem item
        = pickTicket(QStringLiteral("SO/9"), {pickLine(c.sku, c.location, 1)});
    const auto first = writer.write(item);
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    EXPECT_EQ(first.value(), QStringLiteral("pick_SO_9.csv"));
    const QString ticket = QDir(path(QStringLiteral("inbound"))).filePath(first.value());
    const QByteArray content = readAll(ticket);
    EXPECT_TRUE(content.startsWith("order_reference,sku,quantity,location\r\nSO/9,"));

    const auto second = writer.write(item);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second.value(), first.value());
    EXPECT_EQ(files(QStringLiteral("inbound")), QStringList{first.value()});
    EXPECT_EQ(readAll(ticket), content);

    // Another ticket under the same order name is refused, never written over the first.
    const auto other
        = writer.write(pickTicket(QStringLiteral("SO/9"), {pickLine(c.sku, c.location, 5)}));
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, Core::ErrorCode::Conflict);
    EXPECT_EQ(readAll(ticket), content);

    // Delivered again after the WMS consumed it: the WMS knows the name and ships nothing more.
    const qint64 before = m_wms->onHand(c.sku, c.location);
    m_wms->processNow();
    EXPECT_EQ(m_wms->onHand(c.sku, c.location), before - 1);
    ASSERT_TRUE(writer.write(item).ok());
    m_wms->processNow();
    EXPECT_EQ(m_wms->onHand(c.sku, c.location), before - 1);
    EXPECT_EQ(files(QStringLiteral("outbound")).size(), 1);
}

TEST_F(WmsShipmentTest, crashBetweenCommitAndArchive_appliesNothingTwice)
{
    const Cell c = cell(freeStock);
    const qint64 before = balance(c).onHand();
    const QString name = QStringLiteral("shipment_SHP900003.csv");
    dropOutbound(name, kShipmentHeader + shipmentRow(QStringLiteral("SO-3"), c.sku, 4, c.location));
    EXPECT_EQ(cycle().applied, 1);
    EXPECT_EQ(files(QStringLiteral("archive")), QStringList{name});

    // As if the process died after the commit but before the move: the file is still there.
    ASSERT_TRUE(QFile::copy(QDir(path(QStringLiteral("archive"))).filePath(name),
                            QDir(path(QStringLiteral("outbound"))).filePath(name)));
    const Core::SyncCycleReport after = cycle();

    EXPECT_EQ(after.applied, 0);
    EXPECT_EQ(after.conflicts, 0);
    EXPECT_EQ(after.pulled, 0);
    EXPECT_EQ(balance(c).onHand(), before - 4);
    EXPECT_EQ(postingCount(QStringLiteral("pick")), 1);
    EXPECT_TRUE(files(QStringLiteral("outbound")).isEmpty());
    EXPECT_EQ(files(QStringLiteral("archive")).size(), 2);
}

TEST_F(WmsShipmentTest, receiptFile_movesIncomingToAvailable)
{
    const Cell c = cell([](const Core::Quantities &q) { return q.incoming() >= 12; });
    const Core::Quantities before = balance(c);
    dropOutbound(QStringLiteral("receipt_PO-1.csv"),
                 "asn_reference,sku,quantity,location,received_at\nPO-1," + c.sku.toUtf8() + ",5,"
                     + c.location.toUtf8() + ",2026-03-02T10:15:00Z\n");

    EXPECT_EQ(cycle().applied, 1);

    EXPECT_EQ(balance(c).incoming(), before.incoming() - 5);
    EXPECT_EQ(balance(c).available(), before.available() + 5);
    EXPECT_EQ(postingCount(QStringLiteral("receipt")), 1);
}

TEST_F(WmsShipmentTest, outboxRowTheWmsCannotTake_isRefusedWhenWritten_andNothingIsSent)
{
    Core::OutboxItem item;
    item.idempotencyKey = QStringLiteral("set-1");
    item.target = QStringLiteral("wms");
    item.kind = QStringLiteral("inventory.set");
    item.entityKey = QStringLiteral("X@WH-EAST:on_hand");
    item.payload = "{}";
    const Core::Status refused = Core::Outbox::enqueue(m_temp.store().connection(), item, 1);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("inventory.set")));

    const Core::SyncCycleReport report = cycle();

    EXPECT_EQ(report.pushed, 0);
    EXPECT_EQ(report.failed, 0);
    EXPECT_EQ(backlog().pending + backlog().dead, 0);
    EXPECT_TRUE(files(QStringLiteral("inbound")).isEmpty());
}
