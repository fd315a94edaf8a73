#include "synchistory.h"

#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSqlQuery>

namespace Ledgerdesk::Core {

namespace {

// The bucket an instant falls in, or -1 outside the window.
int bucketOf(UtcMillis at, UtcMillis windowStart, qint64 bucketMs, int count)
{
    if (at < windowStart) {
        return -1;
    }
    const qint64 index = (at - windowStart) / bucketMs;
    return index < count ? static_cast<int>(index) : count - 1;
}

} // namespace

SyncHistory::SyncHistory(Store &store)
    : m_store(store)
{}

Result<QList<SyncHistoryBucket>>
SyncHistory::buckets(const QString &system, UtcMillis now, qint64 bucketMs, int count) const
{
    if (bucketMs <= 0 || count <= 0) {
        return makeError(ErrorCode::Validation,
                         tr("A sync history needs a positive bucket size and count."));
    }
    const UtcMillis windowStart = now - bucketMs * count;
    QList<SyncHistoryBucket> result(count);
    for (int i = 0; i < count; ++i) {
        result[i].start = windowStart + bucketMs * i;
    }
    const bool all = system.isEmpty();
    // Plain rows bucketed here: the same SQL on SQLite and PostgreSQL.
    auto applied = runQuery(m_store.connection(),
                            QStringLiteral("SELECT applied_at FROM inbox WHERE applied_at >= ? "
                                           "AND applied_at <= ? AND (? OR system = ?)"),
                            {windowStart, now, all, nonNull(system)});
    if (!applied) {
        return applied.error();
    }
    while (applied.value().next()) {
        const int b = bucketOf(applied.value().value(0).toLongLong(), windowStart, bucketMs, count);
        if (b >= 0) {
            ++result[b].applied;
        }
    }
    auto exceptions = runQuery(m_store.connection(),
                               QStringLiteral("SELECT created_at, resolved_at FROM "
                                              "sync_exceptions WHERE created_at <= ? AND "
                                              "(resolved_at IS NULL OR resolved_at >= ?) AND "
                                              "(? OR system = ?)"),
                               {now, windowStart, all, nonNull(system)});
    if (!exceptions) {
        return exceptions.error();
    }
    QSqlQuery &q = exceptions.value();
    while (q.next()) {
        const UtcMillis created = q.value(0).toLongLong();
        const bool closed = !q.value(1).isNull();
        const UtcMillis resolved = q.value(1).toLongLong();
        const int b = bucketOf(created, windowStart, bucketMs, count);
        if (b >= 0) {
            ++result[b].exceptionsRaised;
        }
        for (SyncHistoryBucket &bucket : result) {
            const UtcMillis end = bucket.start + bucketMs;
            if (created < end && (!closed || resolved >= end)) {
                ++bucket.openExceptions;
            }
        }
    }
    return result;
}

Result<std::optional<UtcMillis>> SyncHistory::lastSuccess(const QString &system) const
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT MAX(at) FROM (SELECT MAX(applied_at) AS at FROM inbox "
                                     "WHERE system = ? UNION ALL SELECT MAX(completed_at) AS at "
                                     "FROM outbox WHERE target = ? AND status = 'done') AS t"),
                      {nonNull(system), nonNull(system)});
    if (!q) {
        return q.error();
    }
    if (!q.value().next() || q.value().value(0).isNull()) {
        return std::optional<UtcMillis>();
    }
    return std::optional<UtcMillis>(q.value().value(0).toLongLong());
}

} // namespace Ledgerdesk::Core
