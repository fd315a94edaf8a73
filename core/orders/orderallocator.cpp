#include "orderallocator.h"

#include <core/ledger/balanceread.h>
#include <core/ledger/postingwriter.h>
#include <core/orders/channellocations.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderoutbox.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace Ledgerdesk::Core {

namespace {

struct Take
{
    VariantId variant = 0;
    LocationId location = 0;
    qint64 quantity = 0;
};

Status recordAllocation(QSqlDatabase db, qint64 lineId, LocationId location, qint64 quantity)
{
    auto saved = runQuery(db,
                          QStringLiteral("INSERT INTO order_allocations (order_line_id, "
                                         "location_id, quantity) VALUES (?, ?, ?) ON CONFLICT "
                                         "(order_line_id, location_id) DO UPDATE SET quantity = "
                                         "order_allocations.quantity + excluded.quantity"),
                          {lineId, location, quantity});
    return saved ? success() : Status(saved.error());
}

// Oldest first, so the orders that waited longest are filled first.
Result<QList<OrderId>> backorderedIds(QSqlDatabase db)
{
    auto ids = runQuery(db,
                        QStringLiteral("SELECT id FROM orders WHERE state = 'backordered' ORDER BY "
                                       "issued_at, id"));
    if (!ids) {
        return ids.error();
    }
    QList<OrderId> waiting;
    while (ids.value().next()) {
        waiting << ids.value().value(0).toLongLong();
    }
    return waiting;
}

} // namespace

OrderAllocator::OrderAllocator(Store &store)
    : m_store(store)
{}

Result<AllocationOutcome>
OrderAllocator::allocate(OrderId id, const QString &actor, std::optional<StockOverride> override)
{
    if (actor.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("an allocation needs the person making it"));
    }
    if (override && override->reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("an override needs a reason"));
    }
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    auto loaded = OrderBook::load(db, id);
    if (!loaded) {
        return loaded.error();
    }
    if (!loaded.value()) {
        return makeError(ErrorCode::NotFound, tr("no order %1").arg(id));
    }
    auto outcome = allocateIn(db, *loaded.value(), actor, override);
    if (!outcome) {
        return outcome;
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    return outcome;
}

Result<AllocationOutcome> OrderAllocator::allocateIn(QSqlDatabase db,
                                                     const Order &order,
                                                     const QString &actor,
                                                     const std::optional<StockOverride> &override)
{
    if (order.state != OrderState::New && order.state != OrderState::Backordered) {
        return makeError(ErrorCode::Conflict,
                         tr("order %1 is %2; only new and backordered orders take stock")
                             .arg(order.name, orderStateKey(order.state)));
    }
    auto locations = ChannelLocations::preferred(db, order.channel);
    if (!locations) {
        return locations.error();
    }
    if (locations.value().isEmpty()) {
        return makeError(ErrorCode::NotFound,
                         tr("channel %1 has no location to sell from").arg(order.channel));
    }
    const UtcMillis now = nowUtcMillis();
    AllocationOutcome outcome;
    QList<Take> takes;
    QHash<QPair<VariantId, LocationId>, qint64> takenHere; // lines may repeat a SKU
    QList<QPair<const OrderLine *, qint64>> short_;
    for (const OrderLine &line : order.lines) {
        qint64 remaining = line.outstanding();
        qint64 availableSeen = 0;
        for (const LocationId location : locations.value()) {
            if (remaining == 0) {
                break;
            }
            auto balance = readBalanceForUpdate(db, m_store.dialect(), line.variantId, location);
            if (!balance) {
                return balance.error();
            }
            const qint64 free
                = balance.value().available() - takenHere.value({line.variantId, location});
            availableSeen += std::max<qint64>(free, 0);
            const qint64 take = std::min(std::max<qint64>(free, 0), remaining);
            if (take > 0) {
                takes.append({line.variantId, location, take});
                takenHere[{line.variantId, location}] += take;
                if (const Status saved = recordAllocation(db, line.id, location, take); !saved) {
                    return saved.error();
                }
                remaining -= take;
            }
        }
        if (remaining > 0 && override) {
            const LocationId first = locations.value().constFirst();
            takes.append({line.variantId, first, remaining});
            takenHere[{line.variantId, first}] += remaining;
            if (const Status saved = recordAllocation(db, line.id, first, remaining); !saved) {
                return saved.error();
            }
            remaining = 0;
        }
        if (remaining > 0) {
            short_.append({&line, availableSeen});
        }
        outcome.shortfall += remaining;
    }
    for (const Take &take : std::as_const(takes)) {
        outcome.allocatedNow += take.quantity;
    }
    if (!takes.isEmpty()) {
        auto reference = OrderBook::postingReference(db, order.id, QStringLiteral("allocate"));
        if (!reference) {
            return reference.error();
        }
        PostingRequest request;
        request.source = QStringLiteral("orders");
        request.reference = reference.value();
        request.reason = MovementReason::Allocation;
        request.actor = actor;
        request.occurredAt = now;
        request.note = tr("%1 order %2").arg(order.channel, order.name);
        request.override = override;
        for (const Take &take : std::as_const(takes)) {
            MovementLine movement{take.variant, take.location, {}};
            movement.delta.set(QuantityName::Available, -take.quantity);
            movement.delta.set(QuantityName::Committed, take.quantity);
            request.lines << movement;
        }
        PostingWriter writer(db, &m_store);
        if (const Status prepared = writer.prepare(); !prepared) {
            return prepared.error();
        }
        auto posted = writer.write(request, now);
        if (!posted) {
            return posted.error();
        }
        outcome.postingId = posted.value().postingId;
    }
    // A backorder raises its oversell exceptions once, when the order first asks for stock.
    if (order.state == OrderState::New) {
        for (const auto &[line, seen] : std::as_const(short_)) {
            auto raised = raiseOversell(db, order, *line, seen, now);
            if (!raised) {
                return raised.error();
            }
            outcome.exceptionIds << raised.value();
        }
    }
    outcome.state = outcome.shortfall == 0 ? OrderState::Allocated : OrderState::Backordered;
    const bool changed = outcome.state != order.state || outcome.allocatedNow > 0;
    if (changed) {
        if (const Status queued = OrderOutbox::queueSalesOrder(db, order, now); !queued) {
            return queued.error();
        }
        const QString detail
            = outcome.shortfall == 0
                  ? tr("%1 units committed").arg(QLocale().toString(outcome.allocatedNow))
                  : tr("%1 units committed, %2 short")
                        .arg(QLocale().toString(outcome.allocatedNow),
                             QLocale().toString(outcome.shortfall));
        if (const Status moved
            = OrderBook::recordTransition(db, order, outcome.state, actor, detail, now);
            !moved) {
            return moved.error();
        }
    }
    return outcome;
}

Result<qint64> OrderAllocator::raiseOversell(
    QSqlDatabase db, const Order &order, const OrderLine &line, qint64 availableSeen, UtcMillis now)
{
    SyncException e;
    e.kind = ExceptionKind::Oversell;
    e.system = order.channel;
    e.entity = QStringLiteral("order");
    e.entityKey = QStringLiteral("%1:%2:%3").arg(order.channel, order.externalRef, line.sku);
    e.ledgerValue = QString::number(availableSeen);
    e.externalValue = QString::number(line.quantity);
    e.errorText = tr("order %1 asks for %2 × %3 but %4 are available; %5 backordered")
                      .arg(order.name,
                           QLocale().toString(line.quantity),
                           line.sku,
                           QLocale().toString(availableSeen),
                           QLocale().toString(line.outstanding() - availableSeen));
    return ExceptionStore::raise(db, e, now);
}

Result<int> OrderAllocator::reallocateIn(QSqlDatabase db, const QString &actor)
{
    auto waiting = backorderedIds(db);
    if (!waiting) {
        return waiting.error();
    }
    int filled = 0;
    for (const OrderId id : std::as_const(waiting.value())) {
        auto loaded = OrderBook::load(db, id);
        if (!loaded) {
            return loaded.error();
        }
        if (!loaded.value()) {
            continue;
        }
        auto outcome = allocateIn(db, *loaded.value(), actor, std::nullopt);
        if (!outcome) {
            return outcome.error();
        }
        filled += outcome.value().allocatedNow > 0 ? 1 : 0;
    }
    return filled;
}

Result<int> OrderAllocator::reallocateBackorders(const QString &actor)
{
    auto waiting = backorderedIds(m_store.connection());
    if (!waiting) {
        return waiting.error();
    }
    int filled = 0;
    // One transaction per order, so a long queue never holds the write lock for long.
    for (const OrderId id : std::as_const(waiting.value())) {
        auto outcome = allocate(id, actor);
        if (!outcome) {
            return outcome.error();
        }
        filled += outcome.value().allocatedNow > 0 ? 1 : 0;
    }
    return filled;
}

} // namespace Ledgerdesk::Core
