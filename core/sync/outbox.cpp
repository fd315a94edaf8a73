#include "outbox.h"

#include <core/audit/auditlog.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/outboxkinds.h>

#include <QLoggingCategory>
#include <QSqlQuery>

#include <limits>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcOutbox, "ledgerdesk.core.outbox")

namespace {

const QString kColumns = QStringLiteral(
    "id, idempotency_key, target, kind, entity_key, payload, posting_id, status, attempts, "
    "next_attempt_at, first_failure_at, last_error");

OutboxItem fromRow(const QSqlQuery &q)
{
    OutboxItem item;
    item.id = q.value(0).toLongLong();
    item.idempotencyKey = q.value(1).toString();
    item.target = q.value(2).toString();
    item.kind = q.value(3).toString();
    item.entityKey = q.value(4).toString();
    item.payload = q.value(5).toString().toUtf8();
    if (!q.value(6).isNull()) {
        item.postingId = q.value(6).toLongLong();
    }
    item.status = outboxStatusFromKey(q.value(7).toString()).value_or(OutboxStatus::Pending);
    item.attempts = q.value(8).toInt();
    item.nextAttemptAt = q.value(9).toLongLong();
    if (!q.value(10).isNull()) {
        item.firstFailureAt = q.value(10).toLongLong();
    }
    item.lastError = q.value(11).toString();
    return item;
}

} // namespace

Outbox::Outbox(Store &store, RetryPolicy policy)
    : m_store(store)
    , m_policy(std::move(policy))
{}

Status Outbox::enqueue(QSqlDatabase db, const OutboxItem &item, UtcMillis now)
{
    if (item.idempotencyKey.isEmpty() || item.target.isEmpty() || item.kind.isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("an outbox row needs a key, a target and a kind"));
    }
    if (!isDeliverable(item.target, item.kind)) {
        return makeError(
            ErrorCode::Validation,
            tr("%1 takes no \"%2\" rows; nothing was queued").arg(item.target, item.kind));
    }
    const QString hash = item.requestHash();
    auto inserted = runQuery(
        db,
        QStringLiteral("INSERT INTO outbox (idempotency_key, target, kind, entity_key, payload, "
                       "request_hash, posting_id, status, next_attempt_at, created_at) VALUES (?, "
                       "?, ?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (idempotency_key) DO "
                       "NOTHING RETURNING id"),
        {item.idempotencyKey,
         item.target,
         item.kind,
         nonNull(item.entityKey),
         QString::fromUtf8(item.payload),
         hash,
         item.postingId ? QVariant(*item.postingId) : QVariant(),
         now,
         now});
    if (!inserted) {
        return inserted.error();
    }
    if (inserted.value().next()) {
        return success();
    }
    auto existing = runQuery(db,
                             QStringLiteral("SELECT request_hash FROM outbox WHERE "
                                            "idempotency_key = ?"),
                             {item.idempotencyKey});
    if (!existing) {
        return existing.error();
    }
    if (existing.value().next() && existing.value().value(0).toString() == hash) {
        return success();
    }
    return makeError(
        ErrorCode::Conflict,
        tr("idempotency key %1 was already used for a different request").arg(item.idempotencyKey));
}

Result<QList<OutboxItem>>
Outbox::claimDue(const QString &target, UtcMillis now, int limit, const QString &kind)
{
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    // A row whose lease ran out was left in flight by a process that died mid-push: it is due
    // again, and its idempotency key makes the second send safe.
    const auto expired = reclaim(db, target, now, now);
    if (!expired) {
        return expired.error();
    }
    if (expired.value() > 0) {
        qCInfo(lcOutbox) << "sending again" << expired.value() << "row(s) for" << target
                         << "left in flight past their lease";
    }
    auto due = runQuery(db,
                        QStringLiteral("SELECT ") + kColumns
                            + QStringLiteral(" FROM outbox WHERE target = ? AND status = "
                                             "'pending' AND next_attempt_at <= ? AND (? = '' OR "
                                             "kind = ?) ORDER BY next_attempt_at, id LIMIT ?"),
                        {target, now, nonNull(kind), nonNull(kind), limit});
    if (!due) {
        return due.error();
    }
    QList<OutboxItem> items;
    while (due.value().next()) {
        items << fromRow(due.value());
    }
    due.value().finish();
    for (OutboxItem &item : items) {
        auto claimed = runQuery(db,
                                QStringLiteral("UPDATE outbox SET status = 'in_flight', attempts "
                                               "= attempts + 1, next_attempt_at = ? WHERE id = ?"),
                                {now + kLeaseMs, item.id});
        if (!claimed) {
            return claimed.error();
        }
        item.status = OutboxStatus::InFlight;
        ++item.attempts;
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    return items;
}

Status Outbox::complete(qint64 id, const QByteArray &response, UtcMillis now)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("UPDATE outbox SET status = 'done', response = ?, "
                                     "completed_at = ?, last_error = '' WHERE id = ? AND status = "
                                     "'in_flight'"),
                      {QString::fromUtf8(response), now, id});
    if (!q) {
        return q.error();
    }
    return q.value().numRowsAffected() == 1
               ? success()
               : Status(
                   makeError(ErrorCode::Conflict, tr("outbox row %1 is not in flight").arg(id)));
}

Result<OutboxStatus> Outbox::fail(qint64 id, const DeliveryFailure &failure, UtcMillis now)
{
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    auto current = item(id);
    if (!current) {
        return current.error();
    }
    if (!current.value() || current.value()->status != OutboxStatus::InFlight) {
        return makeError(ErrorCode::Conflict, tr("outbox row %1 is not in flight").arg(id));
    }
    const OutboxItem &row = *current.value();
    const UtcMillis firstFailure = row.firstFailureAt.value_or(now);
    const bool dead = !failure.retryable || !m_policy.withinBudget(firstFailure, now);
    const UtcMillis next = now + m_policy.delayMs(row.attempts, failure.retryAfterMs);
    auto updated = runQuery(db,
                            QStringLiteral("UPDATE outbox SET status = ?, first_failure_at = ?, "
                                           "next_attempt_at = ?, last_error = ? WHERE id = ?"),
                            {dead ? QStringLiteral("dead") : QStringLiteral("pending"),
                             firstFailure,
                             next,
                             nonNull(failure.error),
                             id});
    if (!updated) {
        return updated.error();
    }
    if (dead) {
        SyncException e;
        if (failure.exception) {
            e = *failure.exception;
        } else {
            e.kind = failure.retryable ? ExceptionKind::ThrottledPastBudget
                                       : ExceptionKind::RejectedByTarget;
            e.system = row.target;
            e.entity = row.kind;
            e.entityKey = row.entityKey;
            e.errorText = failure.error;
        }
        e.attempts = row.attempts;
        e.outboxId = id;
        if (auto raised = ExceptionStore::raise(db, e, now); !raised) {
            return raised.error();
        }
        qCWarning(lcOutbox) << "dead-lettered" << row.idempotencyKey << failure.error;
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    return dead ? OutboxStatus::Dead : OutboxStatus::Pending;
}

Status Outbox::replay(qint64 id, const QString &actor, UtcMillis now)
{
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    auto q = runQuery(db,
                      QStringLiteral("UPDATE outbox SET status = 'pending', next_attempt_at = ?, "
                                     "first_failure_at = NULL WHERE id = ? AND status = 'dead'"),
                      {now, id});
    if (!q) {
        return q.error();
    }
    if (q.value().numRowsAffected() != 1) {
        return makeError(ErrorCode::Conflict, tr("outbox row %1 is not a dead letter").arg(id));
    }
    if (const Status audited = AuditLog::record(db,
                                                {now,
                                                 actor,
                                                 QStringLiteral("outbox.replay"),
                                                 QStringLiteral("outbox:%1").arg(id),
                                                 QString()});
        !audited) {
        return audited;
    }
    return tx.commit();
}

Result<int>
Outbox::reclaim(QSqlDatabase db, const QString &target, UtcMillis leaseEndedBy, UtcMillis dueAt)
{
    auto q = runQuery(db,
                      QStringLiteral("UPDATE outbox SET status = 'pending', next_attempt_at = ? "
                                     "WHERE status = 'in_flight' AND next_attempt_at <= ? AND (? = "
                                     "'' OR target = ?)"),
                      {dueAt, leaseEndedBy, nonNull(target), nonNull(target)});
    if (!q) {
        return q.error();
    }
    return q.value().numRowsAffected();
}

Result<int> Outbox::recoverInFlight()
{
    return reclaim(m_store.connection(), QString(), std::numeric_limits<UtcMillis>::max(), 0);
}

Result<std::optional<OutboxItem>> Outbox::item(qint64 id)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT ") + kColumns
                          + QStringLiteral(" FROM outbox WHERE id = ?"),
                      {id});
    if (!q) {
        return q.error();
    }
    if (!q.value().next()) {
        return std::optional<OutboxItem>();
    }
    return std::optional<OutboxItem>(fromRow(q.value()));
}

Result<OutboxBacklog> Outbox::backlog(const QString &target)
{
    auto q = runQuery(
        m_store.connection(),
        QStringLiteral("SELECT status, COUNT(*), MIN(created_at) FROM outbox WHERE "
                       "target = ? AND status IN ('pending', 'in_flight', 'dead') GROUP BY status"),
        {target});
    if (!q) {
        return q.error();
    }
    OutboxBacklog backlog;
    while (q.value().next()) {
        const QString status = q.value().value(0).toString();
        const qint64 count = q.value().value(1).toLongLong();
        if (status == QLatin1String("pending")) {
            backlog.pending = count;
            backlog.oldestPendingAt = q.value().value(2).toLongLong();
        } else if (status == QLatin1String("in_flight")) {
            backlog.inFlight = count;
        } else if (status == QLatin1String("dead")) {
            backlog.dead = count;
        }
    }
    return backlog;
}

} // namespace Ledgerdesk::Core
