#include "synccontroller.h"

#include <core/sync/connector.h>
#include <core/sync/syncworker.h>

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>

namespace Ledgerdesk::Core {

namespace {
constexpr int kLastWaitMs = 1000;
} // namespace

Q_LOGGING_CATEGORY(lcSyncController, "ledgerdesk.core.synccontroller")

SyncController::SyncController(QObject *parent)
    : QObject(parent)
    , m_board(std::make_shared<SyncStatusBoard>())
{
    static const bool registered = [] {
        qRegisterMetaType<SyncCycleReport>();
        qRegisterMetaType<SyncState>();
        return true;
    }();
    Q_UNUSED(registered)
}

SyncController::~SyncController()
{
    for (Worker &worker : m_workers) {
        worker.thread->requestInterruption();
        worker.thread->quit();
    }
    for (Worker &worker : m_workers) {
        worker.thread->wait();
    }
}

Status SyncController::addConnector(std::unique_ptr<Connector> connector,
                                    std::chrono::milliseconds pollInterval)
{
    if (!connector) {
        return makeError(ErrorCode::Validation, tr("no connector to add"));
    }
    const QString system = connector->system();
    if (system.isEmpty()) {
        return makeError(ErrorCode::Validation, tr("a connector needs a system name"));
    }
    const bool known = std::any_of(m_workers.begin(), m_workers.end(), [&system](const Worker &w) {
        return w.system == system;
    });
    if (known) {
        return makeError(ErrorCode::Conflict, tr("%1 is already connected").arg(system));
    }
    if (connector->parent() != nullptr) {
        return makeError(ErrorCode::Validation,
                         tr("the %1 connector must not have a parent").arg(system));
    }

    m_board->setPollInterval(system, qMax<qint64>(0, pollInterval.count()));
    auto thread = std::make_unique<QThread>();
    thread->setObjectName(QStringLiteral("sync-") + system);
    auto *worker = new SyncWorker(std::move(connector), pollInterval.count(), m_board);
    worker->moveToThread(thread.get());

    connect(thread.get(), &QThread::started, worker, &SyncWorker::start);
    // Direct: finished is emitted on the worker thread, so close() runs there.
    connect(thread.get(), &QThread::finished, worker, &SyncWorker::finish, Qt::DirectConnection);
    connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &SyncController::syncRequested, worker, &SyncWorker::syncNow);
    connect(this, &SyncController::pauseRequested, worker, &SyncWorker::pause);
    connect(this, &SyncController::resumeRequested, worker, &SyncWorker::resume);
    connect(this, &SyncController::stopRequested, worker, &SyncWorker::stopGracefully);
    connect(worker, &SyncWorker::stateChanged, this, &SyncController::stateChanged);
    connect(worker, &SyncWorker::cycleFinished, this, &SyncController::cycleFinished);

    thread->start();
    qCDebug(lcSyncController) << "started" << system << "every" << pollInterval.count() << "ms";
    m_workers.push_back(Worker{system, std::move(thread)});
    return success();
}

QStringList SyncController::systems() const
{
    QStringList names;
    for (const Worker &worker : m_workers) {
        names << worker.system;
    }
    return names;
}

void SyncController::syncNow(const QString &system)
{
    emit syncRequested(system, QPrivateSignal());
}

void SyncController::pause(const QString &system)
{
    emit pauseRequested(system, QPrivateSignal());
}

void SyncController::resume(const QString &system)
{
    emit resumeRequested(system, QPrivateSignal());
}

void SyncController::stop(std::chrono::milliseconds grace)
{
    // Every write a worker makes is idempotent, so an in-flight request or retry is abandoned
    // at once rather than waited out: stopping is bounded by `grace`, whatever the backlog.
    emit stopRequested(QPrivateSignal());
    for (Worker &worker : m_workers) {
        worker.thread->requestInterruption();
        worker.thread->quit();
    }
    const QDeadlineTimer deadline(grace);
    for (Worker &worker : m_workers) {
        if (!worker.thread->wait(deadline)) {
            // A transaction still commits; it holds the write lock briefly. Past a second
            // more the thread is left to end by itself rather than block whoever called us.
            if (!worker.thread->wait(QDeadlineTimer(kLastWaitMs))) {
                qCWarning(lcSyncController) << worker.system << "did not stop in time";
                QThread *orphan = worker.thread.release();
                connect(orphan, &QThread::finished, orphan, &QObject::deleteLater);
            }
        }
    }
    m_workers.clear();
}

SyncSystemStatus SyncController::status(const QString &system) const
{
    return m_board->status(system);
}

QList<SyncSystemStatus> SyncController::snapshot() const
{
    return m_board->all();
}

} // namespace Ledgerdesk::Core
