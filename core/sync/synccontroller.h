#pragma once

#include <core/error.h>
#include <core/sync/syncstatus.h>

#include <QObject>
#include <QStringList>

#include <chrono>
#include <memory>
#include <vector>

class QThread;

namespace Ledgerdesk::Core {

class Connector;
class SyncWorker;

// Runs every connected system on its own thread (STYLE §4): each connector is moved to a
// worker thread, opened there, and cycled by a timer on that thread and on request.
class SyncController final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultPollInterval{5000};

    explicit SyncController(QObject *parent = nullptr);
    // Stops every worker: requestInterruption(); quit(); wait().
    ~SyncController() override;
    Q_DISABLE_COPY_MOVE(SyncController)

    // Starts the connector's thread. A zero interval means cycles run only on syncNow().
    Status addConnector(std::unique_ptr<Connector> connector,
                        std::chrono::milliseconds pollInterval = defaultPollInterval);

    QStringList systems() const;

    // An empty system name addresses every system.
    void syncNow(const QString &system = QString());
    void pause(const QString &system = QString());
    void resume(const QString &system = QString());
    // Interrupts cycles in progress (their network waits and retries end at once; every write
    // is idempotent), closes every connector on its thread and ends the threads. Returns within
    // about `grace` plus a second whatever a worker is doing.
    void stop(std::chrono::milliseconds grace = std::chrono::seconds(2));

    // Safe from any thread.
    SyncSystemStatus status(const QString &system) const;
    QList<SyncSystemStatus> snapshot() const;

signals:
    void stateChanged(const QString &system, Ledgerdesk::Core::SyncState state);
    void cycleFinished(const Ledgerdesk::Core::SyncCycleReport &report);

    // Requests to the workers, delivered on their threads.
    void syncRequested(const QString &system, QPrivateSignal);
    void pauseRequested(const QString &system, QPrivateSignal);
    void resumeRequested(const QString &system, QPrivateSignal);
    void stopRequested(QPrivateSignal);

private:
    struct Worker
    {
        QString system;
        std::unique_ptr<QThread> thread;
    };

    std::shared_ptr<SyncStatusBoard> m_board;
    std::vector<Worker> m_workers;
};

} // namespace Ledgerdesk::Core
