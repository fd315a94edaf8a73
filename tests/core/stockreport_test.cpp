#include <core/ledger/stockreport.h>
#include <tests/support/tempstore.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

TEST(StockReport, listsEveryBalanceBySkuThenLocation)
{
    TempStore t;
    t.seedBasics();
    const LocationId east = t.location(QStringLiteral("WH-EAST"));
    const LocationId soho = t.location(QStringLiteral("STORE-SOHO"));
    ASSERT_TRUE(
        t.ledger()
            .post(adjustment(QStringLiteral("1"), t.variant(QStringLiteral("FJ-NAVY-S")), east, 5))
            .ok());
    ASSERT_TRUE(
        t.ledger()
            .post(adjustment(QStringLiteral("2"), t.variant(QStringLiteral("FJ-NAVY-L")), soho, 2))
            .ok());
    ASSERT_TRUE(
        t.ledger()
            .post(adjustment(QStringLiteral("3"), t.variant(QStringLiteral("FJ-NAVY-L")), east, 7))
            .ok());
    const auto rows = StockReport(t.store()).fetch();
    ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
    ASSERT_EQ(rows.value().size(), 3);
    EXPECT_EQ(rows.value()[0].sku, QStringLiteral("FJ-NAVY-L"));
    EXPECT_EQ(rows.value()[0].locationCode, QStringLiteral("STORE-SOHO"));
    EXPECT_EQ(rows.value()[0].quantities.available(), 2);
    EXPECT_EQ(rows.value()[1].locationCode, QStringLiteral("WH-EAST"));
    EXPECT_EQ(rows.value()[1].quantities.onHand(), 7);
    EXPECT_EQ(rows.value()[2].sku, QStringLiteral("FJ-NAVY-S"));
    // A second read reuses the prepared statement and sees new postings.
    ASSERT_TRUE(
        t.ledger()
            .post(adjustment(QStringLiteral("4"), t.variant(QStringLiteral("FJ-NAVY-S")), east, -1))
            .ok());
    EXPECT_EQ(StockReport(t.store()).fetch().value()[2].quantities.available(), 4);
}

TEST(StockReport, anEmptyLedgerHasNoRows)
{
    TempStore t;
    const auto rows = StockReport(t.store()).fetch();
    ASSERT_TRUE(rows.ok());
    EXPECT_TRUE(rows.value().isEmpty());
}

TEST(Ledger, balanceLookupsSurviveClosingAndReopeningTheConnection)
{
    TempStore t;
    t.seedBasics();
    const VariantId sku = t.variant(QStringLiteral("FJ-NAVY-S"));
    const LocationId east = t.location(QStringLiteral("WH-EAST"));
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("1"), sku, east, 5)).ok());
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 5);
    t.store().closeThreadConnection(); // must not be held open by a cached statement
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 5);
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("2"), sku, east, 1)).ok());
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 6);
    EXPECT_EQ(t.ledger().balance(sku, t.location(QStringLiteral("STORE-SOHO"))).value().available(),
              0);
}
