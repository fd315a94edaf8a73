#include "syncmetrics.h"

#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/inventorykey.h>

#include <QHash>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <vector>

namespace Ledgerdesk::Core {

namespace {

constexpr qint64 kHourMs = 60 * 60 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

const QString kOpenStates = QStringLiteral("state IN ('open', 'acknowledged')");

// Nearest-rank percentile of sorted values.
qint64 percentile(const std::vector<qint64> &sorted, double p)
{
    const auto rank = static_cast<std::size_t>(std::ceil(p * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

// "SKU@CODE:quantity", and leniently "SKU@CODE".
QString locationOf(const QString &entityKey)
{
    if (const auto key = InventoryKey::parse(entityKey)) {
        return key->locationCode;
    }
    const qsizetype at = entityKey.lastIndexOf(u'@');
    if (at < 0) {
        return QString();
    }
    const QString rest = entityKey.mid(at + 1);
    return rest.left(rest.indexOf(u':'));
}

} // namespace

SyncMetrics::SyncMetrics(Store &store, int latencySamples)
    : m_store(store)
    , m_latencySamples(qMax(1, latencySamples))
{}

Result<QList<SystemSyncMetrics>> SyncMetrics::collect(UtcMillis now,
                                                      const QStringList &alsoInclude) const
{
    auto names = runQuery(m_store.connection(),
                          QStringLiteral("SELECT target FROM outbox UNION SELECT system FROM "
                                         "inbox UNION SELECT system FROM sync_exceptions"));
    if (!names) {
        return names.error();
    }
    QStringList systems = alsoInclude;
    while (names.value().next()) {
        systems << names.value().value(0).toString();
    }
    names.value().finish();
    systems.removeAll(QString());
    systems.sort();
    systems.removeDuplicates();
    QList<SystemSyncMetrics> all;
    for (const QString &system : std::as_const(systems)) {
        auto metrics = forSystem(system, now);
        if (!metrics) {
            return metrics.error();
        }
        all << metrics.value();
    }
    return all;
}

Result<SystemSyncMetrics> SyncMetrics::forSystem(const QString &system, UtcMillis now) const
{
    SystemSyncMetrics m;
    m.system = system;
    for (const auto read :
         {&SyncMetrics::readOutbox, &SyncMetrics::readInbox, &SyncMetrics::readExceptions}) {
        if (const Status status = (this->*read)(m, now); !status) {
            return status.error();
        }
    }
    return m;
}

Status SyncMetrics::readOutbox(SystemSyncMetrics &m, UtcMillis now) const
{
    QSqlDatabase db = m_store.connection();
    auto backlog = runQuery(db,
                            QStringLiteral("SELECT status, COUNT(*), MIN(created_at) FROM outbox "
                                           "WHERE target = ? AND status <> 'done' GROUP BY "
                                           "status"),
                            {m.system});
    if (!backlog) {
        return backlog.error();
    }
    while (backlog.value().next()) {
        const QString status = backlog.value().value(0).toString();
        const qint64 count = backlog.value().value(1).toLongLong();
        if (status == QLatin1String("pending")) {
            m.pending = count;
            m.oldestPendingAgeMs = qMax<qint64>(0, now - backlog.value().value(2).toLongLong());
        } else if (status == QLatin1String("in_flight")) {
            m.inFlight = count;
        } else if (status == QLatin1String("dead")) {
            m.dead = count;
        }
    }
    const UtcMillis since = now - kHourMs;
    auto retries = runQuery(db,
                            QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN attempts > 1 "
                                           "THEN 1 ELSE 0 END), 0) FROM outbox WHERE target = ? "
                                           "AND attempts > 0 AND (created_at >= ? OR "
                                           "completed_at >= ?)"),
                            {m.system, since, since});
    if (!retries) {
        return retries.error();
    }
    if (retries.value().next()) {
        m.deliveriesLastHour = retries.value().value(0).toLongLong();
        m.retriedLastHour = retries.value().value(1).toLongLong();
    }
    m.retryRate
        = m.deliveriesLastHour > 0 ? double(m.retriedLastHour) / double(m.deliveriesLastHour) : 0.0;
    return success();
}

Status SyncMetrics::readInbox(SystemSyncMetrics &m, UtcMillis now) const
{
    QSqlDatabase db = m_store.connection();
    auto latencies = runQuery(db,
                              QStringLiteral("SELECT applied_at - source_at FROM inbox WHERE "
                                             "system = ? AND applied_at IS NOT NULL AND outcome "
                                             "= 'applied' ORDER BY applied_at DESC, id DESC "
                                             "LIMIT ?"),
                              {m.system, m_latencySamples});
    if (!latencies) {
        return latencies.error();
    }
    std::vector<qint64> values;
    while (latencies.value().next()) {
        values.push_back(qMax<qint64>(0, latencies.value().value(0).toLongLong()));
    }
    if (!values.empty()) {
        std::sort(values.begin(), values.end());
        m.latencySamples = qint64(values.size());
        m.latencyP50Ms = percentile(values, 0.50);
        m.latencyP99Ms = percentile(values, 0.99);
    }
    const UtcMillis since = now - kHourMs;
    auto counts = runQuery(db,
                           QStringLiteral("SELECT COALESCE(SUM(CASE WHEN received_at >= ? THEN 1 "
                                          "ELSE 0 END), 0), COALESCE(SUM(CASE WHEN applied_at >= "
                                          "? AND outcome = 'applied' THEN 1 ELSE 0 END), 0) FROM "
                                          "inbox WHERE system = ?"),
                           {since, since, m.system});
    if (!counts) {
        return counts.error();
    }
    if (counts.value().next()) {
        m.receivedLastHour = counts.value().value(0).toLongLong();
        m.appliedLastHour = counts.value().value(1).toLongLong();
    }
    return success();
}

Status SyncMetrics::readExceptions(SystemSyncMetrics &m, UtcMillis now) const
{
    QSqlDatabase db = m_store.connection();
    auto ages = runQuery(db,
                         QStringLiteral("SELECT COALESCE(SUM(CASE WHEN created_at > ? THEN 1 ELSE "
                                        "0 END), 0), COALESCE(SUM(CASE WHEN created_at <= ? AND "
                                        "created_at > ? THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE "
                                        "WHEN created_at <= ? THEN 1 ELSE 0 END), 0), "
                                        "MIN(created_at) FROM sync_exceptions WHERE system = ? "
                                        "AND ")
                             + kOpenStates,
                         {now - kHourMs, now - kHourMs, now - kDayMs, now - kDayMs, m.system});
    if (!ages) {
        return ages.error();
    }
    if (ages.value().next()) {
        m.openUnderHour = ages.value().value(0).toLongLong();
        m.openUnderDay = ages.value().value(1).toLongLong();
        m.openOlder = ages.value().value(2).toLongLong();
        if (!ages.value().value(3).isNull()) {
            m.oldestOpenAgeMs = qMax<qint64>(0, now - ages.value().value(3).toLongLong());
        }
    }
    auto keys = runQuery(db,
                         QStringLiteral("SELECT entity_key FROM sync_exceptions WHERE system = ? "
                                        "AND entity LIKE 'inventory%' AND ")
                             + kOpenStates,
                         {m.system});
    if (!keys) {
        return keys.error();
    }
    QHash<QString, qint64> perLocation;
    while (keys.value().next()) {
        const QString code = locationOf(keys.value().value(0).toString());
        if (!code.isEmpty()) {
            ++perLocation[code];
        }
    }
    for (auto it = perLocation.cbegin(); it != perLocation.cend(); ++it) {
        m.drift << LocationDrift{it.key(), it.value()};
    }
    std::sort(m.drift.begin(), m.drift.end(), [](const LocationDrift &a, const LocationDrift &b) {
        return a.openExceptions != b.openExceptions ? a.openExceptions > b.openExceptions
                                                    : a.locationCode < b.locationCode;
    });
    return success();
}

} // namespace Ledgerdesk::Core
