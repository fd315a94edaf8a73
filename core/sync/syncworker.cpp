#include "syncworker.h"

#include <core/domain/timestamp.h>
#include <core/sync/connector.h>

#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <exception>
#include <limits>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcSyncWorker, "ledgerdesk.core.syncworker")

SyncWorker::SyncWorker(std::unique_ptr<Connector> connector,
                       qint64 pollIntervalMs,
                       std::shared_ptr<SyncStatusBoard> board)
    : m_connector(connector.release())
    , m_system(m_connector->system())
    , m_intervalMs(pollIntervalMs)
    , m_board(std::move(board))
    , m_timer(new QTimer(this))
{
    m_connector->setParent(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncWorker::runCycle);
}

SyncWorker::~SyncWorker() = default;

bool SyncWorker::addressed(const QString &system) const
{
    return system.isEmpty() || system == m_system;
}

void SyncWorker::setState(SyncState state, const QString &error)
{
    m_board->setState(m_system, state, error);
    emit stateChanged(m_system, state);
}

void SyncWorker::start()
{
    setState(SyncState::Starting);
    // open() may wait in a local event loop; requests arriving meanwhile wait for it.
    m_running = true;
    const Status opened = m_connector->open();
    m_running = false;
    if (m_stopping) {
        m_opened = opened.ok();
        thread()->quit();
        return;
    }
    if (!opened) {
        qCWarning(lcSyncWorker) << m_system << "did not open:" << opened.error().message;
        setState(SyncState::Failed, opened.error().message);
        // open() is tried again on the next cycle.
        scheduleNext();
        return;
    }
    m_opened = true;
    setState(m_paused ? SyncState::Paused : SyncState::Idle);
    if (m_intervalMs > 0) {
        // The first cycle runs as soon as the thread's event loop does.
        m_again = true;
    }
    scheduleNext();
}

void SyncWorker::finish()
{
    m_timer->stop();
    if (m_opened) {
        m_connector->close();
        m_opened = false;
    }
    setState(SyncState::Stopped);
}

void SyncWorker::syncNow(const QString &system)
{
    if (!addressed(system) || m_paused || m_stopping) {
        return;
    }
    if (m_running) {
        m_again = true;
        return;
    }
    m_timer->start(0);
}

void SyncWorker::pause(const QString &system)
{
    if (!addressed(system) || m_paused) {
        return;
    }
    m_paused = true;
    m_again = false;
    m_timer->stop();
    if (!m_running) {
        setState(SyncState::Paused);
    }
}

void SyncWorker::resume(const QString &system)
{
    if (!addressed(system) || !m_paused) {
        return;
    }
    m_paused = false;
    if (!m_running) {
        setState(m_opened ? SyncState::Idle : SyncState::Failed, m_board->status(m_system).error);
        scheduleNext();
    }
}

void SyncWorker::stopGracefully()
{
    m_stopping = true;
    m_timer->stop();
    if (!m_running) {
        thread()->quit();
    }
}

void SyncWorker::scheduleNext()
{
    if (m_paused || m_stopping) {
        return;
    }
    if (m_again) {
        m_again = false;
        m_timer->start(0);
    } else if (m_intervalMs > 0) {
        m_timer->start(int(qMin<qint64>(m_intervalMs, std::numeric_limits<int>::max())));
    }
}

SyncCycleReport SyncWorker::cycle()
{
    if (!m_opened) {
        const Status opened = m_connector->open();
        if (!opened) {
            SyncCycleReport failed;
            failed.fail(opened.error());
            failed.error = tr("cannot open %1: %2").arg(m_system, opened.error().message);
            return failed;
        }
        m_opened = true;
    }
    try {
        return m_connector->runCycle();
    } catch (const std::exception &e) {
        SyncCycleReport failed;
        failed.error = QString::fromLocal8Bit(e.what());
        return failed;
    }
}

void SyncWorker::runCycle()
{
    // A connector that waits in a local event loop can bring us back here: never overlap.
    if (m_running) {
        m_again = true;
        return;
    }
    if (m_paused || m_stopping) {
        return;
    }
    m_running = true;
    setState(SyncState::Syncing);
    const UtcMillis started = nowUtcMillis();
    SyncCycleReport report = cycle();
    report.system = m_system;
    if (report.startedAt == 0) {
        report.startedAt = started;
    }
    if (report.finishedAt == 0) {
        report.finishedAt = nowUtcMillis();
    }
    m_running = false;
    SyncState next = report.error.isEmpty() ? SyncState::Idle : SyncState::Failed;
    if (m_paused) {
        next = SyncState::Paused;
    }
    // A system that stays down is logged once, not every cycle.
    if (!report.error.isEmpty() && report.error != m_board->status(m_system).error) {
        qCWarning(lcSyncWorker) << m_system << "cycle failed:" << report.error;
    }
    m_board->recordCycle(report, next);
    emit cycleFinished(report);
    emit stateChanged(m_system, next);
    if (m_stopping) {
        thread()->quit();
        return;
    }
    scheduleNext();
}

} // namespace Ledgerdesk::Core
