#include <core/sync/exceptionstore.h>
#include <core/sync/inbox.h>
#include <core/sync/outbox.h>
#include <core/sync/syncmetrics.h>
#include <tests/support/tempstore.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr UtcMillis kNow = 1'800'000'000'000;

OutboxItem item(const QString &key,
                const QString &entityKey = QStringLiteral("FJ-1@WH-EAST:available"))
{
    OutboxItem i;
    i.idempotencyKey = key;
    i.target = QStringLiteral("shopify");
    i.kind = QStringLiteral("inventory.set");
    i.entityKey = entityKey;
    i.payload = R"({"quantity":4})";
    return i;
}

QList<qint64> claim(Outbox &outbox, UtcMillis at)
{
    QList<qint64> ids;
    const auto claimed = outbox.claimDue(QStringLiteral("shopify"), at, 10);
    EXPECT_TRUE(claimed.ok());
    for (const OutboxItem &i : claimed.value()) {
        ids << i.id;
    }
    return ids;
}

qint64 raise(TempStore &t,
             const QString &system,
             const QString &entity,
             const QString &entityKey,
             UtcMillis at)
{
    SyncException e;
    e.kind = ExceptionKind::Conflict;
    e.system = system;
    e.entity = entity;
    e.entityKey = entityKey;
    e.ledgerValue = QStringLiteral("4");
    e.externalValue = QStringLiteral("5");
    const auto id = ExceptionStore::raise(t.store().connection(), e, at);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message.toStdString());
    return id.ok() ? id.value() : 0;
}

// One inbox event received at `sourceAt + latency / 2` and, unless `outcome` is empty, marked
// at `sourceAt + latency`.
void event(
    TempStore &t, const QString &id, UtcMillis sourceAt, qint64 latency, const QString &outcome)
{
    QSqlDatabase db = t.store().connection();
    const InboxEvent e{QStringLiteral("shopify"),
                       id,
                       QStringLiteral("inventory_levels/update"),
                       QString(),
                       sourceAt,
                       "{}"};
    const auto receipt = Inbox::receive(db, e, sourceAt + latency / 2);
    ASSERT_TRUE(receipt.ok());
    if (!outcome.isEmpty()) {
        ASSERT_TRUE(Inbox::markApplied(db, receipt.value().id, outcome, sourceAt + latency).ok());
    }
}

// The shopify outbox: one delivery at the first attempt, one retried, one dead letter, one in
// flight, two pending and one old delivery outside the hour.
void seedOutbox(TempStore &t)
{
    Outbox outbox(t.store());
    QSqlDatabase db = t.store().connection();
    ASSERT_TRUE(Outbox::enqueue(db, item(QStringLiteral("e")), kNow - 3 * kHour).ok());
    const auto old = claim(outbox, kNow - 3 * kHour);
    ASSERT_EQ(old.size(), 1);
    ASSERT_TRUE(outbox.complete(old[0], "{}", kNow - 3 * kHour).ok());

    for (const char *key : {"a", "b", "c"}) {
        ASSERT_TRUE(
            Outbox::enqueue(db,
                            item(QString::fromLatin1(key),
                                 QStringLiteral("FJ-%1@STORE-9:available").arg(QLatin1String(key))),
                            kNow - 10 * kMinute)
                .ok());
    }
    const auto abc = claim(outbox, kNow - 9 * kMinute);
    ASSERT_EQ(abc.size(), 3);
    ASSERT_TRUE(outbox.complete(abc[0], "{}", kNow - 9 * kMinute).ok());
    ASSERT_EQ(
        outbox.fail(abc[1], DeliveryFailure{QStringLiteral("503"), true, {}}, kNow - 9 * kMinute)
            .value(),
        OutboxStatus::Pending);
    // The dead letter raises an open inventory exception at STORE-9, 9 minutes old.
    ASSERT_EQ(
        outbox.fail(abc[2], DeliveryFailure{QStringLiteral("422"), false, {}}, kNow - 9 * kMinute)
            .value(),
        OutboxStatus::Dead);
    const auto retried = claim(outbox, kNow + 10 * kHour);
    ASSERT_EQ(retried, QList<qint64>{abc[1]});
    ASSERT_TRUE(outbox.complete(abc[1], "{}", kNow - 8 * kMinute).ok());

    ASSERT_TRUE(Outbox::enqueue(db, item(QStringLiteral("g")), kNow - 2 * kMinute).ok());
    ASSERT_EQ(claim(outbox, kNow - 2 * kMinute).size(), 1);
    ASSERT_TRUE(Outbox::enqueue(db, item(QStringLiteral("d")), kNow - 30 * kMinute).ok());
    ASSERT_TRUE(Outbox::enqueue(db, item(QStringLiteral("f")), kNow - 5 * kMinute).ok());
}

} // namespace

TEST(SyncMetrics, backlogAndRetryRateComeFromTheOutbox)
{
    TempStore t;
    seedOutbox(t);
    const auto m = SyncMetrics(t.store()).forSystem(QStringLiteral("shopify"), kNow);
    ASSERT_TRUE(m.ok()) << m.error().message.toStdString();
    EXPECT_EQ(m->pending, 2);
    EXPECT_EQ(m->inFlight, 1);
    EXPECT_EQ(m->dead, 1);
    ASSERT_TRUE(m->oldestPendingAgeMs.has_value());
    EXPECT_EQ(*m->oldestPendingAgeMs, 30 * kMinute);
    // a, b (twice), c and g were attempted in the hour; the 3 h old delivery is outside it.
    EXPECT_EQ(m->deliveriesLastHour, 4);
    EXPECT_EQ(m->retriedLastHour, 1);
    EXPECT_DOUBLE_EQ(m->retryRate, 0.25);
    EXPECT_EQ(m->openUnderHour, 1) << "the dead letter's exception";
}

TEST(SyncMetrics, latencyAndThroughputComeFromTheInbox)
{
    TempStore t;
    // Ten recent events with latencies 100..1000 ms, one old slow one, one stale, one unapplied.
    for (int i = 1; i <= 10; ++i) {
        event(t,
              QStringLiteral("w-%1").arg(i),
              kNow - 30 * kMinute + i * 1000,
              i * 100,
              QStringLiteral("applied"));
    }
    event(t, QStringLiteral("w-old"), kNow - 2 * kHour, 5000, QStringLiteral("applied"));
    event(t, QStringLiteral("w-stale"), kNow - 10 * kMinute, 10, QStringLiteral("stale"));
    event(t, QStringLiteral("w-new"), kNow - kMinute, 10, QString());

    const auto all = SyncMetrics(t.store()).forSystem(QStringLiteral("shopify"), kNow);
    ASSERT_TRUE(all.ok()) << all.error().message.toStdString();
    EXPECT_EQ(all->latencySamples, 11);
    EXPECT_EQ(all->latencyP50Ms, 600);
    EXPECT_EQ(all->latencyP99Ms, 5000);
    EXPECT_EQ(all->receivedLastHour, 12);
    EXPECT_EQ(all->appliedLastHour, 10);

    // Only the most recent events count when the sample is limited.
    const auto recent = SyncMetrics(t.store(), 10).forSystem(QStringLiteral("shopify"), kNow);
    ASSERT_TRUE(recent.ok());
    EXPECT_EQ(recent->latencySamples, 10);
    EXPECT_EQ(recent->latencyP50Ms, 500);
    EXPECT_EQ(recent->latencyP99Ms, 1000);

    const auto quiet = SyncMetrics(t.store()).forSystem(QStringLiteral("erp"), kNow);
    ASSERT_TRUE(quiet.ok());
    EXPECT_EQ(quiet->latencySamples, 0);
    EXPECT_FALSE(quiet->latencyP50Ms.has_value());
    EXPECT_EQ(quiet->receivedLastHour, 0);
}

TEST(SyncMetrics, openExceptionsByAge_andDriftPerLocation)
{
    TempStore t;
    seedOutbox(t); // one open inventory exception at STORE-9, 9 minutes old
    raise(t,
          QStringLiteral("shopify"),
          QStringLiteral("inventory"),
          QStringLiteral("FJ-2@WH-EAST:on_hand"),
          kNow - 3 * kHour);
    raise(t,
          QStringLiteral("shopify"),
          QStringLiteral("inventory"),
          QStringLiteral("FJ-3@WH-EAST:available"),
          kNow - 2 * kDay);
    raise(t,
          QStringLiteral("shopify"),
          QStringLiteral("order"),
          QStringLiteral("#1001"),
          kNow - 30 * kHour);
    const qint64 closed = raise(t,
                                QStringLiteral("shopify"),
                                QStringLiteral("inventory"),
                                QStringLiteral("FJ-4@STORE-9:on_hand"),
                                kNow - 20 * kMinute);
    ASSERT_TRUE(ExceptionStore::close(t.store().connection(),
                                      closed,
                                      ExceptionState::Resolved,
                                      QStringLiteral("maria"),
                                      QStringLiteral("counted"),
                                      kNow - 10 * kMinute)
                    .ok());
    raise(t,
          QStringLiteral("erp"),
          QStringLiteral("inventory"),
          QStringLiteral("FJ-5@WH-EAST:on_hand"),
          kNow - kMinute);

    const auto all = SyncMetrics(t.store()).collect(kNow, {QStringLiteral("wms")});
    ASSERT_TRUE(all.ok()) << all.error().message.toStdString();
    ASSERT_EQ(all->size(), 3);
    EXPECT_EQ(all->at(0).system, QStringLiteral("erp"));
    EXPECT_EQ(all->at(1).system, QStringLiteral("shopify"));
    EXPECT_EQ(all->at(2).system, QStringLiteral("wms"));

    const SystemSyncMetrics &shopify = all->at(1);
    EXPECT_EQ(shopify.openUnderHour, 1);
    EXPECT_EQ(shopify.openUnderDay, 1);
    EXPECT_EQ(shopify.openOlder, 2);
    EXPECT_EQ(shopify.openExceptions(), 4);
    ASSERT_TRUE(shopify.oldestOpenAgeMs.has_value());
    EXPECT_EQ(*shopify.oldestOpenAgeMs, 2 * kDay);
    ASSERT_EQ(shopify.drift.size(), 2);
    EXPECT_EQ(shopify.drift[0].locationCode, QStringLiteral("WH-EAST"));
    EXPECT_EQ(shopify.drift[0].openExceptions, 2);
    EXPECT_EQ(shopify.drift[1].locationCode, QStringLiteral("STORE-9"));
    EXPECT_EQ(shopify.drift[1].openExceptions, 1);

    const SystemSyncMetrics &erp = all->at(0);
    EXPECT_EQ(erp.openUnderHour, 1);
    ASSERT_EQ(erp.drift.size(), 1);
    EXPECT_EQ(erp.drift[0].locationCode, QStringLiteral("WH-EAST"));
    EXPECT_EQ(erp.pending, 0);

    const SystemSyncMetrics &wms = all->at(2);
    EXPECT_EQ(wms.openExceptions(), 0);
    EXPECT_FALSE(wms.oldestOpenAgeMs.has_value());
    EXPECT_TRUE(wms.drift.isEmpty());
    EXPECT_FALSE(wms.oldestPendingAgeMs.has_value());
    EXPECT_DOUBLE_EQ(wms.retryRate, 0.0);
}
