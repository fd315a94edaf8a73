#include "synccontroller.h"

#include <core/sync/connector.h>
#include <core/sync/syncworker.h>

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>

namespace Ledgerdesk::Core {

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
    emit stopRequested(QPrivateSignal());
    const QDeadlineTimer deadline(grace);
    for (Worker &worker : m_workers) {
        if (!worker.thread->wait(deadline)) {
            qCWarning(lcSyncController) << worker.system << "did not stop in time; interrupting";
            worker.thread->requestInterruption();
            worker.thread->quit();
            worker.thread->wait();
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
