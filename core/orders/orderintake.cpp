#include "orderintake.h"

#include <core/catalog/catalog.h>
#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/pricing/pricebook.h>
#include <core/pricing/pricingengine.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>

#include <QDateTime>
#include <QLocale>

namespace Ledgerdesk::Core {

namespace {

SyncException orderException(const IncomingOrder &order, const QString &sku, ExceptionKind kind)
{
    SyncException e;
    e.kind = kind;
    e.system = order.channel;
    e.entity = QStringLiteral("order");
    e.entityKey = QStringLiteral("%1:%2:%3").arg(order.channel, order.externalRef, sku);
    return e;
}

} // namespace

OrderIntake::OrderIntake(Store &store)
    : m_store(store)
{}

Result<QList<SyncException>> OrderIntake::check(const IncomingOrder &order)
{
    QList<SyncException> problems;
    if (order.companyLocation.isEmpty()) {
        return problems;
    }
    PriceBook book(m_store);
    auto location = book.companyLocation(order.companyLocation);
    if (!location) {
        return location.error();
    }
    auto list = book.priceListFor(order.companyLocation);
    if (!list) {
        return list.error();
    }
    auto rates = book.exchangeRates();
    if (!rates) {
        return rates.error();
    }
    const PricingEngine engine(rates.value());
    const QDate day = QDateTime::fromMSecsSinceEpoch(order.issuedAt, Qt::UTC).date();
    Catalog catalog(m_store);
    for (const IncomingOrder::Line &line : order.lines) {
        auto variant = catalog.variantBySku(line.sku);
        if (!variant) {
            return variant.error();
        }
        if (!variant.value() || !variant.value()->price) {
            continue; // receiving reports an unknown SKU; a variant without a price has no tier
        }
        SyncException price = orderException(order, line.sku, ExceptionKind::PriceMismatch);
        price.externalValue = line.unitPrice + u' ' + order.currency;
        if (!location.value()) {
            price.errorText = tr("order %1 is for company location %2, which is not in the "
                                 "price book yet; its price tier cannot be checked")
                                  .arg(order.name, order.companyLocation);
            problems << price;
            continue;
        }
        const PriceList *tier = list.value() ? &*list.value() : nullptr;
        auto quote = engine.quote({line.sku, line.quantity, *variant.value()->price, day}, tier);
        if (!quote) {
            price.errorText = tr("order %1: %2 could not be priced: %3")
                                  .arg(order.name, line.sku, quote.error().message);
            problems << price;
            continue;
        }
        auto charged = Money::parse(line.unitPrice, order.currency);
        const QString problem
            = charged
                  ? PricingEngine::priceProblem(quote.value(), charged.value())
                  : tr("%1 charged at an unreadable price \"%2\"").arg(line.sku, line.unitPrice);
        if (!problem.isEmpty()) {
            price.ledgerValue = quote.value().unitPrice.toString();
            price.errorText
                = tr("order %1 (%2): %3").arg(order.name, location.value()->name, problem);
            problems << price;
        }
        if (!quote.value().acceptable()) {
            SyncException rule = orderException(order, line.sku, ExceptionKind::QuantityRuleBroken);
            rule.ledgerValue = quote.value().rule.describe();
            rule.externalValue = QString::number(line.quantity);
            rule.errorText = tr("order %1 (%2): %3 × %4 breaks the rule on “%5”: %6")
                                 .arg(order.name,
                                      location.value()->name,
                                      QLocale().toString(line.quantity),
                                      line.sku,
                                      quote.value().priceList,
                                      quote.value().quantityProblem);
            problems << rule;
        }
    }
    return problems;
}

Result<int> OrderIntake::openHolds(const QString &channel, const QString &externalRef)
{
    const QString prefix = channel + u':' + externalRef + u':';
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT COUNT(*) FROM sync_exceptions WHERE system = ? AND "
                                     "entity = 'order' AND kind IN (?, ?) AND state IN ('open', "
                                     "'acknowledged') AND substr(entity_key, 1, ?) = ?"),
                      {channel,
                       exceptionKindKey(ExceptionKind::PriceMismatch),
                       exceptionKindKey(ExceptionKind::QuantityRuleBroken),
                       int(prefix.size()),
                       prefix});
    if (!q) {
        return q.error();
    }
    return q.value().next() ? q.value().value(0).toInt() : 0;
}

Result<IntakeOutcome> OrderIntake::accept(const IncomingOrder &order, const QString &actor)
{
    OrderBook book(m_store);
    auto received = book.receive(order, actor);
    if (!received) {
        return received.error();
    }
    IntakeOutcome outcome;
    outcome.id = received.value().id;
    outcome.duplicate = received.value().duplicate;
    auto stored = book.get(outcome.id);
    if (!stored) {
        return stored.error();
    }
    if (!stored.value()) {
        return makeError(ErrorCode::NotFound, tr("order %1 vanished").arg(outcome.id));
    }
    outcome.state = stored.value()->state;
    if (outcome.state != OrderState::New) {
        return outcome; // allocated before; nothing to check again
    }
    // Checked on every pass while New: raising once per key keeps a repeat quiet, and an order
    // whose check was interrupted is still checked before it is allocated.
    auto problems = check(order);
    if (!problems) {
        return problems.error();
    }
    ExceptionStore exceptions(m_store);
    for (const SyncException &problem : std::as_const(problems.value())) {
        auto raised = exceptions.raiseOnce(problem);
        if (!raised) {
            return raised.error();
        }
        outcome.raised += raised.value() ? 1 : 0;
    }
    auto holds = openHolds(order.channel, order.externalRef);
    if (!holds) {
        return holds.error();
    }
    if (holds.value() > 0) {
        outcome.held = true;
        return outcome;
    }
    auto allocated = OrderAllocator(m_store).allocate(outcome.id, actor);
    if (!allocated) {
        return allocated.error();
    }
    outcome.state = allocated.value().state;
    return outcome;
}

Result<int> OrderIntake::releaseHeld(const QString &channel, const QString &actor)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT id, external_ref FROM orders WHERE channel = ? AND "
                                     "state = 'new' ORDER BY issued_at, id"),
                      {channel});
    if (!q) {
        return q.error();
    }
    QList<QPair<OrderId, QString>> waiting;
    while (q.value().next()) {
        waiting << qMakePair(q.value().value(0).toLongLong(), q.value().value(1).toString());
    }
    q.value().finish();
    int released = 0;
    OrderAllocator allocator(m_store);
    for (const auto &[id, ref] : std::as_const(waiting)) {
        auto holds = openHolds(channel, ref);
        if (!holds) {
            return holds.error();
        }
        if (holds.value() > 0) {
            continue;
        }
        auto allocated = allocator.allocate(id, actor);
        if (!allocated) {
            return allocated.error();
        }
        ++released;
    }
    return released;
}

} // namespace Ledgerdesk::Core
