#include "erpsyncfixture.h"

#include <core/catalog/externalidmap.h>
#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderoutbox.h>

namespace Ledgerdesk::Testing {
namespace {

const QString kActor = QStringLiteral("ops@brand");

// The ERP's sales orders and ours: pushes through the outbox, intake and edits through the pull.
class ErpOrdersTest : public ErpSyncTest
{
protected:
    void SetUp() override
    {
        ErpSyncTest::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        // The seeded history (2026-01-05) stays out; the tests' own orders come in.
        openConnector(
            {},
            {{QStringLiteral("salesOrders"), true},
             {QStringLiteral("salesOrdersSince"), QStringLiteral("2026-06-01T00:00:00Z")}});
        const QJsonArray customers
            = suiteQl(QStringLiteral("SELECT id, companyname FROM customer WHERE currency = 'USD'"))
                  .value(QStringLiteral("items"))
                  .toArray();
        ASSERT_FALSE(customers.isEmpty());
        m_customerId
            = customers.at(0).toObject().value(QStringLiteral("id")).toVariant().toString();
        m_customer = customers.at(0).toObject().value(QStringLiteral("companyname")).toString();
    }

    // A Shopify order for our customer, allocated, so its salesOrder row is queued.
    OrderId allocatedOrder(const QString &ref, const QString &rate = QStringLiteral("12.50"))
    {
        IncomingOrder order;
        order.channel = OrderChannel::shopify;
        order.externalRef = ref;
        order.name = u'#' + ref;
        order.company = m_customer;
        order.poNumber = QStringLiteral("PO-") + ref;
        order.currency = QStringLiteral("USD");
        order.lines = {{firstSku(), 2, rate}};
        const auto received = OrderBook(m_temp.store()).receive(order, kActor);
        EXPECT_TRUE(received.ok()) << received.error().message.toStdString();
        if (!received.ok()) {
            return 0;
        }
        const auto allocated = OrderAllocator(m_temp.store()).allocate(received.value().id, kActor);
        EXPECT_TRUE(allocated.ok()) << allocated.error().message.toStdString();
        return received.value().id;
    }

    QString erpIdOf(OrderId id)
    {
        const auto linked = ExternalIdMap(m_temp.store())
                                .externalId(QStringLiteral("erp"), QStringLiteral("order"), id);
        EXPECT_TRUE(linked.ok());
        return linked.ok() && linked.value() ? *linked.value() : QString();
    }

    QJsonObject erpRecord(const QString &erpId)
    {
        QNetworkReply *reply
            = send("GET",
                   QStringLiteral("/services/rest/record/v1/salesOrder/%1?expandSubResources=true")
                       .arg(erpId),
                   {});
        wait(reply);
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return json;
    }

    int patchAtErp(const QString &erpId, const QJsonObject &body)
    {
        QNetworkReply *reply = send(
            "PATCH", QStringLiteral("/services/rest/record/v1/salesOrder/%1").arg(erpId), body);
        wait(reply);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    // A sales order entered by someone in the ERP; returns its id.
    QString salesOrderAtErp(qint64 quantity, const QString &po)
    {
        const auto [item, location] = erpIds(firstSku(), firstLocation());
        QNetworkReply *reply = send(
            "POST",
            QStringLiteral("/services/rest/record/v1/salesOrder"),
            {{QStringLiteral("entity"), QJsonObject{{QStringLiteral("id"), m_customerId}}},
             {QStringLiteral("otherRefNum"), po},
             {QStringLiteral("item"),
              QJsonObject{{QStringLiteral("items"),
                           QJsonArray{QJsonObject{
                               {QStringLiteral("item"), QJsonObject{{QStringLiteral("id"), item}}},
                               {QStringLiteral("quantity"), quantity},
                               {QStringLiteral("rate"), 9.75}}}}}}});
        wait(reply);
        EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        const QString id = QJsonDocument::fromJson(reply->readAll())
                               .object()
                               .value(QStringLiteral("id"))
                               .toVariant()
                               .toString();
        reply->deleteLater();
        return id;
    }

    qint64 erpSalesOrders()
    {
        return suiteQl(QStringLiteral("SELECT id FROM transaction WHERE type = 'SalesOrd'"))
            .value(QStringLiteral("items"))
            .toArray()
            .size();
    }

    QString m_customerId;
    QString m_customer;
};

TEST_F(ErpOrdersTest, AllocatedOrderReachesTheErpOnceEvenWhenDeliveredAgain)
{
    const qint64 before = erpSalesOrders();
    const OrderId id = allocatedOrder(QStringLiteral("5101"));
    const SyncCycleReport pushed = cycle();
    EXPECT_EQ(pushed.pushed, 1);
    EXPECT_EQ(pushed.failed, 0);
    const QString erpId = erpIdOf(id);
    ASSERT_FALSE(erpId.isEmpty());
    const QJsonObject record = erpRecord(erpId);
    EXPECT_EQ(record.value(QStringLiteral("externalId")).toString(),
              QStringLiteral("shopify:5101"));
    EXPECT_EQ(record.value(QStringLiteral("otherRefNum")).toString(), QStringLiteral("PO-5101"));
    EXPECT_EQ(record.value(QStringLiteral("entity")).toObject().value(QStringLiteral("refName")),
              m_customer);
    const QJsonObject line = record.value(QStringLiteral("item"))
                                 .toObject()
                                 .value(QStringLiteral("items"))
                                 .toArray()
                                 .at(0)
                                 .toObject();
    EXPECT_EQ(line.value(QStringLiteral("quantity")).toInteger(), 2);
    EXPECT_DOUBLE_EQ(line.value(QStringLiteral("rate")).toDouble(), 12.5);

    // The process dies after sending, before recording the answer: the row goes out again.
    ASSERT_TRUE(runQuery(m_temp.store().connection(),
                         QStringLiteral("UPDATE outbox SET status = 'in_flight' WHERE "
                                        "idempotency_key = ?"),
                         {OrderOutbox::salesOrderKey(id)})
                    .ok());
    ASSERT_EQ(Outbox(m_temp.store()).recoverInFlight().value(), 1);
    const SyncCycleReport again = cycle();
    EXPECT_EQ(again.pushed, 1);
    EXPECT_EQ(erpIdOf(id), erpId);
    EXPECT_EQ(erpSalesOrders(), before + 1);
    const QJsonObject counters = m_erp->inspect().value(QStringLiteral("counters")).toObject();
    EXPECT_EQ(counters.value(QStringLiteral("idempotentReplays")).toInteger(), 1);
    // Our own order read back from the ERP is not a new order, nor a difference.
    EXPECT_FALSE(OrderBook(m_temp.store()).find(OrderChannel::erp, erpId).value().has_value());
    EXPECT_TRUE(openErpExceptions().isEmpty());
}

TEST_F(ErpOrdersTest, OrderTheErpRejectsIsDeadLetteredWithTheErpsMessage)
{
    const OrderId id = allocatedOrder(QStringLiteral("5102"), QStringLiteral("-1.00"));
    const SyncCycleReport report = cycle();
    EXPECT_EQ(report.failed, 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'dead'")), 1);
    const QList<SyncException> open = openErpExceptions();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.at(0).kind, ExceptionKind::RejectedByTarget);
    EXPECT_EQ(open.at(0).entity, QStringLiteral("order"));
    EXPECT_EQ(open.at(0).entityKey, QStringLiteral("shopify:5102"));
    EXPECT_TRUE(open.at(0).errorText.contains(QStringLiteral("invalid rate")))
        << open.at(0).errorText.toStdString();
    EXPECT_TRUE(erpIdOf(id).isEmpty());
}

TEST_F(ErpOrdersTest, ErpSalesOrderJoinsTheQueueAndALaterEditRaisesOneConflict)
{
    const QString erpId = salesOrderAtErp(3, QStringLiteral("PO-9001"));
    const SyncCycleReport first = cycle();
    EXPECT_EQ(first.applied, 1);
    const auto found = OrderBook(m_temp.store()).find(OrderChannel::erp, erpId).value();
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->company, m_customer);
    EXPECT_EQ(found->poNumber, QStringLiteral("PO-9001"));
    ASSERT_EQ(found->lines.size(), 1);
    EXPECT_EQ(found->lines.at(0).sku, firstSku());
    EXPECT_EQ(found->lines.at(0).quantity, 3);
    EXPECT_EQ(found->lines.at(0).unitPrice.amountString(), QStringLiteral("9.75"));
    EXPECT_TRUE(found->state == OrderState::Allocated || found->state == OrderState::Backordered);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE target = 'erp'")), 0)
        << "an ERP order is not sent back to the ERP";

    const SyncCycleReport quiet = cycle();
    EXPECT_EQ(quiet.applied, 0);
    EXPECT_EQ(quiet.conflicts, 0);

    ASSERT_EQ(patchAtErp(erpId, {{QStringLiteral("otherRefNum"), QStringLiteral("PO-9002")}}), 204);
    const SyncCycleReport edited = cycle();
    EXPECT_EQ(edited.conflicts, 1);
    const SyncCycleReport reread = cycle();
    EXPECT_EQ(reread.conflicts, 0);
    const QList<SyncException> open = openErpExceptions();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.at(0).kind, ExceptionKind::Conflict);
    EXPECT_EQ(open.at(0).entity, QStringLiteral("order"));
    EXPECT_EQ(open.at(0).entityKey, QStringLiteral("erp:") + erpId);
    EXPECT_TRUE(open.at(0).ledgerValue.value_or(QString()).contains(QStringLiteral("PO-9001")));
    EXPECT_TRUE(open.at(0).externalValue.value_or(QString()).contains(QStringLiteral("PO-9002")));
    EXPECT_EQ(OrderBook(m_temp.store()).find(OrderChannel::erp, erpId).value()->poNumber,
              QStringLiteral("PO-9001"));
}

TEST_F(ErpOrdersTest, CancellationInTheErpCancelsOurOrderAndReleasesItsStock)
{
    const OrderId id = allocatedOrder(QStringLiteral("5103"));
    const Order allocated = OrderBook(m_temp.store()).get(id).value().value();
    ASSERT_EQ(cycle().pushed, 1);
    const QString erpId = erpIdOf(id);
    ASSERT_FALSE(erpId.isEmpty());
    const qint64 committedBefore
        = count(QStringLiteral("SELECT SUM(committed) FROM balances b JOIN variants v ON v.id = "
                               "b.variant_id WHERE v.sku = '%1'")
                    .arg(firstSku()));

    ASSERT_EQ(patchAtErp(erpId, {{QStringLiteral("status"), QStringLiteral("Cancelled")}}), 204);
    const SyncCycleReport cancelled = cycle();
    EXPECT_EQ(cancelled.applied, 1);
    EXPECT_EQ(OrderBook(m_temp.store()).get(id).value()->state, OrderState::Cancelled);
    EXPECT_EQ(
        count(QStringLiteral("SELECT SUM(committed) FROM balances b JOIN variants v ON v.id = "
                             "b.variant_id WHERE v.sku = '%1'")
                  .arg(firstSku())),
        committedBefore - allocated.lines.at(0).allocated());
    const SyncCycleReport again = cycle();
    EXPECT_EQ(again.applied, 0);
    EXPECT_TRUE(openErpExceptions().isEmpty());
}

TEST_F(ErpOrdersTest, OurOrderChangedInTheErpRaisesOneConflictWithBothSides)
{
    const OrderId id = allocatedOrder(QStringLiteral("5104"));
    ASSERT_EQ(cycle().pushed, 1);
    const QString erpId = erpIdOf(id);
    ASSERT_FALSE(erpId.isEmpty());
    ASSERT_EQ(patchAtErp(erpId, {{QStringLiteral("otherRefNum"), QStringLiteral("PO-CHANGED")}}),
              204);
    EXPECT_EQ(cycle().conflicts, 1);
    EXPECT_EQ(cycle().conflicts, 0);
    const QList<SyncException> open = openErpExceptions();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.at(0).kind, ExceptionKind::Conflict);
    EXPECT_EQ(open.at(0).entityKey, QStringLiteral("shopify:5104"));
    EXPECT_EQ(open.at(0).ledgerValue.value_or(QString()),
              QStringLiteral("PO-5104; %1 × 2").arg(firstSku()));
    EXPECT_EQ(open.at(0).externalValue.value_or(QString()),
              QStringLiteral("PO-CHANGED; %1 × 2").arg(firstSku()));
    EXPECT_EQ(OrderBook(m_temp.store()).get(id).value()->state, OrderState::Allocated);
}

TEST_F(ErpSyncTest, WithoutAStartDateTheErpsOpenSalesOrdersJoinTheQueueAndItsHistoryDoesNot)
{
    openConnector({}, {{QStringLiteral("salesOrders"), true}});
    const qint64 open = suiteQl(QStringLiteral("SELECT id FROM transaction WHERE type = "
                                               "'SalesOrd' AND status = 'Pending Fulfillment'"))
                            .value(QStringLiteral("items"))
                            .toArray()
                            .size();
    ASSERT_GT(open, 0);
    const SyncCycleReport first = cycle();
    EXPECT_EQ(first.applied, open);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM orders WHERE channel = 'erp'")), open);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM orders WHERE channel = 'erp' AND state "
                                   "= 'new'")),
              0);
    const SyncCycleReport second = cycle();
    EXPECT_EQ(second.applied, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM orders")), open);
}

} // namespace
} // namespace Ledgerdesk::Testing
