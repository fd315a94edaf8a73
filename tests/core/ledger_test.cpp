#include <core/store/sql.h>
#include <tests/support/tempstore.h>

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

class LedgerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        sku = t.variant(QStringLiteral("FJ-NAVY-M"));
        east = t.location(QStringLiteral("WH-EAST"));
        soho = t.location(QStringLiteral("STORE-SOHO"));
        ASSERT_NE(sku, 0);
        ASSERT_NE(east, 0);
    }

    TempStore t;
    VariantId sku = 0;
    LocationId east = 0;
    LocationId soho = 0;
};

TEST_F(LedgerTest, posting_updatesTheBalanceInTheSameTransaction)
{
    const auto result = t.ledger().post(adjustment(QStringLiteral("r1"), sku, east, 12));
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_FALSE(result.value().duplicate);
    EXPECT_EQ(result.value().balances.first().quantities.available(), 12);
    EXPECT_EQ(t.ledger().balance(sku, east).value().onHand(), 12);
}

TEST_F(LedgerTest, repeatedSourceAndReference_returnsTheFirstResultAndChangesNothing)
{
    const auto first = t.ledger().post(adjustment(QStringLiteral("r1"), sku, east, 5));
    const auto again = t.ledger().post(adjustment(QStringLiteral("r1"), sku, east, 5));
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again.value().duplicate);
    EXPECT_EQ(again.value().postingId, first.value().postingId);
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 5);
}

TEST_F(LedgerTest, sameReferenceWithDifferentLines_isAConflict)
{
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("r1"), sku, east, 5)).ok());
    const auto different = t.ledger().post(adjustment(QStringLiteral("r1"), sku, east, 6));
    ASSERT_FALSE(different.ok());
    EXPECT_EQ(different.error().code, ErrorCode::Conflict);
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 5);
}

TEST_F(LedgerTest, availableNeverGoesBelowZeroWithoutAnOverride)
{
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("r1"), sku, east, 2)).ok());
    const auto oversell = t.ledger().post(adjustment(QStringLiteral("r2"), sku, east, -3));
    ASSERT_FALSE(oversell.ok());
    EXPECT_EQ(oversell.error().code, ErrorCode::InsufficientStock);
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 2);

    auto overridden = adjustment(QStringLiteral("r3"), sku, east, -3);
    overridden.actor = QStringLiteral("maria");
    overridden.override = StockOverride{QStringLiteral("customer pickup, stock in back room")};
    ASSERT_TRUE(t.ledger().post(overridden).ok());
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), -1);

    auto audit = runQuery(t.store().connection(),
                          QStringLiteral("SELECT actor, detail FROM audit_log WHERE action = "
                                         "'ledger.override'"));
    ASSERT_TRUE(audit.ok());
    ASSERT_TRUE(audit.value().next());
    EXPECT_EQ(audit.value().value(0).toString(), QStringLiteral("maria"));
}

TEST_F(LedgerTest, anOverrideWithoutAReason_isRejected)
{
    auto request = adjustment(QStringLiteral("r1"), sku, east, -1);
    request.override = StockOverride{QStringLiteral("  ")};
    EXPECT_EQ(t.ledger().post(request).error().code, ErrorCode::Validation);
}

TEST_F(LedgerTest, transfer_isOneAtomicPair)
{
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("r1"), sku, east, 10)).ok());
    const auto moved = t.ledger().transfer(sku,
                                           east,
                                           soho,
                                           4,
                                           QStringLiteral("console"),
                                           QStringLiteral("T-1"),
                                           QStringLiteral("maria"));
    ASSERT_TRUE(moved.ok());
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 6);
    EXPECT_EQ(t.ledger().balance(sku, soho).value().available(), 4);

    const auto tooMany = t.ledger().transfer(sku,
                                             east,
                                             soho,
                                             7,
                                             QStringLiteral("console"),
                                             QStringLiteral("T-2"),
                                             QStringLiteral("maria"));
    ASSERT_FALSE(tooMany.ok());
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 6);
    EXPECT_EQ(t.ledger().balance(sku, soho).value().available(), 4);
}

TEST_F(LedgerTest, badRequests_getClearErrorsAndStoreNothing)
{
    EXPECT_EQ(t.ledger().post(adjustment(QString(), sku, east, 1)).error().code,
              ErrorCode::Validation);
    EXPECT_EQ(t.ledger().post(adjustment(QStringLiteral("z"), sku, east, 0)).error().code,
              ErrorCode::Validation);
    EXPECT_EQ(
        t.ledger().post(adjustment(QStringLiteral("big"), sku, east, 3'000'000'000)).error().code,
        ErrorCode::Validation);
    EXPECT_EQ(t.ledger().post(adjustment(QStringLiteral("ghost"), 999, east, 1)).error().code,
              ErrorCode::NotFound);
    PostingRequest committedOnly = adjustment(QStringLiteral("c"), sku, east, 0);
    committedOnly.lines[0].delta.set(QuantityName::Committed, -1);
    EXPECT_EQ(t.ledger().post(committedOnly).error().code, ErrorCode::InsufficientStock);
    EXPECT_EQ(t.ledger().verify().value().movementCount, 0);
}

TEST_F(LedgerTest, movementsAreAppendOnly)
{
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("r1"), sku, east, 1)).ok());
    QSqlQuery q(t.store().connection());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE movements SET d_available = 100")));
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM movements")));
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM postings")));
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 1);
}

TEST_F(LedgerTest, verifyFindsTamperedBalances_andRebuildRepairsThem)
{
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("r1"), sku, east, 9)).ok());
    QSqlQuery q(t.store().connection());
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE balances SET available = 50, on_hand = 50")));
    const auto report = t.ledger().verify();
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(report.value().mismatches.size(), 1);
    EXPECT_EQ(report.value().mismatches.first().sku, QStringLiteral("FJ-NAVY-M"));
    EXPECT_EQ(report.value().mismatches.first().fromMovements.available(), 9);

    ASSERT_TRUE(t.ledger().rebuild(QStringLiteral("ops")).ok());
    EXPECT_TRUE(t.ledger().verify().value().consistent());
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 9);
}

TEST_F(LedgerTest, batch_isAllOrNothing)
{
    QList<PostingRequest> batch = {adjustment(QStringLiteral("b1"), sku, east, 4),
                                   adjustment(QStringLiteral("b2"), sku, east, -10)};
    const auto result = t.ledger().postBatch(batch);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().message.contains(QStringLiteral("b2")));
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 0);
}

TEST_F(LedgerTest, runsOnTheBackendTheSuiteWasStartedFor)
{
    const QString expected
        = TempStore::usingPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
    EXPECT_EQ(t.store().connection().driverName(), expected);
}
