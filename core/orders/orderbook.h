#pragma once

#include <core/error.h>
#include <core/orders/order.h>

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace Ledgerdesk::Core {

class Store;

struct OrderFilter
{
    QString channel;                 // empty: every channel
    std::optional<OrderState> state; // none: every state
    QString company;                 // substring, case-insensitive
    UtcMillis issuedFrom = 0;        // 0: no bound
    UtcMillis issuedTo = 0;
    int limit = 500;
};

struct OrderEvent
{
    UtcMillis at = 0;
    QString actor;
    std::optional<OrderState> from;
    OrderState to = OrderState::New;
    QString detail;
};

struct ReceivedOrder
{
    OrderId id = 0;
    bool duplicate = false; // the same order had already been received
};

// The one order queue. Receiving is idempotent on (channel, external reference); every state
// change is one row in order_events and one in the audit log, in the caller's transaction.
class OrderBook final
{
    Q_DECLARE_TR_FUNCTIONS(OrderBook)

public:
    explicit OrderBook(Store &store);

    // An order seen again with the same content is a duplicate; with other content it is
    // refused as a conflict once stock has been committed to it.
    Result<ReceivedOrder> receive(const IncomingOrder &order, const QString &actor);
    Result<std::optional<Order>> get(OrderId id);
    Result<std::optional<Order>> find(const QString &channel, const QString &externalRef);
    Result<QList<Order>> list(const OrderFilter &filter); // newest first, lines not loaded
    Result<QList<OrderEvent>> history(OrderId id);

    // A transition with no ledger effect (shipped, invoiced, paid), checked against the rules.
    Status advance(OrderId id, OrderState to, const QString &actor, const QString &detail = {});

    // For the commands that change state together with the ledger, inside their transaction.
    static Result<std::optional<Order>> load(QSqlDatabase db, OrderId id);
    // A posting reference unique to this step of this order ("order:12:allocate:3").
    static Result<QString> postingReference(QSqlDatabase db, OrderId id, const QString &action);
    static Status recordTransition(QSqlDatabase db,
                                   const Order &order,
                                   OrderState to,
                                   const QString &actor,
                                   const QString &detail,
                                   UtcMillis at);

private:
    Result<ReceivedOrder> insert(QSqlDatabase db,
                                 const IncomingOrder &order,
                                 const QString &hash,
                                 const QString &actor,
                                 UtcMillis now);
    Status replaceLines(QSqlDatabase db, OrderId id, const IncomingOrder &order);

    Store &m_store;
};

} // namespace Ledgerdesk::Core
