#include "crashcheck.h"

#include <core/store/store.h>

#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>
#include <iostream>
#include <random>

using namespace Ledgerdesk;
using namespace Ledgerdesk::Testing;

namespace {

qint64 setting(const char *name, qint64 fallback)
{
    bool ok = false;
    const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
    return ok && value > 0 ? value : fallback;
}

// Starts the child, lets it post for `runMs` after it is ready (or kills it while it is still
// starting), SIGKILLs it and returns everything it wrote.
QByteArray
runAndKill(const QString &ledger, qint64 first, quint64 seed, bool duringStartup, int runMs)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(LEDGERDESK_CRASH_CHILD),
                {ledger, QString::number(first), QString::number(seed)});
    if (!child.waitForStarted(10000)) {
        ADD_FAILURE() << "crash child did not start: " << child.errorString().toStdString();
        return {};
    }
    QByteArray output;
    if (!duringStartup) {
        QElapsedTimer waited;
        waited.start();
        while (!output.contains("READY\n") && waited.elapsed() < 10000
               && child.state() == QProcess::Running) {
            child.waitForReadyRead(100);
            output += child.readAllStandardOutput();
        }
        EXPECT_TRUE(output.contains("READY\n"))
            << "child never got ready: " << output.toStdString();
    }
    QThread::msleep(static_cast<unsigned long>(runMs));
    ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
    child.waitForFinished(10000);
    output += child.readAllStandardOutput();
    EXPECT_EQ(child.exitStatus(), QProcess::CrashExit)
        << "the child ended by itself: " << output.right(400).toStdString();
    return output;
}

} // namespace

// R1: a process posting to the ledger is killed at random moments; after every reopen no
// acknowledged posting is lost, none is doubled, and the ledger verifies.
TEST(CrashLoop, sigkillAtRandomMomentsLosesNothingAndDoublesNothing)
{
    // Every reopen would log a line; the loop reopens hundreds of times.
    QLoggingCategory::setFilterRules(
        QStringLiteral("ledgerdesk.*.debug=false\nledgerdesk.*.info=false"));
    const qint64 cycles = setting("LEDGERDESK_CRASH_CYCLES", 250);
    const auto seed = static_cast<quint64>(setting("LEDGERDESK_CRASH_SEED", 20261123));
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString ledger = dir.filePath(QStringLiteral("crash.db"));
    CrashLedgerState state;
    {
        Core::Store store(Core::StoreConfig::sqlite(ledger));
        ASSERT_TRUE(store.open().ok());
        const auto world = seedCrashWorld(store);
        ASSERT_TRUE(world.ok()) << world.error().message.toStdString();
        state = initialCrashState(world.value());
    }

    std::mt19937_64 random(seed);
    qint64 next = 0;
    qint64 acks = 0;
    qint64 duplicates = 0;
    qint64 startupKills = 0;
    QStringList findings;
    QElapsedTimer wall;
    wall.start();
    for (qint64 cycle = 0; cycle < cycles && findings.isEmpty(); ++cycle) {
        // One cycle in ten kills the child while it opens the ledger (WAL recovery included).
        const bool duringStartup = random() % 10 == 0;
        const int runMs
            = duringStartup ? static_cast<int>(random() % 10) : 2 + static_cast<int>(random() % 39);
        const QByteArray output = runAndKill(ledger, next, random(), duringStartup, runMs);
        const ChildReport child = readChildReport(output, state.world, next);
        startupKills += duringStartup ? 1 : 0;
        acks += child.newAcks.size() + child.dupAcks.size();
        duplicates += child.dupAcks.size();
        next = child.nextNumber;
        for (const QString &finding : checkCrashedLedger(ledger, state, child)) {
            findings << QStringLiteral("cycle %1: %2").arg(cycle).arg(finding);
        }
    }
    std::cout << "[ crash    ] " << cycles << " cycles (" << startupKills
              << " killed while opening), " << acks << " acknowledged commits (" << duplicates
              << " retries acknowledged as duplicates), " << state.committed.size()
              << " postings stored, " << state.inFlightCommitted
              << " committed in flight before the ack, " << findings.size() << " findings, "
              << wall.elapsed() << " ms, seed " << seed << std::endl;
    EXPECT_TRUE(findings.isEmpty()) << findings.join(u'\n').toStdString();
    EXPECT_GT(acks, cycles) << "the children hardly posted anything; the loop proves little";
}
