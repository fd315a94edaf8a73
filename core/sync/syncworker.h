#pragma once

#include <core/sync/syncstatus.h>

#include <QObject>

#include <memory>

class QTimer;

namespace Ledgerdesk::Core {

class Connector;

// Runs one connector on the thread it was moved to. Requests arrive as queued signals from the
// SyncController (an empty system name means every system); results leave as signals.
class SyncWorker final : public QObject
{
    Q_OBJECT

public:
    SyncWorker(std::unique_ptr<Connector> connector,
               qint64 pollIntervalMs,
               std::shared_ptr<SyncStatusBoard> board);
    ~SyncWorker() override;
    Q_DISABLE_COPY_MOVE(SyncWorker)

    QString system() const { return m_system; }

    // Connected to QThread::started: per-thread resources are made here.
    void start();
    // Connected directly to QThread::finished, so close() runs on this thread before it ends.
    void finish();

    void syncNow(const QString &system);
    void pause(const QString &system);
    void resume(const QString &system);
    // Ends the thread once the cycle in progress, if any, is over.
    void stopGracefully();

signals:
    void stateChanged(const QString &system, Ledgerdesk::Core::SyncState state);
    void cycleFinished(const Ledgerdesk::Core::SyncCycleReport &report);

private:
    bool addressed(const QString &system) const;
    void runCycle();
    SyncCycleReport cycle();
    void setState(SyncState state, const QString &error = QString());
    void scheduleNext();

    Connector *m_connector; // a child of this worker, so it moves and dies with it
    QString m_system;
    qint64 m_intervalMs;
    std::shared_ptr<SyncStatusBoard> m_board;
    QTimer *m_timer;
    bool m_opened = false;
    bool m_running = false;
    bool m_again = false;
    bool m_paused = false;
    bool m_stopping = false;
};

} // namespace Ledgerdesk::Core
