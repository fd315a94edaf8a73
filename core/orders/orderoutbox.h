#pragma once

#include <core/domain/timestamp.h>
#include <core/error.h>
#include <core/orders/order.h>
#include <core/sync/outboxitem.h>
#include <core/sync/outboxkinds.h>

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace Ledgerdesk::Core {

// Where one thing the order must tell another system stands, as its outbox row says.
struct OrderDelivery
{
    QString target; // "erp", "shopify", "wms"
    QString kind;
    OutboxStatus status = OutboxStatus::Pending;
    int attempts = 0;
    QString lastError;
};

// What an order tells the other systems, queued in the transaction of the change that causes it
// (the transactional outbox), with keys derived from the order id so a second call is a no-op.
//   - "salesOrder.create" for the ERP when the order takes stock (allocated or backordered):
//     the ERP learns of every order we accepted, backorders included, since they are demand.
//     Orders that came from the ERP are not sent back to it.
//   - "fulfillment.create" for Shopify when a Shopify order ships.
class OrderOutbox final
{
    Q_DECLARE_TR_FUNCTIONS(OrderOutbox)

public:
    static inline const QString kSalesOrderKind = OutboxKinds::kSalesOrderCreate;
    static inline const QString kFulfillmentKind = OutboxKinds::kFulfillmentCreate;

    static QString salesOrderKey(OrderId id);        // "order-12-erp"
    static QString fulfillmentKey(OrderId id);       // "order-12-fulfillment"
    static QString pickKey(OrderId id);              // "order-12-pick"
    static QString externalIdOf(const Order &order); // "shopify:5001"

    // {externalId, name, entity, companyLocation, poNumber, terms, currency,
    //  lines: [{sku, quantity, rate}]} with rates as decimal strings. Depends only on what the
    // order says, not on where its stock sits, so the row for a backorder that fills later is
    // the same request.
    static QByteArray salesOrderPayload(const Order &order);

    // Inside the caller's transaction, with the order as it was before the change. Refuses
    // (Conflict) a new order held by an open price or quantity-rule exception (entity "order",
    // key "<channel>:<ref>" or "<channel>:<ref>:…"): it must not take stock or reach the ERP.
    static Status queueSalesOrder(QSqlDatabase db, const Order &order, UtcMillis now);
    // Inside the caller's transaction; only Shopify orders, others are left alone.
    static Status queueFulfillment(QSqlDatabase db, const Order &order, UtcMillis now);

    // Every row queued for the order (sales order, pick ticket, fulfilment), oldest first: what
    // the order's page shows instead of a promise.
    static Result<QList<OrderDelivery>> deliveries(QSqlDatabase db, OrderId id);

    static Result<bool> isHeld(QSqlDatabase db, const Order &order);
};

} // namespace Ledgerdesk::Core
