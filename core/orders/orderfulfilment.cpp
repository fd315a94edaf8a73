#include "orderfulfilment.h"

#include <core/ledger/postingwriter.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderoutbox.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/outbox.h>
#include <core/sync/outboxkinds.h>
#include <core/sync/ownershipmap.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Ledgerdesk::Core {

namespace {

const QString kWms = QStringLiteral("wms");

Status queuePickTicket(QSqlDatabase db, const Order &order, UtcMillis now)
{
    QJsonArray lines;
    for (const OrderLine &line : order.lines) {
        for (const OrderLineAllocation &held : line.allocations) {
            lines.append(QJsonObject{{QStringLiteral("sku"), line.sku},
                                     {QStringLiteral("location"), held.locationCode},
                                     {QStringLiteral("quantity"), held.quantity}});
        }
    }
    OutboxItem item;
    item.idempotencyKey = OrderOutbox::pickKey(order.id);
    item.target = kWms;
    item.kind = OutboxKinds::kPickCreate;
    item.entityKey = OrderFulfilment::pickReference(order.id);
    item.payload = QJsonDocument(QJsonObject{{QStringLiteral("order_reference"), item.entityKey},
                                             {QStringLiteral("lines"), lines}})
                       .toJson(QJsonDocument::Compact);
    return Outbox::enqueue(db, item, now);
}

Quantities single(QuantityName name, qint64 quantity)
{
    Quantities q;
    q.set(name, quantity);
    return q;
}

} // namespace

OrderFulfilment::OrderFulfilment(Store &store)
    : m_store(store)
{}

Status OrderFulfilment::pick(OrderId id, const QString &actor)
{
    return change(
        id,
        OrderState::Picking,
        MovementReason::Pick,
        [](qint64 n) { return single(QuantityName::Committed, -n); },
        actor,
        tr("picked"));
}

Status OrderFulfilment::sendToWarehouse(OrderId id, const QString &actor)
{
    return change(id, OrderState::Picking, MovementReason::Pick, {}, actor, tr("sent to the WMS"));
}

Status OrderFulfilment::release(OrderId id, const QString &actor)
{
    auto owner = OwnershipMap(m_store).owner(QStringLiteral("on_hand"));
    if (!owner) {
        return owner.error();
    }
    return owner.value() == kWms ? sendToWarehouse(id, actor) : pick(id, actor);
}

QString OrderFulfilment::pickReference(OrderId id)
{
    return QStringLiteral("ORD-%1").arg(id);
}

std::optional<OrderId> OrderFulfilment::orderOfPickReference(const QString &reference)
{
    if (!reference.startsWith(QLatin1String("ORD-"))) {
        return std::nullopt;
    }
    bool ok = false;
    const OrderId id = reference.mid(4).toLongLong(&ok);
    return ok && id > 0 ? std::optional<OrderId>(id) : std::nullopt;
}

Status OrderFulfilment::confirmShipped(QSqlDatabase db, const QString &reference, UtcMillis now)
{
    const auto id = orderOfPickReference(reference);
    if (!id) {
        return success(); // a shipment the WMS made for someone else's order
    }
    auto loaded = OrderBook::load(db, *id);
    if (!loaded) {
        return loaded.error();
    }
    if (!loaded.value() || loaded.value()->state != OrderState::Picking) {
        return success();
    }
    const Order &order = *loaded.value();
    for (const OrderLine &line : order.lines) {
        for (const OrderLineAllocation &held : line.allocations) {
            auto shipped
                = runQuery(db,
                           QStringLiteral("SELECT 1 FROM postings WHERE source = ? AND "
                                          "reference = ?"),
                           {kWms, QString(reference + u':' + line.sku + u':' + held.locationCode)});
            if (!shipped) {
                return shipped.error();
            }
            if (!shipped.value().next()) {
                return success(); // not everything has left yet
            }
        }
    }
    return OrderBook::recordTransition(
        db, order, OrderState::Shipped, kWms, tr("shipment confirmed by the WMS"), now);
}

Status OrderFulfilment::cancel(OrderId id, const QString &actor, const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("a cancellation needs a reason"));
    }
    return change(
        id,
        OrderState::Cancelled,
        MovementReason::Allocation,
        [](qint64 n) {
            Quantities q = single(QuantityName::Committed, -n);
            q.set(QuantityName::Available, n);
            return q;
        },
        actor,
        reason);
}

Status OrderFulfilment::returnOrder(OrderId id, RestockDecision decision, const QString &actor)
{
    switch (decision) {
    case RestockDecision::Restock:
        return change(
            id,
            OrderState::Returned,
            MovementReason::Return,
            [](qint64 n) { return single(QuantityName::Available, n); },
            actor,
            tr("returned and restocked"));
    case RestockDecision::Damaged:
        return change(
            id,
            OrderState::Returned,
            MovementReason::Return,
            [](qint64 n) { return single(QuantityName::Damaged, n); },
            actor,
            tr("returned damaged"));
    case RestockDecision::Discard:
        return change(id,
                      OrderState::Returned,
                      MovementReason::Return,
                      {},
                      actor,
                      tr("returned and written off"));
    }
    return makeError(ErrorCode::Validation, tr("unknown restock decision"));
}

Status OrderFulfilment::change(OrderId id,
                               OrderState to,
                               MovementReason reason,
                               const Delta &delta,
                               const QString &actor,
                               const QString &detail)
{
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    auto loaded = OrderBook::load(db, id);
    if (!loaded) {
        return loaded.error();
    }
    if (!loaded.value()) {
        return makeError(ErrorCode::NotFound, tr("no order %1").arg(id));
    }
    const Order &order = *loaded.value();
    if (!isAllowedTransition(order.state, to)) {
        return makeError(ErrorCode::Conflict,
                         tr("order %1 is %2 and cannot become %3")
                             .arg(order.name, orderStateKey(order.state), orderStateKey(to)));
    }
    const UtcMillis now = nowUtcMillis();
    PostingRequest request;
    request.reason = reason;
    request.actor = actor;
    request.occurredAt = now;
    request.note = detail;
    if (delta) {
        for (const OrderLine &line : order.lines) {
            for (const OrderLineAllocation &held : line.allocations) {
                request.lines << MovementLine{
                    line.variantId, held.locationId, delta(held.quantity)};
            }
        }
    }
    if (to == OrderState::Picking && !delta) {
        if (const Status queued = queuePickTicket(db, order, now); !queued) {
            return queued;
        }
    }
    if (!request.lines.isEmpty()) {
        auto reference = OrderBook::postingReference(db, id, orderStateKey(to));
        if (!reference) {
            return reference.error();
        }
        request.source = QStringLiteral("orders");
        request.reference = reference.value();
        PostingWriter writer(db, &m_store);
        if (const Status prepared = writer.prepare(); !prepared) {
            return prepared;
        }
        if (auto posted = writer.write(request, now); !posted) {
            return posted.error();
        }
    }
    // A cancelled order no longer holds anything; the posting keeps where it was.
    if (to == OrderState::Cancelled) {
        auto released = runQuery(db,
                                 QStringLiteral("DELETE FROM order_allocations WHERE "
                                                "order_line_id IN (SELECT id FROM order_lines "
                                                "WHERE order_id = ?)"),
                                 {id});
        if (!released) {
            return released.error();
        }
    }
    if (const Status moved = OrderBook::recordTransition(db, order, to, actor, detail, now);
        !moved) {
        return moved;
    }
    return tx.commit();
}

} // namespace Ledgerdesk::Core
