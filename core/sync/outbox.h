#pragma once

#include <core/error.h>
#include <core/sync/outboxitem.h>
#include <core/sync/retrypolicy.h>

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace Ledgerdesk::Core {

class Store;

struct OutboxBacklog
{
    qint64 pending = 0;
    qint64 inFlight = 0;
    qint64 dead = 0;
    std::optional<UtcMillis> oldestPendingAt;
};

// The transactional outbox. enqueue() runs inside the caller's transaction, next to the ledger
// change that caused it; the worker claims due rows, delivers them and reports the outcome.
class Outbox final
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)

public:
    Outbox(Store &store, RetryPolicy policy = RetryPolicy());

    // Same key and same request: nothing new. Same key, different request: a conflict.
    static Status enqueue(QSqlDatabase db, const OutboxItem &item, UtcMillis now);

    // How long a claimed row belongs to the process that claimed it. Past it, the row is due
    // again: the process died mid-push (or hangs), and the idempotency key makes resending safe.
    static constexpr qint64 kLeaseMs = 2 * 60 * 1000;

    // `kind` empty: every kind; otherwise only rows of that kind, so each deliverer of a target
    // claims only what it understands. Rows whose lease ran out are claimed again first.
    Result<QList<OutboxItem>>
    claimDue(const QString &target, UtcMillis now, int limit, const QString &kind = {});
    Status complete(qint64 id, const QByteArray &response, UtcMillis now);
    // Reschedules with backoff, or dead-letters (and raises an exception) past the budget or
    // when the target refused the request for good. Returns the new status.
    Result<OutboxStatus> fail(qint64 id, const DeliveryFailure &failure, UtcMillis now);
    // A dead letter goes back to pending with its original idempotency key.
    Status replay(qint64 id, const QString &actor, UtcMillis now);
    // Every row left in flight is pending again at once, lease or not (tests and tools that know
    // no other process is pushing); their keys make resending safe.
    Result<int> recoverInFlight();

    Result<std::optional<OutboxItem>> item(qint64 id);
    Result<OutboxBacklog> backlog(const QString &target);

private:
    // Rows in flight whose lease ended by `leaseEndedBy` (every target when `target` is empty)
    // become pending, due at `dueAt`. Returns how many.
    static Result<int>
    reclaim(QSqlDatabase db, const QString &target, UtcMillis leaseEndedBy, UtcMillis dueAt);

    Store &m_store;
    RetryPolicy m_policy;
};

} // namespace Ledgerdesk::Core
