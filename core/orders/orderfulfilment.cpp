#include "orderfulfilment.h"

#include <core/ledger/postingwriter.h>
#include <core/orders/orderbook.h>
#include <core/store/sql.h>
#include <core/store/store.h>

namespace Ledgerdesk::Core {

namespace {

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
