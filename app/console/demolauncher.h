#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>

class QProcess;
class QTemporaryDir;
class QThread;

namespace Ledgerdesk::Core {
class Store;
struct SyncCycleReport;
} // namespace Ledgerdesk::Core

namespace Ledgerdesk::Console {

class ConsoleSession;

// The live demo: starts the real ledgerdesk-sandbox (a shop with orders arriving, an ERP and a
// warehouse drop folder) on a free port with a generous Shopify plan, seeds the ledger with the
// same demo catalogue, and connects the session to it. Nothing blocks: progress and failures
// arrive as stateChanged(); the sandbox is stopped with the demo.
class DemoLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoLauncher)

public:
    static constexpr int kStartTimeoutMs = 10'000;
    static constexpr int kStopTimeoutMs = 5'000;
    // A cycle still running when the demo stops is interrupted after this; the demo's data is
    // thrown away anyway.
    static constexpr std::chrono::milliseconds kStopTimeout{2000};
    static constexpr double kBusinessSpeed = 20.0; // orders every few seconds
    static constexpr std::chrono::milliseconds kPollInterval{2000};

    enum class Phase { Stopped, Starting, Connecting, Running, Failed };
    Q_ENUM(Phase)

    DemoLauncher(Core::Store &store, ConsoleSession &session, QObject *parent = nullptr);
    ~DemoLauncher() override;

    // Next to the console, then ../sandbox/ in a build tree, then on PATH; empty if nowhere.
    static QString findSandbox();

    void setSandboxPath(const QString &path) { m_sandboxPath = path; }

    // Where the sandbox keeps its state; a temporary folder unless set.
    void setDataDir(const QString &path) { m_dataDir = path; }

    void start();
    // Disconnects, stops the sandbox (SIGTERM, then waits) and forgets the temporary folder.
    void stop();

    Phase phase() const { return m_phase; }

    bool isRunning() const { return m_phase == Phase::Running; }

    QString statusText() const { return m_text; }

    QString sandboxUrl() const { return m_url; }

    QString connectionFile() const;

    // From start() to the first successful Shopify cycle; -1 until then.
    qint64 firstSyncMs() const { return m_firstSyncMs; }

signals:
    void stateChanged(bool running, const QString &text);
    void failed(const QString &message);
    void firstSyncFinished(qint64 elapsedMs);

private:
    void setPhase(Phase phase, const QString &text);
    void fail(const QString &message);
    void readOutput();
    void sandboxFinished(int exitCode);
    void seedFinished(const QString &error);
    void connectWhenReady();
    void cycleFinished(const Core::SyncCycleReport &report);
    bool writeFaults(const QString &path, QString *error) const;
    void stopSandbox();

    Core::Store &m_store;
    ConsoleSession &m_session;
    QString m_sandboxPath;
    QString m_dataDir;
    std::unique_ptr<QTemporaryDir> m_scratch;
    QString m_folder; // the data folder in use
    QProcess *m_process = nullptr;
    QThread *m_seeding = nullptr;
    QTimer m_startTimeout;
    QElapsedTimer m_clock;
    QString m_output;
    QString m_url;
    bool m_sandboxReady = false;
    bool m_seeded = false;
    Phase m_phase = Phase::Stopped;
    QString m_text;
    qint64 m_firstSyncMs = -1;
};

} // namespace Ledgerdesk::Console
