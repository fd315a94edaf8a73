#include "orderoutbox.h"

#include <core/store/sql.h>
#include <core/sync/outbox.h>
#include <core/sync/syncexception.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Ledgerdesk::Core {

QString OrderOutbox::salesOrderKey(OrderId id)
{
    return QStringLiteral("order-%1-erp").arg(id);
}

QString OrderOutbox::fulfillmentKey(OrderId id)
{
    return QStringLiteral("order-%1-fulfillment").arg(id);
}

Result<QList<OrderDelivery>> OrderOutbox::deliveries(QSqlDatabase db, OrderId id)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT target, kind, status, attempts, last_error FROM "
                                     "outbox WHERE idempotency_key IN (?, ?, ?) ORDER BY id"),
                      {salesOrderKey(id), fulfillmentKey(id), pickKey(id)});
    if (!q) {
        return q.error();
    }
    QList<OrderDelivery> rows;
    while (q.value().next()) {
        OrderDelivery row;
        row.target = q.value().value(0).toString();
        row.kind = q.value().value(1).toString();
        row.status
            = outboxStatusFromKey(q.value().value(2).toString()).value_or(OutboxStatus::Pending);
        row.attempts = q.value().value(3).toInt();
        row.lastError = q.value().value(4).toString();
        rows << row;
    }
    return rows;
}

QString OrderOutbox::pickKey(OrderId id)
{
    return QStringLiteral("order-%1-pick").arg(id);
}

QString OrderOutbox::externalIdOf(const Order &order)
{
    return order.channel + u':' + order.externalRef;
}

QByteArray OrderOutbox::salesOrderPayload(const Order &order)
{
    QJsonArray lines;
    for (const OrderLine &line : order.lines) {
        lines.append(QJsonObject{{QStringLiteral("sku"), line.sku},
                                 {QStringLiteral("quantity"), line.quantity},
                                 {QStringLiteral("rate"), line.unitPrice.amountString()}});
    }
    const QJsonObject payload{{QStringLiteral("externalId"), externalIdOf(order)},
                              {QStringLiteral("orderId"), order.id},
                              {QStringLiteral("name"), order.name},
                              {QStringLiteral("entity"), order.company},
                              {QStringLiteral("companyLocation"), order.companyLocation},
                              {QStringLiteral("poNumber"), order.poNumber},
                              {QStringLiteral("terms"), order.paymentTerms},
                              {QStringLiteral("currency"), order.currency},
                              {QStringLiteral("lines"), lines}};
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

Result<bool> OrderOutbox::isHeld(QSqlDatabase db, const Order &order)
{
    QString prefix = externalIdOf(order) + u':';
    prefix.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    auto q = runQuery(db,
                      QStringLiteral("SELECT COUNT(*) FROM sync_exceptions WHERE entity = 'order' "
                                     "AND kind IN (?, ?) AND state IN ('open', 'acknowledged') "
                                     "AND (entity_key = ? OR entity_key LIKE ? ESCAPE '\\')"),
                      {exceptionKindKey(ExceptionKind::PriceMismatch),
                       exceptionKindKey(ExceptionKind::QuantityRuleBroken),
                       externalIdOf(order),
                       QString(prefix + u'%')});
    if (!q) {
        return q.error();
    }
    return q.value().next() && q.value().value(0).toLongLong() > 0;
}

Status OrderOutbox::queueSalesOrder(QSqlDatabase db, const Order &order, UtcMillis now)
{
    // The hold is checked when the order first takes stock; a backorder filling later was
    // already accepted.
    const auto held = order.state == OrderState::New ? isHeld(db, order) : Result<bool>(false);
    if (!held) {
        return held.error();
    }
    if (held.value()) {
        return makeError(ErrorCode::Conflict,
                         tr("order %1 is held by a price or quantity exception; settle it first")
                             .arg(order.name.isEmpty() ? order.externalRef : order.name));
    }
    if (order.channel == OrderChannel::erp) {
        return success();
    }
    OutboxItem item;
    item.idempotencyKey = salesOrderKey(order.id);
    item.target = QStringLiteral("erp");
    item.kind = kSalesOrderKind;
    item.entityKey = externalIdOf(order);
    item.payload = salesOrderPayload(order);
    return Outbox::enqueue(db, item, now);
}

Status OrderOutbox::queueFulfillment(QSqlDatabase db, const Order &order, UtcMillis now)
{
    if (order.channel != OrderChannel::shopify) {
        return success();
    }
    QJsonArray lines;
    for (const OrderLine &line : order.lines) {
        lines.append(QJsonObject{{QStringLiteral("sku"), line.sku},
                                 {QStringLiteral("quantity"), line.quantity}});
    }
    OutboxItem item;
    item.idempotencyKey = fulfillmentKey(order.id);
    item.target = QStringLiteral("shopify");
    item.kind = kFulfillmentKind;
    item.entityKey = externalIdOf(order);
    item.payload = QJsonDocument(QJsonObject{{QStringLiteral("orderId"), order.id},
                                             {QStringLiteral("shopifyOrderId"), order.externalRef},
                                             {QStringLiteral("name"), order.name},
                                             {QStringLiteral("lines"), lines}})
                       .toJson(QJsonDocument::Compact);
    return Outbox::enqueue(db, item, now);
}

} // namespace Ledgerdesk::Core
