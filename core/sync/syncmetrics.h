#pragma once

#include <core/domain/timestamp.h>
#include <core/error.h>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Ledgerdesk::Core {

class Store;

struct LocationDrift
{
    QString locationCode;
    qint64 openExceptions = 0;
};

// One connected system's sync health, read from the ledger's outbox, inbox and exceptions.
struct SystemSyncMetrics
{
    QString system;

    // Outbox backlog.
    qint64 pending = 0;
    qint64 inFlight = 0;
    qint64 dead = 0;
    std::optional<qint64> oldestPendingAgeMs;

    // Deliveries attempted in the last hour and how many of them needed more than one attempt.
    qint64 deliveriesLastHour = 0;
    qint64 retriedLastHour = 0;
    double retryRate = 0.0;

    // Source time to applied time over the most recent applied inbox events.
    qint64 latencySamples = 0;
    std::optional<qint64> latencyP50Ms;
    std::optional<qint64> latencyP99Ms;

    qint64 receivedLastHour = 0;
    qint64 appliedLastHour = 0;

    // Open (or acknowledged) exceptions by age.
    qint64 openUnderHour = 0;
    qint64 openUnderDay = 0;
    qint64 openOlder = 0;
    std::optional<qint64> oldestOpenAgeMs;

    // Open inventory exceptions per location, the largest first.
    QList<LocationDrift> drift;

    qint64 openExceptions() const { return openUnderHour + openUnderDay + openOlder; }
};

// Sync metrics as plain values, for the console and `ledgerdesk-cli sync status`.
class SyncMetrics final
{
    Q_DECLARE_TR_FUNCTIONS(SyncMetrics)

public:
    static constexpr int defaultLatencySamples = 500;

    explicit SyncMetrics(Store &store, int latencySamples = defaultLatencySamples);

    // Every system named in the outbox, inbox or exceptions, plus `alsoInclude`, sorted by name.
    Result<QList<SystemSyncMetrics>> collect(UtcMillis now,
                                             const QStringList &alsoInclude = {}) const;
    Result<SystemSyncMetrics> forSystem(const QString &system, UtcMillis now) const;

private:
    Status readOutbox(SystemSyncMetrics &m, UtcMillis now) const;
    Status readInbox(SystemSyncMetrics &m, UtcMillis now) const;
    Status readExceptions(SystemSyncMetrics &m, UtcMillis now) const;

    Store &m_store;
    int m_latencySamples;
};

} // namespace Ledgerdesk::Core
