#pragma once

#include <core/error.h>
#include <core/orders/order.h>
#include <core/sync/syncexception.h>

#include <QCoreApplication>

#include <optional>

namespace Ledgerdesk::Core {

class Store;

struct IntakeOutcome
{
    OrderId id = 0;
    bool duplicate = false; // the same order had been received before
    bool held = false;      // open price or quantity exceptions keep it New
    int raised = 0;         // exceptions raised by this call
    OrderState state = OrderState::New;
};

// How an order from a channel enters the queue: received once, a B2B order checked line by
// line against its buyer's price list, then allocated. A unit price that differs from the quote
// raises one PriceMismatch, a quantity that breaks the list's rule one QuantityRuleBroken
// (entity "order", key "<channel>:<ref>:<sku>"). Such an order is held: it stays New, so nothing
// is committed and nothing goes to the ERP, until every one of its price and quantity
// exceptions is resolved or ignored; releaseHeld() then allocates it. A consumer order (no
// company location) is priced at base by the channel and only allocated.
class OrderIntake final
{
    Q_DECLARE_TR_FUNCTIONS(OrderIntake)

public:
    explicit OrderIntake(Store &store);

    Result<IntakeOutcome> accept(const IncomingOrder &order, const QString &actor);
    // Allocates the channel's held orders whose exceptions are all closed; returns how many.
    Result<int> releaseHeld(const QString &channel, const QString &actor);

    // What is wrong with the order's prices and quantities for its buyer; stores nothing.
    Result<QList<SyncException>> check(const IncomingOrder &order);
    // Open PriceMismatch / QuantityRuleBroken exceptions on the order.
    Result<int> openHolds(const QString &channel, const QString &externalRef);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
