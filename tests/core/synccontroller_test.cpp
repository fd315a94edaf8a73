#include <core/net/interruptiblewait.h>
#include <core/store/sql.h>
#include <core/sync/connector.h>
#include <core/sync/inbox.h>
#include <core/sync/synccontroller.h>
#include <tests/support/tempstore.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QMutex>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>

using namespace Ledgerdesk::Core;
using namespace std::chrono_literals;
using Ledgerdesk::Testing::TempStore;

namespace {

constexpr int kWaitMs = 10000;

// What a test connector saw, shared with the test because the connector dies on its thread.
struct Probe
{
    std::atomic<int> opens{0};
    std::atomic<int> cycles{0};
    std::atomic<int> closes{0};
    std::atomic<bool> inCycle{false};
    std::atomic<bool> overlapped{false};
    std::atomic<int> cycleMs{0};
    std::atomic<int> openMs{0};
    std::atomic<bool> nestedLoop{false}; // waits like a network call: in a local event loop
    std::atomic<bool> failCycles{false};
    std::atomic<bool> failOpen{false};

    QMutex mutex;
    QList<QThread *> threads; // every thread open() and runCycle() ran on
    QThread *closeThread = nullptr;
    QString connectionName;

    void sawThread()
    {
        QMutexLocker lock(&mutex);
        if (!threads.contains(QThread::currentThread())) {
            threads << QThread::currentThread();
        }
    }
};

class ProbeConnector final : public Connector
{
public:
    ProbeConnector(Store &store, QString system, std::shared_ptr<Probe> probe)
        : Connector(store)
        , m_system(std::move(system))
        , m_probe(std::move(probe))
    {}

    QString system() const override { return m_system; }

    Status open() override
    {
        m_probe->sawThread();
        ++m_probe->opens;
        wait(m_probe->openMs);
        if (m_probe->failOpen) {
            return makeError(ErrorCode::Network, QStringLiteral("connection refused"));
        }
        QSqlDatabase db = store().connection();
        if (!db.isOpen()) {
            return makeError(ErrorCode::Storage, QStringLiteral("no connection"));
        }
        QMutexLocker lock(&m_probe->mutex);
        m_probe->connectionName = db.connectionName();
        return success();
    }

    SyncCycleReport runCycle() override
    {
        m_probe->sawThread();
        if (m_probe->inCycle.exchange(true)) {
            m_probe->overlapped = true;
        }
        SyncCycleReport report;
        // Writes through this thread's own connection while the test reads on the main thread.
        const int n = m_probe->cycles.load();
        const InboxEvent event{m_system,
                               QStringLiteral("%1-%2").arg(m_system).arg(n),
                               QStringLiteral("probe"),
                               QString(),
                               1000 + n,
                               "{}"};
        const auto received = Inbox::receive(store().connection(), event, nowUtcMillis());
        if (!received) {
            report.error = received.error().message;
        }
        wait(m_probe->cycleMs);
        if (m_probe->failCycles) {
            report.error = QStringLiteral("boom");
        } else {
            report.pulled = 1;
        }
        ++m_probe->cycles;
        m_probe->inCycle = false;
        return report;
    }

    void close() override
    {
        {
            QMutexLocker lock(&m_probe->mutex);
            m_probe->closeThread = QThread::currentThread();
        }
        ++m_probe->closes;
        Connector::close();
    }

private:
    void wait(int ms)
    {
        QElapsedTimer elapsed;
        elapsed.start();
        while (elapsed.elapsed() < ms && !QThread::currentThread()->isInterruptionRequested()) {
            if (m_probe->nestedLoop) {
                QEventLoop loop;
                QTimer::singleShot(5, &loop, &QEventLoop::quit);
                loop.exec();
            } else {
                QThread::msleep(5);
            }
        }
    }

    QString m_system;
    std::shared_ptr<Probe> m_probe;
};

std::unique_ptr<Connector>
probeConnector(TempStore &t, const QString &system, const std::shared_ptr<Probe> &probe)
{
    return std::make_unique<ProbeConnector>(t.store(), system, probe);
}

// Asks a server that accepts and never answers, the way a dead system behind a live proxy does.
class SilentServerConnector final : public Connector
{
public:
    SilentServerConnector(Store &store, QUrl url, std::atomic<int> *end, std::atomic<bool> *asking)
        : Connector(store)
        , m_url(std::move(url))
        , m_end(end)
        , m_asking(asking)
    {}

    QString system() const override { return QStringLiteral("erp"); }

    Status open() override { return success(); }

    SyncCycleReport runCycle() override
    {
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(m_url));
        *m_asking = true;
        const WaitEnd end = waitForReply(reply, 60'000);
        *m_end = int(end);
        reply->abort();
        delete reply;
        SyncCycleReport report;
        report.error = end == WaitEnd::Finished ? QString() : QStringLiteral("no answer");
        return report;
    }

private:
    QUrl m_url;
    std::atomic<int> *m_end;
    std::atomic<bool> *m_asking;
};

bool waitForState(const SyncController &controller, const QString &system, SyncState state)
{
    return QTest::qWaitFor([&] { return controller.status(system).state == state; }, kWaitMs);
}

} // namespace

TEST(SyncController, opensAndCyclesOnOneWorkerThread_andClosesThere)
{
    TempStore t;
    auto probe = std::make_shared<Probe>();
    SyncController controller;
    ASSERT_TRUE(
        controller.addConnector(probeConnector(t, QStringLiteral("erp"), probe), 20ms).ok());
    ASSERT_TRUE(QTest::qWaitFor([&] { return probe->cycles >= 3; }, kWaitMs));
    controller.stop();

    EXPECT_EQ(probe->opens, 1);
    EXPECT_EQ(probe->closes, 1);
    QMutexLocker lock(&probe->mutex);
    ASSERT_EQ(probe->threads.size(), 1);
    EXPECT_NE(probe->threads.first(), QThread::currentThread());
    EXPECT_EQ(probe->closeThread, probe->threads.first());
    EXPECT_EQ(controller.status(QStringLiteral("erp")).state, SyncState::Stopped);
    EXPECT_GE(controller.status(QStringLiteral("erp")).cycles, 3);
    EXPECT_EQ(controller.status(QStringLiteral("erp")).pollIntervalMs, 20);
}

TEST(SyncController, aConnectorsOwnConnectionWritesWhileTheMainThreadReads)
{
    TempStore t;
    auto probe = std::make_shared<Probe>();
    SyncController controller;
    ASSERT_TRUE(controller.addConnector(probeConnector(t, QStringLiteral("erp"), probe), 5ms).ok());
    qint64 seen = 0;
    const bool enough = QTest::qWaitFor(
        [&] {
            auto count = runQuery(t.store().connection(),
                                  QStringLiteral("SELECT COUNT(*) FROM inbox WHERE system = ?"),
                                  {QStringLiteral("erp")});
            if (count && count.value().next()) {
                seen = count.value().value(0).toLongLong();
            }
            return seen >= 5;
        },
        kWaitMs);
    controller.stop();
    EXPECT_TRUE(enough) << "main thread saw " << seen << " rows";
    EXPECT_TRUE(controller.status(QStringLiteral("erp")).error.isEmpty())
        << controller.status(QStringLiteral("erp")).error.toStdString();
    QMutexLocker lock(&probe->mutex);
    EXPECT_FALSE(probe->connectionName.isEmpty());
    EXPECT_NE(probe->connectionName, t.store().connection().connectionName());
}

TEST(SyncController, pauseStopsCycles_andResumeRestartsThem)
{
    TempStore t;
    auto probe = std::make_shared<Probe>();
    SyncController controller;
    QSignalSpy states(&controller, &SyncController::stateChanged);
    ASSERT_TRUE(
        controller.addConnector(probeConnector(t, QStringLiteral("wms"), probe), 10ms).ok());
    ASSERT_TRUE(QTest::qWaitFor([&] { return probe->cycles >= 2; }, kWaitMs));

    controller.pause(QStringLiteral("wms"));
    ASSERT_TRUE(waitForState(controller, QStringLiteral("wms"), SyncState::Paused));
    const int atPause = probe->cycles;
    // At a 10 ms interval an unpaused worker would run about 20 cycles here.
    QTest::qWait(200);
    EXPECT_EQ(probe->cycles, atPause);
    controller.syncNow(QStringLiteral("wms"));
    QTest::qWait(50);
    EXPECT_EQ(probe->cycles, atPause) << "a paused system ignores syncNow";

    controller.resume(QStringLiteral("wms"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return probe->cycles >= atPause + 2; }, kWaitMs));
    EXPECT_NE(controller.status(QStringLiteral("wms")).state, SyncState::Paused);
    controller.stop();

    // The queued stateChanged signals reached this thread, in order, ending with "stopped".
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return !states.isEmpty()
                   && states.last().at(1).value<SyncState>() == SyncState::Stopped;
        },
        kWaitMs));
    EXPECT_EQ(states.first().at(0).toString(), QStringLiteral("wms"));
    EXPECT_EQ(states.first().at(1).value<SyncState>(), SyncState::Starting);
    bool sawPaused = false;
    for (const QList<QVariant> &signal : std::as_const(states)) {
        sawPaused = sawPaused || signal.at(1).value<SyncState>() == SyncState::Paused;
    }
    EXPECT_TRUE(sawPaused);
}

TEST(SyncController, syncNowRunsACyclePromptly)
{
    TempStore t;
    auto probe = std::make_shared<Probe>();
    SyncController controller;
    QSignalSpy finished(&controller, &SyncController::cycleFinished);
    // Zero interval: cycles run only on request.
    ASSERT_TRUE(controller.addConnector(probeConnector(t, QStringLiteral("erp"), probe), 0ms).ok());
    ASSERT_TRUE(waitForState(controller, QStringLiteral("erp"), SyncState::Idle));
    EXPECT_EQ(probe->cycles, 0);

    QElapsedTimer elapsed;
    elapsed.start();
    controller.syncNow(QStringLiteral("erp"));
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_LT(elapsed.elapsed(), 2000);
    EXPECT_EQ(probe->cycles, 1);
    const auto report = finished.first().first().value<SyncCycleReport>();
    EXPECT_EQ(report.system, QStringLiteral("erp"));
    EXPECT_EQ(report.pulled, 1);
    EXPECT_TRUE(report.error.isEmpty());
    EXPECT_GE(report.finishedAt, report.startedAt);
    EXPECT_GT(report.startedAt, 0);
    const auto status = controller.status(QStringLiteral("erp"));
    ASSERT_TRUE(status.lastReport.has_value());
    EXPECT_EQ(status.lastReport->pulled, 1);

    // A request for another system does not touch this one.
    controller.syncNow(QStringLiteral("shopify"));
    QTest::qWait(100);
    EXPECT_EQ(probe->cycles, 1);
}

TEST(SyncController, aCycleNeverOverlapsItself_evenWhenItWaitsInALocalEventLoop)
{
    TempStore t;
    auto probe = std::make_shared<Probe>();
    probe->cycleMs = 300;
    probe->nestedLoop = true;
    SyncController controller;
    ASSERT_TRUE(controller.addConnector(probeConnector(t, QStringLiteral("erp"), probe), 0ms).ok());
    ASSERT_TRUE(waitForState(controller, QStringLiteral("erp"), SyncState::Idle));
    controller.syncNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return probe->inCycle.load(); }, kWaitMs));
    // These arrive while the cycle waits in its local event loop; they collapse into one more.
    for (int i = 0; i < 10; ++i) {
        controller.syncNow();
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return probe->cycles >= 2; }, kWaitMs));
    ASSERT_TRUE(waitForState(controller, QStringLiteral("erp"), SyncState::Idle));
    controller.stop();
    EXPECT_FALSE(probe->overlapped);
    EXPECT_EQ(probe->cycles, 2);
}

TEST(SyncController, aRequestWhileOpeningWaitsForOpenToFinish)
{
    TempStore t;
    auto probe = std::make_shared<Probe>();
    probe->openMs = 200;
    probe->nestedLoop = true;
    SyncController controller;
    QSignalSpy finished(&controller, &SyncController::cycleFinished);
    ASSERT_TRUE(controller.addConnector(probeConnector(t, QStringLiteral("erp"), probe), 0ms).ok());
    controller.syncNow();
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_EQ(probe->opens, 1) << "open() was not entered twice";
    EXPECT_EQ(probe->cycles, 1);
    EXPECT_TRUE(finished.first().first().value<SyncCycleReport>().error.isEmpty());
    controller.stop();
}

TEST(SyncController, stopWaitsForTheCycleInFlight)
{
    TempStore t;
    auto probe = std::make_shared<Probe>();
    probe->cycleMs = 300;
    SyncController controller;
    ASSERT_TRUE(controller.addConnector(probeConnector(t, QStringLiteral("erp"), probe), 0ms).ok());
    ASSERT_TRUE(waitForState(controller, QStringLiteral("erp"), SyncState::Idle));
    controller.syncNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return probe->inCycle.load(); }, kWaitMs));
    controller.stop();
    EXPECT_FALSE(probe->inCycle);
    EXPECT_EQ(probe->cycles, 1);
    EXPECT_EQ(probe->closes, 1);
    const auto status = controller.status(QStringLiteral("erp"));
    EXPECT_EQ(status.state, SyncState::Stopped);
    EXPECT_EQ(status.cycles, 1) << "the finished cycle was recorded before the thread ended";
    EXPECT_TRUE(controller.systems().isEmpty());
}

TEST(SyncController, aFailingConnectorReportsFailed_andTheOthersKeepGoing)
{
    TempStore t;
    auto bad = std::make_shared<Probe>();
    bad->failCycles = true;
    auto unreachable = std::make_shared<Probe>();
    unreachable->failOpen = true;
    auto good = std::make_shared<Probe>();
    SyncController controller;
    QSignalSpy finished(&controller, &SyncController::cycleFinished);
    ASSERT_TRUE(controller.addConnector(probeConnector(t, QStringLiteral("erp"), bad), 10ms).ok());
    ASSERT_TRUE(
        controller.addConnector(probeConnector(t, QStringLiteral("wms"), unreachable), 10ms).ok());
    ASSERT_TRUE(
        controller.addConnector(probeConnector(t, QStringLiteral("shopify"), good), 10ms).ok());
    EXPECT_EQ(
        controller.systems(),
        (QStringList{QStringLiteral("erp"), QStringLiteral("wms"), QStringLiteral("shopify")}));

    ASSERT_TRUE(QTest::qWaitFor([&] { return good->cycles >= 5 && bad->cycles >= 2; }, kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return unreachable->opens >= 2; }, kWaitMs));
    EXPECT_TRUE(waitForState(controller, QStringLiteral("erp"), SyncState::Failed));
    EXPECT_TRUE(waitForState(controller, QStringLiteral("wms"), SyncState::Failed));
    const auto erp = controller.status(QStringLiteral("erp"));
    EXPECT_EQ(erp.error, QStringLiteral("boom"));
    const auto wms = controller.status(QStringLiteral("wms"));
    EXPECT_TRUE(wms.error.contains(QStringLiteral("connection refused")))
        << wms.error.toStdString();
    EXPECT_EQ(unreachable->cycles, 0);
    EXPECT_TRUE(controller.status(QStringLiteral("shopify")).error.isEmpty());
    EXPECT_NE(controller.status(QStringLiteral("shopify")).state, SyncState::Failed);

    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.size() >= 3; }, kWaitMs));
    bool sawBoom = false;
    for (const QList<QVariant> &signal : std::as_const(finished)) {
        const auto report = signal.first().value<SyncCycleReport>();
        sawBoom
            = sawBoom
              || (report.system == QStringLiteral("erp") && report.error == QStringLiteral("boom"));
    }
    EXPECT_TRUE(sawBoom);

    // Once it recovers, the failure clears.
    bad->failCycles = false;
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return controller.status(QStringLiteral("erp")).error.isEmpty(); }, kWaitMs));
    controller.stop();
    EXPECT_EQ(unreachable->closes, 0) << "a connector that never opened is not closed";
    EXPECT_EQ(bad->closes, 1);
    EXPECT_EQ(good->closes, 1);
}

TEST(SyncController, refusesASecondConnectorForTheSameSystem)
{
    TempStore t;
    auto probe = std::make_shared<Probe>();
    SyncController controller;
    ASSERT_TRUE(controller.addConnector(probeConnector(t, QStringLiteral("erp"), probe), 0ms).ok());
    const Status again
        = controller.addConnector(probeConnector(t, QStringLiteral("erp"), probe), 0ms);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    EXPECT_FALSE(controller.addConnector(nullptr).ok());
    EXPECT_EQ(controller.systems(), QStringList{QStringLiteral("erp")});
}

TEST(SyncController, destroyingTheControllerMidCycleInterruptsAndClosesCleanly)
{
    TempStore t;
    auto probe = std::make_shared<Probe>();
    probe->cycleMs = 60000;
    auto controller = std::make_unique<SyncController>();
    ASSERT_TRUE(
        controller->addConnector(probeConnector(t, QStringLiteral("erp"), probe), 0ms).ok());
    ASSERT_TRUE(waitForState(*controller, QStringLiteral("erp"), SyncState::Idle));
    controller->syncNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return probe->inCycle.load(); }, kWaitMs));

    QElapsedTimer elapsed;
    elapsed.start();
    controller.reset();
    EXPECT_LT(elapsed.elapsed(), 10000) << "the cycle saw the interruption request";
    EXPECT_FALSE(probe->inCycle);
    EXPECT_EQ(probe->closes, 1);
    QMutexLocker lock(&probe->mutex);
    ASSERT_EQ(probe->threads.size(), 1);
    EXPECT_EQ(probe->closeThread, probe->threads.first());
    // The main thread's connection still works after the worker's went away.
    auto count = runQuery(t.store().connection(), QStringLiteral("SELECT COUNT(*) FROM inbox"));
    ASSERT_TRUE(count.ok());
    ASSERT_TRUE(count.value().next());
    EXPECT_EQ(count.value().value(0).toLongLong(), 1);
}

TEST(SyncController, stoppingWhileASystemNeverAnswersReturnsWithinTheGrace)
{
    TempStore t;
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    std::atomic<int> end{-1};
    std::atomic<bool> asking{false};
    SyncController controller;
    ASSERT_TRUE(
        controller
            .addConnector(std::make_unique<SilentServerConnector>(
                              t.store(),
                              QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort())),
                              &end,
                              &asking),
                          0ms)
            .ok());
    ASSERT_TRUE(waitForState(controller, QStringLiteral("erp"), SyncState::Idle));
    controller.syncNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return asking.load(); }, kWaitMs));
    QTest::qWait(100); // the request is on the wire and waiting

    QElapsedTimer elapsed;
    elapsed.start();
    controller.stop(2s);
    // The request's own timeout is a minute; stopping does not wait for it.
    EXPECT_LT(elapsed.elapsed(), 4000);
    EXPECT_EQ(end.load(), int(WaitEnd::Interrupted));
    EXPECT_TRUE(controller.systems().isEmpty());
}
