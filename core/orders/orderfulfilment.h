#pragma once

#include <core/error.h>
#include <core/ledger/posting.h>
#include <core/orders/order.h>

#include <QCoreApplication>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace Ledgerdesk::Core {

class Store;

// What happens to returned units.
enum class RestockDecision {
    Restock, // back to available where they were picked
    Damaged, // kept on hand as damaged
    Discard, // written off: no stock comes back
};

// The steps after allocation that move stock: picking takes committed units off on_hand, a
// cancellation gives committed units back to available, a return goes through a restock
// decision. Each is one transaction with its posting, state change and audit rows.
class OrderFulfilment final
{
    Q_DECLARE_TR_FUNCTIONS(OrderFulfilment)

public:
    explicit OrderFulfilment(Store &store);

    // Picks in-house: committed units leave on_hand now.
    Status pick(OrderId id, const QString &actor);
    // Sends a pick ticket to the WMS through the outbox; on_hand changes when the WMS confirms
    // the shipment, and the order is shipped then (confirmShipped).
    Status sendToWarehouse(OrderId id, const QString &actor);
    // Whoever owns on_hand picks: the WMS when the ownership map says so, in-house otherwise.
    Status release(OrderId id, const QString &actor);
    Status cancel(OrderId id, const QString &actor, const QString &reason);
    Status returnOrder(OrderId id, RestockDecision decision, const QString &actor);

    // The order reference a pick ticket carries ("ORD-42"), and back.
    static QString pickReference(OrderId id);
    static std::optional<OrderId> orderOfPickReference(const QString &reference);
    // Called in the WMS file's transaction after its shipment lines are posted: an order whose
    // every allocation has shipped becomes Shipped.
    static Status confirmShipped(QSqlDatabase db, const QString &reference, UtcMillis now);

private:
    using Delta = std::function<Quantities(qint64 quantity)>;

    Status change(OrderId id,
                  OrderState to,
                  MovementReason reason,
                  const Delta &delta,
                  const QString &actor,
                  const QString &detail);

    Store &m_store;
};

} // namespace Ledgerdesk::Core
