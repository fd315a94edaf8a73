#include <core/ledger/movementhistory.h>
#include <core/store/sql.h>
#include <tests/support/tempstore.h>

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

namespace {

// Five postings on FJ-NAVY-M at WH-EAST (+10, -3, commit 2, +4, -1) and one elsewhere.
void seedHistory(TempStore &t)
{
    t.seedBasics();
    const VariantId m = t.variant(QStringLiteral("FJ-NAVY-M"));
    const LocationId east = t.location(QStringLiteral("WH-EAST"));
    const LocationId soho = t.location(QStringLiteral("STORE-SOHO"));
    PostingRequest receipt = adjustment(QStringLiteral("PO-1"), m, east, 10);
    receipt.reason = MovementReason::Receipt;
    receipt.source = QStringLiteral("wms");
    receipt.actor = QStringLiteral("dock");
    receipt.occurredAt = 1'000;
    ASSERT_TRUE(t.ledger().post(receipt).ok());
    PostingRequest sale = adjustment(QStringLiteral("S-1"), m, east, -3);
    sale.reason = MovementReason::Sale;
    sale.note = QStringLiteral("web order");
    ASSERT_TRUE(t.ledger().post(sale).ok());
    PostingRequest allocate = adjustment(QStringLiteral("A-1"), m, east, -2);
    allocate.reason = MovementReason::Allocation;
    allocate.lines[0].delta.set(QuantityName::Committed, 2);
    ASSERT_TRUE(t.ledger().post(allocate).ok());
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("X-1"), m, soho, 50)).ok());
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("C-1"), m, east, 4)).ok());
    PostingRequest over = adjustment(QStringLiteral("C-2"), m, east, -1);
    over.override = StockOverride{QStringLiteral("counted short")};
    ASSERT_TRUE(t.ledger().post(over).ok());
}

} // namespace

TEST(MovementHistory, listsNewestFirstWithRunningBalances)
{
    TempStore t;
    seedHistory(t);
    const auto page = MovementHistory(t.store()).fetch(
        QStringLiteral("FJ-NAVY-M"), QStringLiteral("WH-EAST"), 50);
    ASSERT_TRUE(page.ok()) << page.error().message.toStdString();
    const auto &e = page.value().entries;
    ASSERT_EQ(e.size(), 5);
    EXPECT_FALSE(page.value().more);
    EXPECT_EQ(e[0].reference, QStringLiteral("C-2"));
    EXPECT_EQ(e[0].overrideReason, QStringLiteral("counted short"));
    EXPECT_EQ(e[0].delta.available(), -1);
    EXPECT_EQ(e[0].after.available(), 8);
    EXPECT_EQ(e[0].after.onHand(), 10);
    EXPECT_EQ(e[1].reference, QStringLiteral("C-1"));
    EXPECT_EQ(e[1].after.available(), 9);
    EXPECT_EQ(e[2].reason, QStringLiteral("allocation"));
    EXPECT_EQ(e[2].delta.committed(), 2);
    EXPECT_EQ(e[2].after.available(), 5);
    EXPECT_EQ(e[2].after.committed(), 2);
    EXPECT_EQ(e[2].after.onHand(), 7);
    EXPECT_EQ(e[3].note, QStringLiteral("web order"));
    EXPECT_EQ(e[3].after.available(), 7);
    EXPECT_FALSE(e[3].overrideReason.has_value());
    EXPECT_EQ(e[4].source, QStringLiteral("wms"));
    EXPECT_EQ(e[4].actor, QStringLiteral("dock"));
    EXPECT_EQ(e[4].occurredAt, 1'000);
    EXPECT_EQ(e[4].after.available(), 10);
    EXPECT_EQ(e[4].after.onHand(), 10);
}

TEST(MovementHistory, pagesKeepTheRunningBalancesOfTheWhole)
{
    TempStore t;
    seedHistory(t);
    MovementHistory history(t.store());
    const VariantId m = t.variant(QStringLiteral("FJ-NAVY-M"));
    const LocationId east = t.location(QStringLiteral("WH-EAST"));
    const auto first = history.fetch(m, east, 2, 0);
    const auto second = history.fetch(m, east, 2, 2);
    const auto last = history.fetch(m, east, 2, 4);
    ASSERT_TRUE(first.ok() && second.ok() && last.ok());
    EXPECT_TRUE(first.value().more);
    EXPECT_TRUE(second.value().more);
    EXPECT_FALSE(last.value().more);
    ASSERT_EQ(second.value().entries.size(), 2);
    EXPECT_EQ(second.value().entries[0].reference, QStringLiteral("A-1"));
    EXPECT_EQ(second.value().entries[0].after.available(), 5);
    EXPECT_EQ(second.value().entries[1].after.available(), 7);
    ASSERT_EQ(last.value().entries.size(), 1);
    EXPECT_EQ(last.value().entries[0].after.available(), 10);
    EXPECT_TRUE(history.fetch(m, east, 2, 10).value().entries.isEmpty());
}

TEST(MovementHistory, aPairThatNeverMovedHasNoHistory)
{
    TempStore t;
    t.seedBasics();
    const auto page = MovementHistory(t.store()).fetch(
        QStringLiteral("FJ-NAVY-S"), QStringLiteral("STORE-SOHO"), 10);
    ASSERT_TRUE(page.ok());
    EXPECT_TRUE(page.value().entries.isEmpty());
    EXPECT_FALSE(page.value().more);
}

TEST(MovementHistory, rejectsUnknownKeysAndBadPages)
{
    TempStore t;
    t.seedBasics();
    MovementHistory history(t.store());
    const auto sku = history.fetch(QStringLiteral("NOPE"), QStringLiteral("WH-EAST"), 10);
    ASSERT_FALSE(sku.ok());
    EXPECT_EQ(sku.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(sku.error().message.contains(QStringLiteral("NOPE")));
    const auto location = history.fetch(QStringLiteral("FJ-NAVY-S"), QStringLiteral("NOWHERE"), 10);
    ASSERT_FALSE(location.ok());
    EXPECT_TRUE(location.error().message.contains(QStringLiteral("NOWHERE")));
    const auto limit = history.fetch(QStringLiteral("FJ-NAVY-S"), QStringLiteral("WH-EAST"), 0);
    ASSERT_FALSE(limit.ok());
    EXPECT_EQ(limit.error().code, ErrorCode::Validation);
}

TEST(MovementHistory, walksTheMovementsIndexWithoutSorting)
{
    TempStore t;
    if (TempStore::usingPostgres()) {
        GTEST_SKIP() << "EXPLAIN QUERY PLAN is SQLite's";
    }
    auto plan = runQuery(t.store().connection(),
                         QStringLiteral("EXPLAIN QUERY PLAN ") + MovementHistory::pageSql(),
                         {1, 1, 10, 0});
    ASSERT_TRUE(plan.ok());
    QStringList steps;
    while (plan.value().next()) {
        steps << plan.value().value(3).toString();
    }
    const QString text = steps.join(u'\n');
    EXPECT_TRUE(text.contains(QStringLiteral("USING INDEX movements_key"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("TEMP B-TREE"))) << text.toStdString();
}
