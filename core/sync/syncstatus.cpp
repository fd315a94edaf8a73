#include "syncstatus.h"

#include <QMutexLocker>

namespace Ledgerdesk::Core {

namespace {

SyncSystemStatus stoppedStatus(const QString &system)
{
    SyncSystemStatus status;
    status.system = system;
    return status;
}

} // namespace

QString syncStateKey(SyncState state)
{
    switch (state) {
    case SyncState::Stopped:
        return QStringLiteral("stopped");
    case SyncState::Starting:
        return QStringLiteral("starting");
    case SyncState::Idle:
        return QStringLiteral("idle");
    case SyncState::Syncing:
        return QStringLiteral("syncing");
    case SyncState::Paused:
        return QStringLiteral("paused");
    case SyncState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("stopped");
}

SyncSystemStatus &SyncStatusBoard::entry(const QString &system)
{
    auto it = m_systems.find(system);
    if (it == m_systems.end()) {
        m_order << system;
        it = m_systems.insert(system, stoppedStatus(system));
    }
    return it.value();
}

void SyncStatusBoard::setState(const QString &system, SyncState state, const QString &error)
{
    QMutexLocker lock(&m_mutex);
    SyncSystemStatus &status = entry(system);
    status.state = state;
    if (state == SyncState::Failed || !error.isEmpty()) {
        status.error = error;
    }
    if (state == SyncState::Failed && status.failingSince == 0) {
        status.failingSince = nowUtcMillis(); // could not even open
        status.unreachable = true;
    }
}

void SyncStatusBoard::setPollInterval(const QString &system, qint64 intervalMs)
{
    QMutexLocker lock(&m_mutex);
    entry(system).pollIntervalMs = intervalMs;
}

void SyncStatusBoard::recordCycle(const SyncCycleReport &report, SyncState state)
{
    QMutexLocker lock(&m_mutex);
    SyncSystemStatus &status = entry(report.system);
    status.state = state;
    status.error = report.error;
    status.lastReport = report;
    ++status.cycles;
    if (report.error.isEmpty()) {
        status.failingSince = 0;
        status.unreachable = false;
    } else {
        if (status.failingSince == 0) {
            status.failingSince = report.startedAt != 0 ? report.startedAt : nowUtcMillis();
        }
        status.unreachable = report.unreachable;
    }
}

SyncSystemStatus SyncStatusBoard::status(const QString &system) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_systems.constFind(system);
    return it == m_systems.constEnd() ? stoppedStatus(system) : it.value();
}

QList<SyncSystemStatus> SyncStatusBoard::all() const
{
    QMutexLocker lock(&m_mutex);
    QList<SyncSystemStatus> list;
    for (const QString &system : m_order) {
        list << m_systems.value(system);
    }
    return list;
}

} // namespace Ledgerdesk::Core
