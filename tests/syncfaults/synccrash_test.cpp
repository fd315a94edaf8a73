#include <core/connectors/shopify/shopifycatalogmapper.h>
#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/connectors/shopify/shopifylevelsync.h>
#include <core/store/sql.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outbox.h>
#include <tests/shopifysync/shopifysyncfixture.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QThread>

#include <signal.h>

#include <iostream>
#include <random>

using namespace Ledgerdesk::Core;
using Ledgerdesk::ShopifySyncTests::ShopifySyncTest;

namespace {

constexpr int kRows = 1500;
constexpr int kKills = 50;

} // namespace

class SyncCrashTest : public ShopifySyncTest
{
protected:
    // Ledger changes on `kRows` linked levels, turned into pending outbox rows without pushing.
    void queueRows()
    {
        auto q = runQuery(m_ledger.store().connection(),
                          QStringLiteral("SELECT entity_key FROM sync_values WHERE system = "
                                         "'shopify' AND entity = 'inventory' ORDER BY entity_key "
                                         "LIMIT ?"),
                          {kRows});
        ASSERT_TRUE(q.ok());
        while (q.value().next()) {
            const auto key = InventoryKey::parse(q.value().value(0).toString());
            ASSERT_TRUE(key.has_value());
            m_touched << qMakePair(key->sku, key->locationCode);
        }
        q.value().finish();
        ASSERT_EQ(m_touched.size(), kRows);
        QList<PostingRequest> requests;
        for (const auto &[sku, code] : m_touched) {
            requests << Ledgerdesk::Testing::adjustment(
                QStringLiteral("crash-%1").arg(requests.size()),
                m_ledger.variant(sku),
                m_ledger.location(code),
                3);
        }
        ASSERT_TRUE(m_ledger.ledger().postBatch(requests).ok());
        ShopifyGraphqlClient client(clientOptions());
        ShopifyIndex index;
        SyncCycleReport report;
        ShopifyCatalogMapper mapper(m_ledger.store(), client);
        ASSERT_TRUE(mapper.mapLocations(index, report).ok());
        ASSERT_TRUE(mapper.mapItems(index, report).ok());
        ASSERT_TRUE(ShopifyLevelSync(m_ledger.store(), client, index).run(report).ok());
        auto backlog = Outbox(m_ledger.store()).backlog(QStringLiteral("shopify"));
        ASSERT_TRUE(backlog.ok());
        ASSERT_EQ(backlog.value().pending, kRows);
    }

    ShopifyClientOptions clientOptions()
    {
        ShopifyClientOptions options;
        options.graphqlUrl = QUrl(m_settings.options[QStringLiteral("graphqlUrl")].toString());
        options.accessToken = m_secrets.read(QStringLiteral("shopify/accessToken")).value();
        return options;
    }

    QStringList childArguments()
    {
        const ShopifyClientOptions options = clientOptions();
        return {m_ledger.store().config().sqlitePath,
                options.graphqlUrl.toString(),
                QString::fromUtf8(options.accessToken),
                QStringLiteral("10")};
    }

    QList<QPair<QString, QString>> m_touched;
};

TEST_F(SyncCrashTest, aPusherKilledAtRandomMomentsDeliversEveryRowExactlyOnce)
{
    firstCycleAcceptingShopify();
    queueRows();
    // A little latency per request so kills land while batches are on the wire.
    setFaults({{QStringLiteral("throttle"),
                QJsonObject{{QStringLiteral("maximumAvailable"), 20000},
                            {QStringLiteral("restoreRate"), 20000}}},
               {QStringLiteral("latency"),
                QJsonObject{{QStringLiteral("distribution"), QStringLiteral("fixed")},
                            {QStringLiteral("medianMs"), 4}}}});
    std::mt19937 random(20261123);
    int kills = 0;
    for (int run = 0; run < kKills; ++run) {
        QProcess child;
        child.start(QStringLiteral(LEDGERDESK_SYNC_CRASH_CHILD), childArguments());
        ASSERT_TRUE(child.waitForStarted(10000));
        QByteArray output;
        while (!output.contains("READY") && !output.contains("ERR")
               && child.state() == QProcess::Running) {
            child.waitForReadyRead(5000);
            output += child.readAllStandardOutput();
        }
        ASSERT_TRUE(output.contains("READY")) << output.toStdString();
        QThread::msleep(std::uniform_int_distribution<int>(0, 40)(random));
        if (child.state() == QProcess::Running) {
            ::kill(pid_t(child.processId()), SIGKILL);
            ++kills;
        }
        child.waitForFinished(10000);
        output += child.readAllStandardOutput();
        ASSERT_FALSE(output.contains("ERR")) << output.toStdString();
    }
    EXPECT_GE(kills, kKills * 4 / 5);

    // The last run is left to finish.
    QProcess last;
    last.start(QStringLiteral(LEDGERDESK_SYNC_CRASH_CHILD), childArguments());
    ASSERT_TRUE(last.waitForFinished(60000));
    const QByteArray tail = last.readAllStandardOutput();
    ASSERT_EQ(last.exitCode(), 0) << tail.toStdString();
    ASSERT_TRUE(tail.contains("DRAINED")) << tail.toStdString();
    // The killed runs delivered most of it; the last one only finished the rest.
    const qint64 finalRun = tail.mid(tail.indexOf("DRAINED") + 8).trimmed().toLongLong();
    EXPECT_LT(finalRun, kRows / 2) << tail.toStdString();

    // Every row is done, its batch applied exactly once, and both sides agree.
    auto rows = runQuery(m_ledger.store().connection(),
                         QStringLiteral("SELECT status, response FROM outbox WHERE target = "
                                        "'shopify'"));
    ASSERT_TRUE(rows.ok());
    QSet<QString> batchKeys;
    qint64 replays = 0;
    int done = 0;
    int total = 0;
    while (rows.value().next()) {
        ++total;
        done += rows.value().value(0).toString() == u"done" ? 1 : 0;
        const QString key
            = QJsonDocument::fromJson(
                  rows.value().value(1).toString().toUtf8())[QStringLiteral("idempotencyKey")]
                  .toString();
        if (!key.isEmpty()) {
            batchKeys.insert(key);
        }
    }
    rows.value().finish();
    EXPECT_EQ(total, kRows);
    EXPECT_EQ(done, kRows);
    for (const QString &key : batchKeys) {
        EXPECT_EQ(idempotency(key)[QStringLiteral("applied")].toInteger(), 1) << key.toStdString();
    }
    for (const QJsonValue &record : m_sandbox.get(QStringLiteral("/_sandbox/idempotency"))
                                        .json()[QStringLiteral("keys")]
                                        .toArray()) {
        replays += record[QStringLiteral("replays")].toInteger();
        EXPECT_LE(record[QStringLiteral("applied")].toInteger(), 1)
            << record[QStringLiteral("key")].toString().toStdString();
    }
    EXPECT_EQ(ledgerTotalAvailable(), shopifyTotalAvailable());
    std::mt19937 pick(7);
    for (int i = 0; i < 40; ++i) {
        const auto &[sku, code] = m_touched.at(int(pick() % m_touched.size()));
        EXPECT_EQ(ledgerAvailable(sku, code), shopifyAvailable(sku, code)) << sku.toStdString();
    }
    std::cout << kills << " kills, " << batchKeys.size() << " batches applied once each, "
              << replays << " resent batches answered from the key\n";
}
