#include <core/store/sql.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/outbox.h>
#include <tests/support/tempstore.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

OutboxItem push(const QString &key, int quantity)
{
    OutboxItem item;
    item.idempotencyKey = key;
    item.target = QStringLiteral("shopify");
    item.kind = QStringLiteral("inventory.set");
    item.entityKey = QStringLiteral("FJ-NAVY-M@WH-EAST");
    item.payload = QStringLiteral(R"({"name":"available","quantity":%1})").arg(quantity).toUtf8();
    return item;
}

RetryPolicy deterministic()
{
    return RetryPolicy(1000, 60'000, 3'600'000, [] { return 0.5; });
}

} // namespace

TEST(Outbox, enqueueIsIdempotentOnTheKey_andRefusesTheSameKeyForADifferentRequest)
{
    TempStore t;
    QSqlDatabase db = t.store().connection();
    ASSERT_TRUE(Outbox::enqueue(db, push(QStringLiteral("k1"), 5), 100).ok());
    ASSERT_TRUE(Outbox::enqueue(db, push(QStringLiteral("k1"), 5), 200).ok());
    const Status clash = Outbox::enqueue(db, push(QStringLiteral("k1"), 6), 300);
    ASSERT_FALSE(clash.ok());
    EXPECT_EQ(clash.error().code, ErrorCode::Conflict);
    Outbox outbox(t.store(), deterministic());
    EXPECT_EQ(outbox.backlog(QStringLiteral("shopify")).value().pending, 1);
}

TEST(Outbox, claimDeliverComplete)
{
    TempStore t;
    ASSERT_TRUE(Outbox::enqueue(t.store().connection(), push(QStringLiteral("k1"), 5), 100).ok());
    Outbox outbox(t.store(), deterministic());
    EXPECT_TRUE(
        outbox.claimDue(QStringLiteral("shopify"), 50, 10).value().isEmpty()); // not due yet
    EXPECT_TRUE(outbox.claimDue(QStringLiteral("erp"), 500, 10).value().isEmpty());
    const auto claimed = outbox.claimDue(QStringLiteral("shopify"), 500, 10);
    ASSERT_EQ(claimed.value().size(), 1);
    EXPECT_EQ(claimed.value().first().attempts, 1);
    EXPECT_TRUE(outbox.claimDue(QStringLiteral("shopify"), 500, 10).value().isEmpty()); // in flight
    ASSERT_TRUE(outbox.complete(claimed.value().first().id, "{}", 600).ok());
    EXPECT_EQ(outbox.item(claimed.value().first().id).value()->status, OutboxStatus::Done);
    EXPECT_FALSE(outbox.complete(claimed.value().first().id, "{}", 700).ok());
}

TEST(Outbox, transientFailuresBackOff_thenDeadLetterAsAnExceptionThatCanBeReplayed)
{
    TempStore t;
    ASSERT_TRUE(Outbox::enqueue(t.store().connection(), push(QStringLiteral("k1"), 5), 0).ok());
    Outbox outbox(t.store(), deterministic());
    auto first = outbox.claimDue(QStringLiteral("shopify"), 0, 1).value().first();
    EXPECT_EQ(outbox.fail(first.id, {QStringLiteral("503"), true, std::nullopt}, 1000).value(),
              OutboxStatus::Pending);
    EXPECT_EQ(outbox.item(first.id).value()->nextAttemptAt, 1500); // half of base·2^0
    auto second = outbox.claimDue(QStringLiteral("shopify"), 1500, 1).value().first();
    EXPECT_EQ(outbox.fail(second.id, {QStringLiteral("429"), true, 20'000}, 2000).value(),
              OutboxStatus::Pending);
    EXPECT_EQ(outbox.item(first.id).value()->nextAttemptAt, 22'000); // Retry-After wins
    auto third = outbox.claimDue(QStringLiteral("shopify"), 22'000, 1).value().first();
    EXPECT_EQ(
        outbox.fail(third.id, {QStringLiteral("still 503"), true, std::nullopt}, 4'000'000).value(),
        OutboxStatus::Dead);

    ExceptionStore exceptions(t.store());
    const auto open = exceptions.list(ExceptionFilter::unresolved());
    ASSERT_EQ(open.value().size(), 1);
    EXPECT_EQ(open.value().first().kind, ExceptionKind::ThrottledPastBudget);
    EXPECT_EQ(open.value().first().outboxId, first.id);

    ASSERT_TRUE(outbox.replay(first.id, QStringLiteral("ops"), 5'000'000).ok());
    const auto again = outbox.claimDue(QStringLiteral("shopify"), 5'000'000, 1).value();
    ASSERT_EQ(again.size(), 1);
    EXPECT_EQ(again.first().idempotencyKey, QStringLiteral("k1"));
}

TEST(Outbox, aPermanentRejectionDeadLettersAtOnce)
{
    TempStore t;
    ASSERT_TRUE(Outbox::enqueue(t.store().connection(), push(QStringLiteral("k1"), 5), 0).ok());
    Outbox outbox(t.store(), deterministic());
    auto item = outbox.claimDue(QStringLiteral("shopify"), 0, 1).value().first();
    EXPECT_EQ(outbox
                  .fail(item.id,
                        {QStringLiteral("IDEMPOTENCY_KEY_PARAMETER_MISMATCH"), false, std::nullopt},
                        10)
                  .value(),
              OutboxStatus::Dead);
    ExceptionStore exceptions(t.store());
    EXPECT_EQ(exceptions.list(ExceptionFilter::unresolved()).value().first().kind,
              ExceptionKind::RejectedByTarget);
}

TEST(Outbox, rowsLeftInFlightByACrashArePendingAgain)
{
    TempStore t;
    ASSERT_TRUE(Outbox::enqueue(t.store().connection(), push(QStringLiteral("k1"), 5), 0).ok());
    Outbox outbox(t.store(), deterministic());
    ASSERT_EQ(outbox.claimDue(QStringLiteral("shopify"), 0, 5).value().size(), 1);
    EXPECT_EQ(outbox.recoverInFlight().value(), 1);
    EXPECT_EQ(outbox.claimDue(QStringLiteral("shopify"), 0, 5).value().first().attempts, 2);
}

TEST(Outbox, aRowAProcessLeftInFlightIsDueAgainOnceItsLeaseRunsOut_byAnyProgramThatPushes)
{
    TempStore t;
    ASSERT_TRUE(Outbox::enqueue(t.store().connection(), push(QStringLiteral("k1"), 5), 0).ok());
    const UtcMillis claimedAt = 1'000'000;
    {
        // A process claims the row and dies before it can say how the push ended.
        Outbox crashed(t.store(), deterministic());
        ASSERT_EQ(crashed.claimDue(QStringLiteral("shopify"), claimedAt, 5).value().size(), 1);
    }
    Outbox next(t.store(), deterministic());
    // Within the lease the row still belongs to whoever claimed it ...
    EXPECT_TRUE(next.claimDue(QStringLiteral("shopify"), claimedAt + Outbox::kLeaseMs - 1, 5)
                    .value()
                    .isEmpty());
    EXPECT_EQ(next.backlog(QStringLiteral("shopify")).value().inFlight, 1);
    // ... past it, the next program that pushes sends it again, with the same key, once.
    const auto again = next.claimDue(QStringLiteral("shopify"), claimedAt + Outbox::kLeaseMs, 5);
    ASSERT_EQ(again.value().size(), 1);
    EXPECT_EQ(again.value().first().idempotencyKey, QStringLiteral("k1"));
    EXPECT_EQ(again.value().first().attempts, 2);
    ASSERT_TRUE(next.complete(again.value().first().id, "{}", claimedAt + Outbox::kLeaseMs).ok());
    EXPECT_TRUE(next.claimDue(QStringLiteral("shopify"), claimedAt + 10 * Outbox::kLeaseMs, 5)
                    .value()
                    .isEmpty());
}

TEST(ExceptionStore, raiseDeduplicatesOpenOnes_andEveryChangeIsInTheHistoryAndAudit)
{
    TempStore t;
    SyncException e;
    e.kind = ExceptionKind::Conflict;
    e.system = QStringLiteral("wms");
    e.entity = QStringLiteral("inventory");
    e.entityKey = QStringLiteral("FJ-NAVY-M@WH-EAST:on_hand");
    e.baseValue = QStringLiteral("10");
    e.ledgerValue = QStringLiteral("12");
    e.externalValue = QStringLiteral("9");
    const auto id = ExceptionStore::raise(t.store().connection(), e, 1000);
    ASSERT_TRUE(id.ok());
    e.externalValue = QStringLiteral("8");
    EXPECT_EQ(ExceptionStore::raise(t.store().connection(), e, 2000).value(), id.value());

    ExceptionStore store(t.store());
    ASSERT_TRUE(store.acknowledge(id.value(), QStringLiteral("maria")).ok());
    ASSERT_TRUE(store.assign(id.value(), QStringLiteral("li"), QStringLiteral("maria")).ok());
    ASSERT_TRUE(
        store.addNote(id.value(), QStringLiteral("counting again tomorrow"), QStringLiteral("li"))
            .ok());
    EXPECT_FALSE(store.addNote(id.value(), QStringLiteral(" "), QStringLiteral("li")).ok());
    ASSERT_TRUE(ExceptionStore::close(t.store().connection(),
                                      id.value(),
                                      ExceptionState::Ignored,
                                      QStringLiteral("li"),
                                      QStringLiteral("known count error"),
                                      3000)
                    .ok());
    EXPECT_FALSE(store.acknowledge(id.value(), QStringLiteral("maria")).ok());

    const auto loaded = store.get(id.value()).value();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->externalValue, QStringLiteral("8"));
    EXPECT_EQ(loaded->attempts, 1); // met again, not delivered again
    EXPECT_EQ(loaded->assignee, QStringLiteral("li"));
    EXPECT_EQ(loaded->state, ExceptionState::Ignored);
    QStringList actions;
    for (const auto &event : loaded->history) {
        actions << event.action;
    }
    EXPECT_EQ(actions,
              (QStringList{QStringLiteral("raised"),
                           QStringLiteral("changed"),
                           QStringLiteral("acknowledged"),
                           QStringLiteral("assigned"),
                           QStringLiteral("note"),
                           QStringLiteral("ignored")}));
    auto audit = runQuery(t.store().connection(),
                          QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE target = ?"),
                          {QStringLiteral("exception:%1").arg(id.value())});
    ASSERT_TRUE(audit.ok() && audit.value().next());
    EXPECT_EQ(audit.value().value(0).toInt(), 4);

    // Once closed, the same problem raises a new exception.
    EXPECT_NE(ExceptionStore::raise(t.store().connection(), e, 4000).value(), id.value());
}

TEST(Outbox, aConnectorsOwnExceptionReplacesTheGenericOne)
{
    TempStore t;
    ASSERT_TRUE(Outbox::enqueue(t.store().connection(), push(QStringLiteral("k1"), 5), 0).ok());
    Outbox outbox(t.store(), deterministic());
    const auto item = outbox.claimDue(QStringLiteral("shopify"), 0, 1).value().first();
    SyncException stale;
    stale.kind = ExceptionKind::StaleWrite;
    stale.system = QStringLiteral("shopify");
    stale.entity = QStringLiteral("inventory");
    stale.entityKey = QStringLiteral("FJ-NAVY-M@WH-EAST:available");
    stale.ledgerValue = QStringLiteral("5");
    stale.externalValue = QStringLiteral("7");
    const DeliveryFailure failure(
        QStringLiteral("CHANGE_FROM_QUANTITY_STALE"), false, std::nullopt, stale);
    EXPECT_EQ(outbox.fail(item.id, failure, 10).value(), OutboxStatus::Dead);
    const auto open = ExceptionStore(t.store()).list(ExceptionFilter::unresolved()).value();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.first().kind, ExceptionKind::StaleWrite);
    EXPECT_EQ(open.first().externalValue, QStringLiteral("7"));
    EXPECT_EQ(open.first().outboxId, item.id);
}

TEST(ExceptionStore, raiseOnceReportsAProblemOnlyTheFirstTime)
{
    TempStore t;
    SyncException unknown;
    unknown.kind = ExceptionKind::UnknownSku;
    unknown.system = QStringLiteral("shopify");
    unknown.entity = QStringLiteral("inventory_item");
    unknown.entityKey = QStringLiteral("gid://shopify/InventoryItem/1");
    ExceptionStore store(t.store());
    EXPECT_TRUE(store.raiseOnce(unknown).value());
    EXPECT_FALSE(store.raiseOnce(unknown).value());
    const qint64 id = store.list(ExceptionFilter::unresolved()).value().first().id;
    ASSERT_TRUE(ExceptionStore::close(t.store().connection(),
                                      id,
                                      ExceptionState::Ignored,
                                      QStringLiteral("li"),
                                      QStringLiteral("retired product"),
                                      1)
                    .ok());
    EXPECT_FALSE(store.raiseOnce(unknown).value()); // an ignored one stays ignored
}
