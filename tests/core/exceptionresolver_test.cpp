#include <core/store/sql.h>
#include <core/sync/exceptionresolver.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outbox.h>
#include <tests/support/tempstore.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

class ExceptionResolverTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        sku = t.variant(QStringLiteral("FJ-NAVY-M"));
        east = t.location(QStringLiteral("WH-EAST"));
        ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("start"), sku, east, 12)).ok());
    }

    qint64 raiseConflict(const QString &external, const QString &system = QStringLiteral("wms"))
    {
        SyncException e;
        e.kind = ExceptionKind::Conflict;
        e.system = system;
        e.entity = QStringLiteral("inventory");
        e.entityKey = InventoryKey{QStringLiteral("FJ-NAVY-M"),
                                   QStringLiteral("WH-EAST"),
                                   QuantityName::OnHand}
                          .toString();
        e.baseValue = QStringLiteral("10");
        e.ledgerValue = QStringLiteral("12");
        e.externalValue = external;
        return ExceptionStore::raise(t.store().connection(), e, nowUtcMillis()).value();
    }

    qint64 outboxRows()
    {
        auto q = runQuery(t.store().connection(), QStringLiteral("SELECT COUNT(*) FROM outbox"));
        q.value().next();
        return q.value().value(0).toLongLong();
    }

    TempStore t;
    VariantId sku = 0;
    LocationId east = 0;
};

TEST_F(ExceptionResolverTest, acceptTheirs_movesTheLedgerToTheExternalValueAndRecordsTheAgreement)
{
    const qint64 id = raiseConflict(QStringLiteral("9"));
    ExceptionResolver resolver(t.store());
    ASSERT_TRUE(resolver.acceptTheirs(id, QStringLiteral("maria")).ok());
    EXPECT_EQ(t.ledger().balance(sku, east).value().onHand(), 9);
    EXPECT_EQ(outboxRows(), 0);
    auto base = runQuery(t.store().connection(),
                         QStringLiteral("SELECT base_value FROM sync_values WHERE system = 'wms'"));
    ASSERT_TRUE(base.value().next());
    EXPECT_EQ(base.value().value(0).toString(), QStringLiteral("9"));
    EXPECT_EQ(ExceptionStore(t.store()).get(id).value()->state, ExceptionState::Resolved);
    EXPECT_FALSE(resolver.acceptTheirs(id, QStringLiteral("maria")).ok()); // already resolved
    EXPECT_EQ(t.ledger().balance(sku, east).value().onHand(), 9);
}

TEST_F(ExceptionResolverTest, keepOursAndPush_queuesACompareAndSwapPushWithoutTouchingTheLedger)
{
    const qint64 id = raiseConflict(QStringLiteral("9"), QStringLiteral("shopify"));
    ASSERT_TRUE(ExceptionResolver(t.store()).keepOursAndPush(id, QStringLiteral("maria")).ok());
    EXPECT_EQ(t.ledger().balance(sku, east).value().onHand(), 12);
    Outbox outbox(t.store());
    const auto due = outbox.claimDue(QStringLiteral("shopify"), nowUtcMillis() + 1, 10).value();
    ASSERT_EQ(due.size(), 1);
    EXPECT_EQ(due.first().kind, QStringLiteral("inventory.set"));
    const QJsonObject payload = QJsonDocument::fromJson(due.first().payload).object();
    EXPECT_EQ(payload.value(QStringLiteral("quantity")).toInteger(), 12);
    EXPECT_EQ(payload.value(QStringLiteral("changeFromQuantity")).toInteger(), 9);
    EXPECT_EQ(payload.value(QStringLiteral("name")).toString(), QStringLiteral("on_hand"));
}

TEST_F(ExceptionResolverTest, keepOursForTheErp_queuesTheDifferenceAsAnAdjustment)
{
    const qint64 id = raiseConflict(QStringLiteral("9"), QStringLiteral("erp"));
    ASSERT_TRUE(ExceptionResolver(t.store()).keepOursAndPush(id, QStringLiteral("maria")).ok());
    const auto due
        = Outbox(t.store()).claimDue(QStringLiteral("erp"), nowUtcMillis() + 1, 10).value();
    ASSERT_EQ(due.size(), 1);
    EXPECT_EQ(due.first().kind, QStringLiteral("inventory.adjust"));
    const QJsonObject payload = QJsonDocument::fromJson(due.first().payload).object();
    EXPECT_EQ(payload.value(QStringLiteral("delta")).toInteger(), 3); // 9 at the ERP → 12
}

TEST_F(ExceptionResolverTest, aSystemThatTakesNoWritesIsNotOfferedAPush_andNothingIsQueued)
{
    const qint64 id = raiseConflict(QStringLiteral("9"));
    const SyncException e = *ExceptionStore(t.store()).get(id).value();
    const ExceptionActions offered = ExceptionResolver::actionsFor(e);
    EXPECT_FALSE(offered.keepOurs);
    EXPECT_TRUE(offered.acceptTheirs);
    EXPECT_TRUE(offered.ignore);
    EXPECT_FALSE(offered.retry);
    EXPECT_FALSE(offered.noPushReason.isEmpty());
    ExceptionResolver resolver(t.store());
    const Status kept = resolver.keepOursAndPush(id, QStringLiteral("maria"));
    ASSERT_FALSE(kept.ok());
    EXPECT_EQ(kept.error().message, offered.noPushReason);
    EXPECT_FALSE(resolver.setValue(id, 11, QStringLiteral("maria")).ok());
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(t.ledger().balance(sku, east).value().onHand(), 12);
    EXPECT_EQ(ExceptionStore(t.store()).get(id).value()->state, ExceptionState::Open);
}

TEST_F(ExceptionResolverTest, meetingTheSameProblemAgainAddsNoRowAndNoHistory)
{
    const qint64 id = raiseConflict(QStringLiteral("9"));
    for (int pass = 0; pass < 5; ++pass) {
        EXPECT_EQ(raiseConflict(QStringLiteral("9")), id);
    }
    auto loaded = ExceptionStore(t.store()).get(id).value();
    EXPECT_EQ(loaded->history.size(), 1); // "raised"
    EXPECT_EQ(loaded->attempts, 1);
    // New values replace the old ones under one history line.
    EXPECT_EQ(raiseConflict(QStringLiteral("7")), id);
    EXPECT_EQ(raiseConflict(QStringLiteral("7")), id);
    loaded = ExceptionStore(t.store()).get(id).value();
    ASSERT_EQ(loaded->history.size(), 2);
    EXPECT_EQ(loaded->history.last().action, QStringLiteral("changed"));
    EXPECT_EQ(loaded->externalValue, QStringLiteral("7"));
    EXPECT_EQ(ExceptionStore(t.store()).list(ExceptionFilter::unresolved()).value().size(), 1);
}

TEST_F(ExceptionResolverTest, setValue_postsAndPushesInOneTransaction)
{
    const qint64 id = raiseConflict(QStringLiteral("9"), QStringLiteral("shopify"));
    ASSERT_TRUE(ExceptionResolver(t.store()).setValue(id, 11, QStringLiteral("maria")).ok());
    EXPECT_EQ(t.ledger().balance(sku, east).value().onHand(), 11);
    auto q = runQuery(t.store().connection(), QStringLiteral("SELECT posting_id FROM outbox"));
    ASSERT_TRUE(q.value().next());
    EXPECT_FALSE(q.value().value(0).isNull()); // the push names the posting that caused it
}

TEST_F(ExceptionResolverTest, anImpossibleValueChangesNothing)
{
    PostingRequest commit = adjustment(QStringLiteral("commit"), sku, east, -5);
    commit.lines[0].delta.set(QuantityName::Committed, 5);
    ASSERT_TRUE(t.ledger().post(commit).ok()); // available 7, committed 5
    const qint64 id = raiseConflict(QStringLiteral("9"), QStringLiteral("shopify"));
    const Status refused = ExceptionResolver(t.store()).setValue(id, 3, QStringLiteral("maria"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InsufficientStock);
    EXPECT_EQ(t.ledger().balance(sku, east).value().onHand(), 12);
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(ExceptionStore(t.store()).get(id).value()->state, ExceptionState::Open);
}

TEST_F(ExceptionResolverTest, ignoreNeedsAReason)
{
    const qint64 id = raiseConflict(QStringLiteral("9"));
    ExceptionResolver resolver(t.store());
    EXPECT_EQ(resolver.ignore(id, QStringLiteral(" "), QStringLiteral("maria")).error().code,
              ErrorCode::Validation);
    ASSERT_TRUE(
        resolver.ignore(id, QStringLiteral("recount scheduled"), QStringLiteral("maria")).ok());
    const auto loaded = ExceptionStore(t.store()).get(id).value();
    EXPECT_EQ(loaded->state, ExceptionState::Ignored);
    EXPECT_EQ(loaded->resolution, QStringLiteral("recount scheduled"));
}

TEST_F(ExceptionResolverTest, retry_requeuesTheDeadPushWithItsOriginalKey)
{
    OutboxItem item;
    item.idempotencyKey = QStringLiteral("push-1");
    item.target = QStringLiteral("shopify");
    item.kind = QStringLiteral("inventory.set");
    item.entityKey = QStringLiteral("FJ-NAVY-M@WH-EAST:available");
    item.payload = "{}";
    ASSERT_TRUE(Outbox::enqueue(t.store().connection(), item, 0).ok());
    Outbox outbox(t.store());
    const auto claimed = outbox.claimDue(QStringLiteral("shopify"), 0, 1).value().first();
    ASSERT_EQ(outbox.fail(claimed.id, {QStringLiteral("rejected"), false, std::nullopt}, 1).value(),
              OutboxStatus::Dead);
    const qint64 id
        = ExceptionStore(t.store()).list(ExceptionFilter::unresolved()).value().first().id;
    ExceptionResolver resolver(t.store());
    ASSERT_TRUE(resolver.retry(id, QStringLiteral("maria")).ok());
    const auto again = outbox.claimDue(QStringLiteral("shopify"), nowUtcMillis() + 1, 1).value();
    ASSERT_EQ(again.size(), 1);
    EXPECT_EQ(again.first().idempotencyKey, QStringLiteral("push-1"));
    EXPECT_FALSE(resolver.retry(raiseConflict(QStringLiteral("9")), QStringLiteral("maria")).ok());
}

TEST(InventoryKey, roundTripsAndRejectsGarbage)
{
    const InventoryKey key{
        QStringLiteral("A@B:C"), QStringLiteral("WH-1"), QuantityName::Available};
    EXPECT_EQ(InventoryKey::parse(key.toString())->sku, QStringLiteral("A@B:C"));
    EXPECT_EQ(InventoryKey::parse(key.toString())->locationCode, QStringLiteral("WH-1"));
    EXPECT_FALSE(InventoryKey::parse(u"nothing").has_value());
    EXPECT_FALSE(InventoryKey::parse(u"SKU@LOC:sellable").has_value());
    EXPECT_FALSE(InventoryKey::parse(u"@LOC:on_hand").has_value());
}
