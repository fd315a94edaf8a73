#include "crashcheck.h"

#include <core/ledger/ledger.h>
#include <core/store/store.h>

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace Ledgerdesk;
using namespace Ledgerdesk::Testing;

namespace {

// The checker must see what the crash loop exists to catch; each case plants one fault.
class CrashCheck : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_store = std::make_unique<Core::Store>(Core::StoreConfig::sqlite(path()));
        ASSERT_TRUE(m_store->open().ok());
        const auto world = seedCrashWorld(*m_store);
        ASSERT_TRUE(world.ok()) << world.error().message.toStdString();
        m_state = initialCrashState(world.value());
    }

    QString path() const { return m_dir.filePath(QStringLiteral("crash.db")); }

    void post(const QList<qint64> &numbers)
    {
        QList<Core::PostingRequest> requests;
        for (const qint64 n : numbers) {
            requests << crashRequest(m_state.world, n);
        }
        const auto posted = Core::Ledger(*m_store).postBatch(requests);
        ASSERT_TRUE(posted.ok()) << posted.error().message.toStdString();
    }

    QString check(const ChildReport &child)
    {
        return checkCrashedLedger(path(), m_state, child).join(u'\n');
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Core::Store> m_store;
    CrashLedgerState m_state;
};

} // namespace

TEST_F(CrashCheck, acceptsAcknowledgedPostingsAndTheAttemptInFlight)
{
    post({0, 1});
    post({2, 3});
    ChildReport child;
    child.newAcks = {0, 1};
    child.lastTry = {2, 3};
    EXPECT_EQ(check(child), QString());
    EXPECT_EQ(m_state.inFlightCommitted, 2);
    EXPECT_EQ(m_state.committed.size(), 4);

    ChildReport retry; // a later child retries 1 and is told it is a duplicate
    retry.dupAcks = {1};
    retry.lastTry = {1};
    EXPECT_EQ(check(retry), QString());
}

TEST_F(CrashCheck, findsAnAcknowledgedPostingThatIsMissing)
{
    post({0});
    ChildReport child;
    child.newAcks = {0, 1};
    EXPECT_TRUE(check(child).contains(QStringLiteral("R1 was acknowledged but is lost")));
}

TEST_F(CrashCheck, findsAPostingNobodyAttempted)
{
    post({0, 5});
    ChildReport child;
    child.newAcks = {0};
    child.lastTry = {1};
    EXPECT_TRUE(check(child).contains(QStringLiteral("R5 is stored but was never acknowledged")));
}

TEST_F(CrashCheck, findsAHalfCommittedAttempt)
{
    post({0});
    ChildReport child;
    child.lastTry = {0, 1};
    EXPECT_TRUE(check(child).contains(QStringLiteral("half committed")));
}

TEST_F(CrashCheck, findsDoubleAcknowledgementsAndDuplicatesOfNothing)
{
    post({0});
    ChildReport first;
    first.newAcks = {0};
    EXPECT_EQ(check(first), QString());
    ChildReport second;
    second.newAcks = {0};
    second.dupAcks = {7};
    const QString findings = check(second);
    EXPECT_TRUE(findings.contains(QStringLiteral("R0 acknowledged as new twice")))
        << findings.toStdString();
    EXPECT_TRUE(findings.contains(QStringLiteral("R7 acknowledged as a duplicate of nothing")));
}

TEST_F(CrashCheck, findsABalanceThatDisagreesWithTheAcknowledgements)
{
    post({0});
    ChildReport child;
    child.newAcks = {0};
    m_state.expected[{m_state.world.variants[0], m_state.world.locations[0]}].set(
        Core::QuantityName::Available, 1);
    EXPECT_TRUE(check(child).contains(QStringLiteral("acknowledged postings give 1")));
}

TEST_F(CrashCheck, readsAcksAndFlagsOnesThatDescribeOtherLines)
{
    const QString good = describeLines(crashRequest(m_state.world, 4));
    const QByteArray output = "READY\nTRY 3 4\nACK crash R3 new "
                              + describeLines(crashRequest(m_state.world, 3)).toUtf8()
                              + "\nACK crash R4 dup 1:1:999:0:0\nTRY 5\nACK crash R5 n";
    const ChildReport child = readChildReport(output, m_state.world, 3);
    EXPECT_TRUE(child.ready);
    EXPECT_EQ(child.newAcks, QList<qint64>{3});
    EXPECT_EQ(child.dupAcks, QList<qint64>{4});
    EXPECT_EQ(child.lastTry, QList<qint64>{5});
    EXPECT_EQ(child.nextNumber, 6);
    ASSERT_EQ(child.problems.size(), 1);
    EXPECT_TRUE(child.problems.first().contains(good));
}
