#include "webhookfixture.h"

#include <core/demo/democatalog.h>

#include <QElapsedTimer>
#include <QUuid>

#include <iostream>

using namespace Ledgerdesk::Core;
using Ledgerdesk::WebhookTests::HandledDelivery;
using Ledgerdesk::WebhookTests::WebhookTest;

namespace {

const QString kSoho = QStringLiteral("STORE-SOHO");
const QByteArray kLevelTopic = QByteArrayLiteral("inventory_levels/update");

QString skuAt(int style, int variant)
{
    static const DemoCatalog catalog = DemoCatalog::generate();
    return catalog.styles().at(style).variants.at(variant).sku;
}

QString uniqueId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

TEST_F(WebhookTest, aLevelChangedInShopifyReachesTheLedgerWithinASecondWithoutACycle)
{
    const QString sku = skuAt(3, 1);
    const qint64 target = ledgerAvailable(sku, kSoho) + 13;
    const QString pulls
        = QStringLiteral("SELECT COUNT(*) FROM inbox WHERE topic = 'inventory_levels/pull'");
    const qint64 pullsBefore = countRows(pulls);
    QElapsedTimer timer;
    timer.start();
    setShopifyLevel(sku, kSoho, target);
    ASSERT_TRUE(waitUntil([&] { return ledgerAvailable(sku, kSoho) == target; }, 1000))
        << "still " << ledgerAvailable(sku, kSoho) << " after 1 s";
    const qint64 latencyMs = timer.elapsed();
    ASSERT_TRUE(waitUntil([&] { return !m_handled.isEmpty(); }, 1000));
    std::cout << "[ webhook ] setLevel to ledger: " << latencyMs << " ms (ingest "
              << m_handled.first().elapsedMicros << " µs)\n";
    EXPECT_LT(latencyMs, 1000);
    EXPECT_EQ(m_handled.first().status, 200);
    EXPECT_EQ(m_handled.first().topic.toStdString(), kLevelTopic.toStdString());
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM inbox WHERE topic = "
                                       "'inventory_levels/update' AND outcome = 'applied'")),
              1);
    // No pull ran: the first cycle's rows are all there is.
    EXPECT_EQ(countRows(pulls), pullsBefore);
}

TEST_F(WebhookTest, aWronglySignedDeliveryIsRefusedAuditedAndNotApplied)
{
    setFaults(
        {{QStringLiteral("webhooks"), QJsonObject{{QStringLiteral("badSignatureRate"), 1.0}}}});
    const QString sku = skuAt(4, 0);
    const qint64 before = ledgerAvailable(sku, kSoho);
    setShopifyLevel(sku, kSoho, before + 5);
    ASSERT_TRUE(waitUntil([&] { return !handledWithStatus(401).isEmpty(); }, 3000));
    const HandledDelivery refused = handledWithStatus(401).first();
    EXPECT_FALSE(refused.webhookId.isEmpty());
    EXPECT_EQ(ledgerAvailable(sku, kSoho), before);
    EXPECT_TRUE(handledWithStatus(200).isEmpty());
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM inbox WHERE event_id = '%1'")
                            .arg(refused.webhookId)),
              0);
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                       "'webhook.rejected' AND target = '%1' AND detail LIKE "
                                       "'%inventory_levels/update%'")
                            .arg(refused.webhookId)),
              1);
}

TEST_F(WebhookTest, aDuplicatedDeliveryIsAppliedOnce)
{
    setFaults({{QStringLiteral("webhooks"), QJsonObject{{QStringLiteral("duplicateRate"), 1.0}}}});
    const QString sku = skuAt(5, 2);
    const qint64 target = ledgerAvailable(sku, kSoho) + 9;
    const QString postings = QStringLiteral("SELECT COUNT(*) FROM postings WHERE source = "
                                            "'shopify'");
    const qint64 postingsBefore = countRows(postings);
    setShopifyLevel(sku, kSoho, target);
    ASSERT_TRUE(waitUntil([&] { return handledWithStatus(200).size() >= 2; }, 3000))
        << "handled " << m_handled.size();
    const QList<HandledDelivery> answered = handledWithStatus(200);
    EXPECT_EQ(answered.at(0).webhookId, answered.at(1).webhookId);
    EXPECT_EQ(answered.at(1).reason.toStdString(), "already received");
    EXPECT_EQ(ledgerAvailable(sku, kSoho), target);
    EXPECT_EQ(countRows(postings), postingsBefore + 1);
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM inbox WHERE event_id = '%1'")
                            .arg(answered.first().webhookId)),
              1);
}

TEST_F(WebhookTest, anOlderEventArrivingAfterANewerOneLeavesTheNewerValue)
{
    const QString sku = skuAt(6, 1);
    const qint64 before = ledgerAvailable(sku, kSoho);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray secret = m_sandbox.webhookSecret().toUtf8();
    const QString newerId = uniqueId();
    const QString olderId = uniqueId();
    ASSERT_EQ(
        post(levelBody(sku, kSoho, before + 20, now.addSecs(120)), kLevelTopic, newerId, secret),
        200);
    ASSERT_EQ(ledgerAvailable(sku, kSoho), before + 20);
    EXPECT_EQ(
        post(levelBody(sku, kSoho, before + 3, now.addSecs(-120)), kLevelTopic, olderId, secret),
        200);
    EXPECT_EQ(ledgerAvailable(sku, kSoho), before + 20);
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM inbox WHERE event_id = '%1' AND "
                                       "outcome = 'stale'")
                            .arg(olderId)),
              1);
    ASSERT_TRUE(waitUntil([&] { return m_handled.size() >= 2; }, 1000));
    EXPECT_EQ(m_handled.at(1).reason.toStdString(), "older than the level already applied");
}

TEST_F(WebhookTest, aMalformedBodyWithAValidSignatureIsRefusedAndStoresNothing)
{
    const QString sku = skuAt(7, 0);
    const qint64 before = ledgerAvailable(sku, kSoho);
    const QByteArray secret = m_sandbox.webhookSecret().toUtf8();
    const QByteArray good = levelBody(sku, kSoho, before + 4, QDateTime::currentDateTimeUtc());
    const QByteArray availableField = "\"available\":" + QByteArray::number(before + 4);
    const qint64 inboxBefore = countRows(QStringLiteral("SELECT COUNT(*) FROM inbox"));
    const qint64 auditBefore = countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log"));

    EXPECT_EQ(post(good.left(good.size() / 2), kLevelTopic, uniqueId(), secret), 400);
    QByteArray noTime = good;
    noTime.replace("updated_at", "updated_on");
    EXPECT_EQ(post(noTime, kLevelTopic, uniqueId(), secret), 400);
    QByteArray wordy = good;
    wordy.replace(availableField, QByteArrayLiteral("\"available\":\"four\""));
    EXPECT_EQ(post(wordy, kLevelTopic, uniqueId(), secret), 400);
    QByteArray fractional = good;
    fractional.replace(availableField, QByteArrayLiteral("\"available\":4.5"));
    EXPECT_EQ(post(fractional, kLevelTopic, uniqueId(), secret), 400);

    EXPECT_EQ(ledgerAvailable(sku, kSoho), before);
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM inbox")), inboxBefore);
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log")), auditBefore);

    // The well-formed body itself is accepted, so the refusals above were about the body.
    EXPECT_EQ(post(good, kLevelTopic, uniqueId(), secret), 200);
    EXPECT_EQ(ledgerAvailable(sku, kSoho), before + 4);
}

TEST_F(WebhookTest, aBodySignedWithAnotherSecretIsRefusedBeforeParsing)
{
    const QString sku = skuAt(8, 0);
    const qint64 before = ledgerAvailable(sku, kSoho);
    const QByteArray body = levelBody(sku, kSoho, before + 6, QDateTime::currentDateTimeUtc());
    const QString id = uniqueId();
    EXPECT_EQ(post(body, kLevelTopic, id, QByteArrayLiteral("not-the-secret")), 401);
    // Even a body that is not JSON is only ever judged by its signature first.
    EXPECT_EQ(post(QByteArrayLiteral("{]"), kLevelTopic, uniqueId(), QByteArrayLiteral("nope")),
              401);
    EXPECT_EQ(ledgerAvailable(sku, kSoho), before);
    EXPECT_EQ(
        countRows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'webhook.rejected' "
                                 "AND target = '%1'")
                      .arg(id)),
        1);
}

TEST_F(WebhookTest, aDeliveryForAnotherShopIsRefusedThoughCorrectlySigned)
{
    const QString sku = skuAt(8, 1);
    const qint64 before = ledgerAvailable(sku, kSoho);
    const QByteArray body = levelBody(sku, kSoho, before + 6, QDateTime::currentDateTimeUtc());
    const QString id = uniqueId();
    EXPECT_EQ(post(body,
                   kLevelTopic,
                   id,
                   m_sandbox.webhookSecret().toUtf8(),
                   QByteArrayLiteral("someone-else.myshopify.com")),
              401);
    EXPECT_EQ(ledgerAvailable(sku, kSoho), before);
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM inbox WHERE event_id = '%1'").arg(id)),
              0);
    EXPECT_EQ(post(body, kLevelTopic, uniqueId(), m_sandbox.webhookSecret().toUtf8()), 200);
    EXPECT_TRUE(waitUntil([&] { return ledgerAvailable(sku, kSoho) == before + 6; }, 5000));
}

TEST_F(WebhookTest, otherTopicsAreRecordedOnceAsIgnored)
{
    const QByteArray secret = m_sandbox.webhookSecret().toUtf8();
    const QString id = uniqueId();
    const QByteArray body = QByteArrayLiteral("{\"id\":632910392,\"title\":\"Field Jacket\"}");
    EXPECT_EQ(post(body, QByteArrayLiteral("products/update"), id, secret), 200);
    EXPECT_EQ(post(body, QByteArrayLiteral("products/update"), id, secret), 200);
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM inbox WHERE event_id = '%1' AND "
                                       "topic = 'products/update' AND outcome = 'ignored'")
                            .arg(id)),
              1);
    ASSERT_TRUE(waitUntil([&] { return m_handled.size() >= 2; }, 1000));
    EXPECT_EQ(m_handled.at(1).reason.toStdString(), "already received");
}

TEST_F(WebhookTest, aLevelOfAnUnmappedItemIsRecordedAndLeftToThePullToName)
{
    const QByteArray secret = m_sandbox.webhookSecret().toUtf8();
    const qsizetype before = openExceptions(ExceptionKind::UnknownSku).size();
    QByteArray body = levelBody(skuAt(9, 0), kSoho, 3, QDateTime::currentDateTimeUtc());
    const QByteArray item
        = body.mid(body.indexOf(':') + 1, body.indexOf(',') - body.indexOf(':') - 1);
    const QByteArray field = "\"inventory_item_id\":" + item;
    body.replace(field, QByteArrayLiteral("\"inventory_item_id\":987654321987654321"));
    const QString id = uniqueId();
    EXPECT_EQ(post(body, kLevelTopic, id, secret), 200);
    // A delivery can beat the first mapping; the pull names an unknown SKU by its SKU, once,
    // so the inbox never shows a raw gid.
    EXPECT_EQ(openExceptions(ExceptionKind::UnknownSku).size(), before);
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM inbox WHERE event_id = '%1' AND "
                                       "outcome = 'unknown'")
                            .arg(id)),
              1);
    ASSERT_TRUE(cycle().error.isEmpty());
    for (const SyncException &e : openExceptions(ExceptionKind::UnknownSku)) {
        EXPECT_FALSE(e.entityKey.startsWith(QStringLiteral("gid://"))) << e.entityKey.toStdString();
    }
}

TEST_F(WebhookTest, aLevelWithoutAnAvailableFigureIsRecordedAndChangesNothing)
{
    const QString sku = skuAt(10, 1);
    const qint64 before = ledgerAvailable(sku, kSoho);
    QByteArray body = levelBody(sku, kSoho, 0, QDateTime::currentDateTimeUtc());
    body.replace(QByteArrayLiteral("\"available\":0"), QByteArrayLiteral("\"available\":null"));
    const QString id = uniqueId();
    EXPECT_EQ(post(body, kLevelTopic, id, m_sandbox.webhookSecret().toUtf8()), 200);
    EXPECT_EQ(ledgerAvailable(sku, kSoho), before);
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM inbox WHERE event_id = '%1' AND "
                                       "outcome = 'ignored'")
                            .arg(id)),
              1);
}

TEST_F(WebhookTest, deliveriesArrivingDuringACycleAreNotCountedTwice)
{
    // The cycle reads the ledger once at its start; the receiver settles the same levels on its
    // own thread meanwhile. Each change must still land exactly once.
    QStringList skus;
    for (int style = 20; style < 36; ++style) {
        skus << skuAt(style, 0);
    }
    for (const QString &sku : std::as_const(skus)) {
        setShopifyLevel(sku, kSoho, ledgerAvailable(sku, kSoho) + 7);
    }
    const SyncCycleReport report = cycle();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    ASSERT_TRUE(waitUntil([&] { return m_handled.size() >= skus.size(); }, 5000))
        << "handled " << m_handled.size();
    std::cout << "[ webhook ] during the cycle: " << report.applied << " applied by the pull, "
              << handledWithStatus(200).size() << " deliveries accepted, "
              << handledWithStatus(500).size() << " answered 500 to be sent again\n";
    for (const QString &sku : std::as_const(skus)) {
        EXPECT_EQ(ledgerAvailable(sku, kSoho), shopifyAvailable(sku, kSoho)) << sku.toStdString();
    }
    EXPECT_EQ(ledgerTotalAvailable(), shopifyTotalAvailable());
}
