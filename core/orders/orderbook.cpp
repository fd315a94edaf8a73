#include "orderbook.h"

#include <core/audit/auditlog.h>
#include <core/catalog/catalog.h>
#include <core/domain/quantities.h>
#include <core/orders/orderfulfilment.h>
#include <core/orders/orderoutbox.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSqlQuery>

namespace Ledgerdesk::Core {

namespace {

const QString kOrderColumns = QStringLiteral(
    "id, channel, external_ref, name, company, company_location, po_number, currency, "
    "payment_terms, issued_at, due_date, state, created_at, updated_at");

Order readOrder(const QSqlQuery &q)
{
    Order order;
    order.id = q.value(0).toLongLong();
    order.channel = q.value(1).toString();
    order.externalRef = q.value(2).toString();
    order.name = q.value(3).toString();
    order.company = q.value(4).toString();
    order.companyLocation = q.value(5).toString();
    order.poNumber = q.value(6).toString();
    order.currency = q.value(7).toString();
    order.paymentTerms = q.value(8).toString();
    order.issuedAt = q.value(9).toLongLong();
    if (!q.value(10).isNull()) {
        order.dueDate = QDate::fromString(q.value(10).toString(), Qt::ISODate);
    }
    order.state = orderStateFromKey(q.value(11).toString()).value_or(OrderState::New);
    order.createdAt = q.value(12).toLongLong();
    order.updatedAt = q.value(13).toLongLong();
    return order;
}

Status loadLines(QSqlDatabase db, Order &order)
{
    auto lines = runQuery(db,
                          QStringLiteral("SELECT l.id, l.line_no, v.sku, l.variant_id, l.quantity, "
                                         "l.unit_price_minor FROM order_lines l JOIN variants v ON "
                                         "v.id = l.variant_id WHERE l.order_id = ? ORDER BY "
                                         "l.line_no"),
                          {order.id});
    if (!lines) {
        return lines.error();
    }
    while (lines.value().next()) {
        const QSqlQuery &q = lines.value();
        order.lines.append({q.value(0).toLongLong(),
                            q.value(1).toInt(),
                            q.value(2).toString(),
                            q.value(3).toLongLong(),
                            q.value(4).toLongLong(),
                            Money(q.value(5).toLongLong(), order.currency),
                            {}});
    }
    auto held = runQuery(db,
                         QStringLiteral("SELECT a.order_line_id, a.location_id, c.code, a.quantity "
                                        "FROM order_allocations a JOIN order_lines l ON l.id = "
                                        "a.order_line_id JOIN locations c ON c.id = a.location_id "
                                        "WHERE l.order_id = ? ORDER BY c.code"),
                         {order.id});
    if (!held) {
        return held.error();
    }
    while (held.value().next()) {
        const QSqlQuery &q = held.value();
        for (OrderLine &line : order.lines) {
            if (line.id == q.value(0).toLongLong()) {
                line.allocations.append(
                    {q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toLongLong()});
            }
        }
    }
    return success();
}

} // namespace

OrderBook::OrderBook(Store &store)
    : m_store(store)
{}

Result<ReceivedOrder> OrderBook::receive(const IncomingOrder &order, const QString &actor)
{
    if (order.channel.isEmpty() || order.externalRef.isEmpty() || order.lines.isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("an order needs a channel, its reference there and at least one line"));
    }
    if (!Money::isCurrencyCode(order.currency)) {
        return makeError(
            ErrorCode::Validation,
            tr("order %1 has no valid currency (\"%2\")").arg(order.externalRef, order.currency));
    }
    const QString hash = order.contentHash();
    const UtcMillis now = nowUtcMillis();
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    auto seen = runQuery(db,
                         QStringLiteral("SELECT id, content_hash, state FROM orders WHERE channel "
                                        "= ? AND external_ref = ?"),
                         {order.channel, order.externalRef});
    if (!seen) {
        return seen.error();
    }
    if (!seen.value().next()) {
        auto inserted = insert(db, order, hash, actor, now);
        if (!inserted) {
            return inserted;
        }
        if (const Status committed = tx.commit(); !committed) {
            return committed.error();
        }
        return inserted;
    }
    const OrderId id = seen.value().value(0).toLongLong();
    if (seen.value().value(1).toString() == hash) {
        return ReceivedOrder{id, true};
    }
    // Edits made at the source flow in while nothing is committed to the order yet.
    if (seen.value().value(2).toString() != orderStateKey(OrderState::New)) {
        return makeError(ErrorCode::Conflict,
                         tr("order %1 from %2 changed after stock was committed to it")
                             .arg(order.externalRef, order.channel));
    }
    if (const Status replaced = replaceLines(db, id, order); !replaced) {
        return replaced.error();
    }
    auto updated
        = runQuery(db,
                   QStringLiteral("UPDATE orders SET name = ?, company = ?, "
                                  "company_location = ?, po_number = ?, currency = ?, "
                                  "payment_terms = ?, due_date = ?, content_hash = ?, "
                                  "updated_at = ? WHERE id = ?"),
                   {nonNull(order.name),
                    nonNull(order.company),
                    nonNull(order.companyLocation),
                    nonNull(order.poNumber),
                    order.currency,
                    nonNull(order.paymentTerms),
                    order.dueDate ? QVariant(order.dueDate->toString(Qt::ISODate)) : QVariant(),
                    hash,
                    now,
                    id});
    if (!updated) {
        return updated.error();
    }
    auto loaded = load(db, id);
    if (!loaded || !loaded.value()) {
        return loaded ? makeError(ErrorCode::NotFound, tr("order %1 vanished").arg(id))
                      : loaded.error();
    }
    if (const Status recorded = recordTransition(db,
                                                 *loaded.value(),
                                                 OrderState::New,
                                                 actor,
                                                 tr("edited at %1").arg(order.channel),
                                                 now);
        !recorded) {
        return recorded.error();
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    return ReceivedOrder{id, false};
}

Result<ReceivedOrder> OrderBook::insert(QSqlDatabase db,
                                        const IncomingOrder &order,
                                        const QString &hash,
                                        const QString &actor,
                                        UtcMillis now)
{
    auto inserted = runQuery(
        db,
        QStringLiteral("INSERT INTO orders (channel, external_ref, name, company, "
                       "company_location, po_number, currency, payment_terms, issued_at, "
                       "due_date, state, content_hash, created_at, updated_at) VALUES (?, ?, ?, "
                       "?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?) RETURNING id"),
        {order.channel,
         order.externalRef,
         nonNull(order.name.isEmpty() ? order.externalRef : order.name),
         nonNull(order.company),
         nonNull(order.companyLocation),
         nonNull(order.poNumber),
         order.currency,
         nonNull(order.paymentTerms),
         order.issuedAt != 0 ? order.issuedAt : now,
         order.dueDate ? QVariant(order.dueDate->toString(Qt::ISODate)) : QVariant(),
         hash,
         now,
         now});
    if (!inserted) {
        return inserted.error();
    }
    if (!inserted.value().next()) {
        return storageError(inserted.value(), tr("receiving order %1").arg(order.externalRef));
    }
    const OrderId id = inserted.value().value(0).toLongLong();
    if (const Status lines = replaceLines(db, id, order); !lines) {
        return lines.error();
    }
    const QString detail = tr("received from %1").arg(order.channel);
    auto event
        = runQuery(db,
                   QStringLiteral("INSERT INTO order_events (order_id, at, actor, from_state, "
                                  "to_state, detail) VALUES (?, ?, ?, NULL, 'new', ?)"),
                   {id, now, actor, detail});
    if (!event) {
        return event.error();
    }
    if (const Status audited = AuditLog::record(db,
                                                {now,
                                                 actor,
                                                 QStringLiteral("order.received"),
                                                 order.channel + u':' + order.externalRef,
                                                 detail});
        !audited) {
        return audited.error();
    }
    return ReceivedOrder{id, false};
}

Status OrderBook::replaceLines(QSqlDatabase db, OrderId id, const IncomingOrder &order)
{
    if (auto cleared
        = runQuery(db, QStringLiteral("DELETE FROM order_lines WHERE order_id = ?"), {id});
        !cleared) {
        return cleared.error();
    }
    Catalog catalog(m_store);
    int lineNo = 0;
    for (const IncomingOrder::Line &line : order.lines) {
        ++lineNo;
        if (line.quantity < 1 || line.quantity > kMaxAbsoluteQuantity) {
            return makeError(ErrorCode::Validation,
                             tr("line %1 of order %2: %3 is not a quantity to order")
                                 .arg(lineNo)
                                 .arg(order.externalRef)
                                 .arg(line.quantity));
        }
        const auto price = Money::parse(line.unitPrice, order.currency);
        if (!price) {
            return makeError(ErrorCode::Validation,
                             tr("line %1 of order %2: %3")
                                 .arg(lineNo)
                                 .arg(order.externalRef, price.error().message));
        }
        const auto variant = catalog.variantBySku(line.sku);
        if (!variant) {
            return variant.error();
        }
        if (!variant.value()) {
            return makeError(ErrorCode::NotFound,
                             tr("line %1 of order %2: unknown SKU \"%3\"")
                                 .arg(lineNo)
                                 .arg(order.externalRef, line.sku));
        }
        auto inserted = runQuery(
            db,
            QStringLiteral("INSERT INTO order_lines (order_id, line_no, "
                           "variant_id, quantity, unit_price_minor) VALUES "
                           "(?, ?, ?, ?, ?)"),
            {id, lineNo, variant.value()->id, line.quantity, price.value().minorUnits()});
        if (!inserted) {
            return inserted.error();
        }
    }
    return success();
}

Result<std::optional<Order>> OrderBook::load(QSqlDatabase db, OrderId id)
{
    auto q = runQuery(
        db, QStringLiteral("SELECT %1 FROM orders WHERE id = ?").arg(kOrderColumns), {id});
    if (!q) {
        return q.error();
    }
    if (!q.value().next()) {
        return std::optional<Order>();
    }
    Order order = readOrder(q.value());
    if (const Status lines = loadLines(db, order); !lines) {
        return lines.error();
    }
    return std::optional<Order>(std::move(order));
}

Result<std::optional<Order>> OrderBook::get(OrderId id)
{
    return load(m_store.connection(), id);
}

Result<std::optional<Order>> OrderBook::find(const QString &channel, const QString &externalRef)
{
    QSqlDatabase db = m_store.connection();
    auto q
        = runQuery(db,
                   QStringLiteral("SELECT id FROM orders WHERE channel = ? AND external_ref = ?"),
                   {channel, externalRef});
    if (!q) {
        return q.error();
    }
    if (!q.value().next()) {
        return std::optional<Order>();
    }
    return load(db, q.value().value(0).toLongLong());
}

Result<QList<Order>> OrderBook::list(const OrderFilter &filter)
{
    QString sql = QStringLiteral("SELECT %1 FROM orders WHERE 1 = 1").arg(kOrderColumns);
    QVariantList values;
    if (!filter.channel.isEmpty()) {
        sql += QStringLiteral(" AND channel = ?");
        values << filter.channel;
    }
    if (filter.state) {
        sql += QStringLiteral(" AND state = ?");
        values << orderStateKey(*filter.state);
    }
    if (!filter.company.isEmpty()) {
        sql += QStringLiteral(" AND LOWER(company) LIKE ? ESCAPE '\\'");
        QString pattern = filter.company.toLower();
        pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        values << QString(u'%' + pattern + u'%');
    }
    if (filter.issuedFrom != 0) {
        sql += QStringLiteral(" AND issued_at >= ?");
        values << filter.issuedFrom;
    }
    if (filter.issuedTo != 0) {
        sql += QStringLiteral(" AND issued_at < ?");
        values << filter.issuedTo;
    }
    sql += QStringLiteral(" ORDER BY issued_at DESC, id DESC LIMIT %1").arg(qMax(1, filter.limit));
    QSqlQuery q(m_store.connection());
    if (!q.prepare(sql)) {
        return storageError(q, tr("listing orders"));
    }
    for (const QVariant &value : std::as_const(values)) {
        q.addBindValue(value);
    }
    if (!q.exec()) {
        return storageError(q, tr("listing orders"));
    }
    QList<Order> orders;
    while (q.next()) {
        orders << readOrder(q);
    }
    return orders;
}

Result<QList<OrderEvent>> OrderBook::history(OrderId id)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT at, actor, from_state, to_state, detail FROM "
                                     "order_events WHERE order_id = ? ORDER BY id"),
                      {id});
    if (!q) {
        return q.error();
    }
    QList<OrderEvent> events;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        OrderEvent event;
        event.at = r.value(0).toLongLong();
        event.actor = r.value(1).toString();
        if (!r.value(2).isNull()) {
            event.from = orderStateFromKey(r.value(2).toString());
        }
        event.to = orderStateFromKey(r.value(3).toString()).value_or(OrderState::New);
        event.detail = r.value(4).toString();
        events << event;
    }
    return events;
}

Status OrderBook::advance(OrderId id, OrderState to, const QString &actor, const QString &detail)
{
    if (to != OrderState::Shipped && to != OrderState::Invoiced && to != OrderState::Paid) {
        return makeError(ErrorCode::Validation,
                         tr("%1 changes stock; use its own command").arg(orderStateKey(to)));
    }
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    auto loaded = load(db, id);
    if (!loaded) {
        return loaded.error();
    }
    if (!loaded.value()) {
        return makeError(ErrorCode::NotFound, tr("no order %1").arg(id));
    }
    if (to == OrderState::Shipped) {
        // The WMS's confirmation takes the units off on_hand; shipping by hand would skip that.
        auto ticket = runQuery(db,
                               QStringLiteral("SELECT 1 FROM outbox WHERE kind = 'pick.create' "
                                              "AND entity_key = ?"),
                               {OrderFulfilment::pickReference(id)});
        if (!ticket) {
            return ticket.error();
        }
        if (ticket.value().next()) {
            return makeError(ErrorCode::Conflict,
                             tr("order %1 was sent to the WMS; it ships when the WMS confirms the "
                                "shipment")
                                 .arg(loaded.value()->name));
        }
    }
    if (const Status moved
        = recordTransition(db, *loaded.value(), to, actor, detail, nowUtcMillis());
        !moved) {
        return moved;
    }
    return tx.commit();
}

Result<QString> OrderBook::postingReference(QSqlDatabase db, OrderId id, const QString &action)
{
    auto count = runQuery(
        db, QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ?"), {id});
    if (!count) {
        return count.error();
    }
    const qint64 events = count.value().next() ? count.value().value(0).toLongLong() : 0;
    return QStringLiteral("order:%1:%2:%3").arg(id).arg(action).arg(events);
}

Status OrderBook::recordTransition(QSqlDatabase db,
                                   const Order &order,
                                   OrderState to,
                                   const QString &actor,
                                   const QString &detail,
                                   UtcMillis at)
{
    if (actor.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("an order change needs the person making it"));
    }
    const bool edit = order.state == OrderState::New && to == OrderState::New;
    if (!edit && !isAllowedTransition(order.state, to)) {
        return makeError(ErrorCode::Conflict,
                         tr("order %1 is %2 and cannot become %3")
                             .arg(order.name.isEmpty() ? order.externalRef : order.name,
                                  orderStateKey(order.state),
                                  orderStateKey(to)));
    }
    auto updated
        = runQuery(db,
                   QStringLiteral("UPDATE orders SET state = ?, updated_at = ? WHERE id = ?"),
                   {orderStateKey(to), at, order.id});
    if (!updated) {
        return updated.error();
    }
    auto event = runQuery(
        db,
        QStringLiteral("INSERT INTO order_events (order_id, at, actor, from_state, "
                       "to_state, detail) VALUES (?, ?, ?, ?, ?, ?)"),
        {order.id, at, actor, orderStateKey(order.state), orderStateKey(to), nonNull(detail)});
    if (!event) {
        return event.error();
    }
    if (const Status audited
        = AuditLog::record(db,
                           {at,
                            actor,
                            QStringLiteral("order.state"),
                            order.channel + u':' + order.externalRef,
                            orderStateKey(order.state) + QStringLiteral(" -> ") + orderStateKey(to)
                                + (detail.isEmpty() ? QString() : u": " + detail)});
        !audited) {
        return audited;
    }
    if (to == OrderState::Shipped && order.channel == OrderChannel::shopify) {
        return OrderOutbox::queueFulfillment(db, order, at);
    }
    return success();
}

} // namespace Ledgerdesk::Core
