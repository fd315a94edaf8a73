#pragma once

#include <core/sync/connector.h>

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

enum class SyncState { Stopped, Starting, Idle, Syncing, Paused, Failed };

QString syncStateKey(SyncState state);

// What the controller knows about one connected system at one moment.
struct SyncSystemStatus
{
    QString system;
    SyncState state = SyncState::Stopped;
    QString error; // the last open or cycle error; empty once a cycle completes
    qint64 cycles = 0;
    qint64 pollIntervalMs = 0; // 0: cycles run only on request
    std::optional<SyncCycleReport> lastReport;
    // When the current run of failed cycles began (0 while cycles succeed), and whether the
    // last failure was the system being out of reach rather than refusing something.
    UtcMillis failingSince = 0;
    bool unreachable = false;
};

// Shared between the controller and its workers: workers write from their own threads, anyone
// reads a copy.
class SyncStatusBoard final
{
public:
    void setState(const QString &system, SyncState state, const QString &error);
    void setPollInterval(const QString &system, qint64 intervalMs);
    void recordCycle(const SyncCycleReport &report, SyncState state);

    SyncSystemStatus status(const QString &system) const;
    QList<SyncSystemStatus> all() const;

private:
    SyncSystemStatus &entry(const QString &system);

    mutable QMutex m_mutex;
    QList<QString> m_order;
    QHash<QString, SyncSystemStatus> m_systems;
};

} // namespace Ledgerdesk::Core

Q_DECLARE_METATYPE(Ledgerdesk::Core::SyncState)
