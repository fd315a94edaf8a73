#include <core/store/ledgerwatcher.h>
#include <tests/support/tempstore.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <chrono>

using namespace Ledgerdesk;

namespace {

constexpr std::chrono::milliseconds kFast{50};

} // namespace

TEST(LedgerWatcher, staysQuietWhileNobodyWrites)
{
    Testing::TempStore t;
    t.seedBasics();
    Core::LedgerWatcher watcher(t.store(), kFast);
    QSignalSpy changed(&watcher, &Core::LedgerWatcher::changed);
    watcher.start();
    // Reads on the watcher's own connection are not changes.
    ASSERT_TRUE(
        t.ledger()
            .balance(t.variant(QStringLiteral("FJ-NAVY-M")), t.location(QStringLiteral("WH-EAST")))
            .ok());
    QTest::qWait(400);
    EXPECT_EQ(changed.count(), 0);
}

TEST(LedgerWatcher, hearsAWriteFromAnotherThread)
{
    Testing::TempStore t;
    t.seedBasics();
    const Core::VariantId variant = t.variant(QStringLiteral("FJ-NAVY-M"));
    const Core::LocationId location = t.location(QStringLiteral("WH-EAST"));
    Core::LedgerWatcher watcher(t.store(), kFast);
    QSignalSpy changed(&watcher, &Core::LedgerWatcher::changed);
    watcher.start();
    QTest::qWait(150);
    ASSERT_EQ(changed.count(), 0);

    // A sync thread writes through its own connection.
    bool posted = false;
    std::unique_ptr<QThread> writer(QThread::create([&] {
        posted = t.ledger()
                     .post(Testing::adjustment(QStringLiteral("watch-1"), variant, location, 3))
                     .ok();
        t.store().closeThreadConnection();
    }));
    QElapsedTimer clock;
    clock.start();
    writer->start();
    ASSERT_TRUE(changed.wait(2000));
    writer->wait();
    EXPECT_TRUE(posted);
    EXPECT_LT(clock.elapsed(), 1000);
    // One write, one signal: it does not keep firing afterwards.
    QTest::qWait(300);
    EXPECT_EQ(changed.count(), 1);
}

TEST(LedgerWatcher, hearsAnotherProcessLikeConnection)
{
    Testing::TempStore t;
    t.seedBasics();
    Core::LedgerWatcher watcher(t.store(), kFast);
    QSignalSpy changed(&watcher, &Core::LedgerWatcher::changed);
    watcher.start();
    // A second Store on the same file, as the CLI in another process would open it.
    Core::Store other(t.store().config());
    ASSERT_TRUE(other.open().ok());
    Core::Ledger ledger(other);
    const auto posted = ledger.post(Testing::adjustment(QStringLiteral("watch-2"),
                                                        t.variant(QStringLiteral("FJ-NAVY-M")),
                                                        t.location(QStringLiteral("WH-EAST")),
                                                        1));
    ASSERT_TRUE(posted.ok()) << posted.error().message.toStdString();
    EXPECT_TRUE(changed.wait(2000));
    other.closeThreadConnection();
}
