#include "demolauncher.h"

#include "consolesession.h"

#include <core/demo/demoseeder.h>
#include <core/store/store.h>
#include <core/sync/ownershipmap.h>
#include <core/sync/synccontroller.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace Ledgerdesk::Console {

Q_LOGGING_CATEGORY(lcDemoLauncher, "ledgerdesk.console.demo")

namespace {

const QString kExecutable = QStringLiteral("ledgerdesk-sandbox");

} // namespace

DemoLauncher::DemoLauncher(Core::Store &store, ConsoleSession &session, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_session(session)
    , m_sandboxPath(findSandbox())
{
    m_startTimeout.setSingleShot(true);
    m_startTimeout.setInterval(kStartTimeoutMs);
    connect(&m_startTimeout, &QTimer::timeout, this, [this] {
        fail(tr("The demo sandbox gave no address within %1 s.").arg(kStartTimeoutMs / 1000));
    });
    connect(session.controller(),
            &Core::SyncController::cycleFinished,
            this,
            &DemoLauncher::cycleFinished);
}

DemoLauncher::~DemoLauncher()
{
    stop();
}

QString DemoLauncher::findSandbox()
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {here.filePath(kExecutable), here.filePath(QStringLiteral("../sandbox/") + kExecutable)}) {
        if (QFileInfo(candidate).isExecutable()) {
            return QFileInfo(candidate).canonicalFilePath();
        }
    }
    return QStandardPaths::findExecutable(kExecutable);
}

QString DemoLauncher::connectionFile() const
{
    return m_folder.isEmpty() ? QString()
                              : QDir(m_folder).filePath(QStringLiteral("connection.json"));
}

void DemoLauncher::start()
{
    if (m_phase == Phase::Starting || m_phase == Phase::Connecting || m_phase == Phase::Running) {
        return;
    }
    stop();
    m_clock.start();
    m_firstSyncMs = -1;
    m_output.clear();
    m_url.clear();
    m_sandboxReady = false;
    m_seeded = false;
    setPhase(Phase::Starting, tr("Starting demo…"));
    if (m_sandboxPath.isEmpty() || !QFileInfo(m_sandboxPath).isExecutable()) {
        fail(tr("The demo needs %1, which was found neither next to the console nor on the "
                "PATH.")
                 .arg(kExecutable));
        return;
    }
    if (m_dataDir.isEmpty()) {
        m_scratch = std::make_unique<QTemporaryDir>();
        if (!m_scratch->isValid()) {
            fail(tr("No temporary folder for the demo: %1").arg(m_scratch->errorString()));
            return;
        }
        m_folder = m_scratch->path();
    } else {
        m_folder = m_dataDir;
        QDir().mkpath(m_folder);
    }
    const QString faults = QDir(m_folder).filePath(QStringLiteral("faults.json"));
    if (QString error; !writeFaults(faults, &error)) {
        fail(error);
        return;
    }

    m_process = new QProcess(this);
#ifdef Q_OS_LINUX
    // Should the console die without stopping the demo, the sandbox goes with it.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process, &QProcess::readyRead, this, &DemoLauncher::readOutput);
    connect(m_process, &QProcess::finished, this, &DemoLauncher::sandboxFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            fail(tr("The demo sandbox could not be started: %1").arg(m_process->errorString()));
        }
    });
    m_process->start(m_sandboxPath,
                     {QStringLiteral("--port"),
                      QStringLiteral("0"),
                      QStringLiteral("--data-dir"),
                      m_folder,
                      QStringLiteral("--connection-file"),
                      connectionFile(),
                      QStringLiteral("--faults"),
                      faults,
                      QStringLiteral("--speed"),
                      QString::number(kBusinessSpeed)});
    m_startTimeout.start();

    // The ledger is seeded meanwhile, on a thread of its own, with the sandbox's catalogue.
    QPointer<DemoLauncher> self(this);
    m_seeding = QThread::create([self, &store = m_store] {
        QString error;
        Core::DemoSeedOptions options;
        options.committedToOpenOrders = false; // the sandbox's shop has no such orders
        // The sandbox's systems start from the same figures: that is their first agreement.
        options.agreedWith
            = {QStringLiteral("shopify"), QStringLiteral("erp"), QStringLiteral("wms")};
        if (const auto seeded = Core::seedDemoLedger(store, Core::DemoCatalog::generate(), options);
            !seeded) {
            error = seeded.error().message;
        } else if (const Core::Status owned
                   = Core::OwnershipMap(store).setOwner(QStringLiteral("on_hand"),
                                                        QStringLiteral("shopify"),
                                                        QStringLiteral("demo"));
                   !owned) {
            // Shopify is the record for stock in the demo, so its figures are taken as they come.
            error = owned.error().message;
        }
        store.closeThreadConnection();
        QMetaObject::invokeMethod(
            self,
            [self, error] {
                if (self) {
                    self->seedFinished(error);
                }
            },
            Qt::QueuedConnection);
    });
    m_seeding->setObjectName(QStringLiteral("demo-seed"));
    m_seeding->start();
}

bool DemoLauncher::writeFaults(const QString &path, QString *error) const
{
    // A fast plan so the first full pull takes seconds; no injected failures.
    const QJsonObject faults{
        {QStringLiteral("shopify"),
         QJsonObject{{QStringLiteral("throttle"),
                      QJsonObject{{QStringLiteral("plan"), QStringLiteral("enterprise")},
                                  {QStringLiteral("maximumAvailable"), 20000},
                                  {QStringLiteral("restoreRate"), 20000}}}}}};
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(QJsonDocument(faults).toJson()) < 0) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void DemoLauncher::readOutput()
{
    if (!m_process) {
        return;
    }
    m_output += QString::fromUtf8(m_process->readAll());
    if (m_sandboxReady || !m_output.contains(QStringLiteral("Ready."))) {
        return;
    }
    const auto match
        = QRegularExpression(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"))
              .match(m_output);
    if (!match.hasMatch()) {
        return;
    }
    m_url = match.captured(1);
    m_sandboxReady = true;
    m_startTimeout.stop();
    qCInfo(lcDemoLauncher) << "sandbox ready at" << m_url << "after" << m_clock.elapsed() << "ms";
    connectWhenReady();
}

void DemoLauncher::seedFinished(const QString &error)
{
    if (m_seeding) {
        m_seeding->wait();
        delete m_seeding;
        m_seeding = nullptr;
    }
    if (m_phase != Phase::Starting) {
        return;
    }
    if (!error.isEmpty()) {
        fail(tr("The demo ledger could not be created: %1").arg(error));
        return;
    }
    m_seeded = true;
    qCInfo(lcDemoLauncher) << "demo ledger seeded after" << m_clock.elapsed() << "ms";
    connectWhenReady();
}

void DemoLauncher::connectWhenReady()
{
    if (!m_sandboxReady || !m_seeded || m_phase != Phase::Starting) {
        return;
    }
    setPhase(Phase::Connecting, tr("Demo: connecting…"));
    auto connection = ConsoleSession::readConnectionFile(connectionFile());
    if (!connection) {
        fail(connection.error().message);
        return;
    }
    m_session.setPollInterval(kPollInterval);
    m_session.setConnectOrder(QStringLiteral("shopify"));
    if (const Core::Status connected = m_session.connectTo(connection.value()); !connected) {
        fail(tr("The demo could not connect: %1").arg(connected.error().message));
        return;
    }
    setPhase(Phase::Running, tr("Demo: first sync…"));
}

void DemoLauncher::cycleFinished(const Core::SyncCycleReport &report)
{
    if (m_phase != Phase::Running || m_firstSyncMs >= 0 || !report.error.isEmpty()
        || report.system != QLatin1String("shopify")) {
        return;
    }
    m_firstSyncMs = m_clock.elapsed();
    qCInfo(lcDemoLauncher) << "first Shopify sync finished" << m_firstSyncMs << "ms after start";
    setPhase(Phase::Running, tr("Live demo running (sandbox at %1)").arg(m_url));
    emit firstSyncFinished(m_firstSyncMs);
}

void DemoLauncher::sandboxFinished(int exitCode)
{
    if (m_phase == Phase::Stopped || m_phase == Phase::Failed) {
        return;
    }
    const QString last = m_output.trimmed().split(u'\n').constLast();
    fail(tr("The demo sandbox exited (status %1): %2").arg(exitCode).arg(last));
}

void DemoLauncher::setPhase(Phase phase, const QString &text)
{
    m_phase = phase;
    m_text = text;
    emit stateChanged(phase == Phase::Running, text);
}

void DemoLauncher::fail(const QString &message)
{
    qCWarning(lcDemoLauncher) << message;
    m_startTimeout.stop();
    m_session.disconnectAll(kStopTimeout);
    stopSandbox();
    setPhase(Phase::Failed, message);
    emit failed(message);
}

void DemoLauncher::stop()
{
    m_startTimeout.stop();
    if (m_seeding) {
        m_seeding->wait();
        delete m_seeding;
        m_seeding = nullptr;
    }
    const bool wasActive = m_phase != Phase::Stopped && m_phase != Phase::Failed;
    if (wasActive) {
        m_session.disconnectAll(kStopTimeout);
    }
    stopSandbox();
    m_scratch.reset();
    if (wasActive) {
        setPhase(Phase::Stopped, tr("Demo stopped"));
    }
}

void DemoLauncher::stopSandbox()
{
    if (!m_process) {
        return;
    }
    QProcess *process = m_process;
    m_process = nullptr; // its finished signal no longer counts as a failure
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->terminate(); // SIGTERM: the sandbox saves its state and exits
        if (!process->waitForFinished(kStopTimeoutMs)) {
            process->kill();
            process->waitForFinished(1000);
        }
    }
    process->deleteLater(); // possibly inside one of its own signals
}

} // namespace Ledgerdesk::Console
