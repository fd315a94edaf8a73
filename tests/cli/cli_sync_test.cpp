#include <app/support/keychainsecretstore.h>
#include <app/support/sessionsecretstore.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/outbox.h>
#include <tests/cli/clirunner.h>

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::App::KeychainSecretStore;
using Ledgerdesk::App::SessionSecretStore;
using Ledgerdesk::Testing::CliResult;
using Ledgerdesk::Testing::CliRunner;

namespace {

// No D-Bus session here or in the ledgerdesk-cli processes the tests start, as on a headless
// build machine, whatever the developer's desktop has.
void withoutKeychain()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ledgerdesk-test-bus");
}

QByteArray connectionFile(const QJsonObject &systems)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("format"), QStringLiteral("ledgerdesk-connection")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("systems"), systems}})
        .toJson();
}

QJsonObject wmsSystem(const CliRunner &cli)
{
    const QString root = cli.path(QStringLiteral("wms"));
    for (const char *folder : {"inbound", "outbound", "archive"}) {
        QDir().mkpath(QDir(root).filePath(QString::fromLatin1(folder)));
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("wms-drop-folder")},
                       {QStringLiteral("rootFolder"), root}};
}

} // namespace

TEST(CliSync, statusShowsBacklogExceptionsAndDriftPerSystem)
{
    CliRunner cli;
    cli.seedShop();
    const CliResult quiet = cli.run({QStringLiteral("sync"), QStringLiteral("status")});
    ASSERT_EQ(quiet.exitCode, 0) << quiet.err.toStdString();
    EXPECT_TRUE(quiet.out.contains(QStringLiteral("no sync activity recorded yet")));
    {
        Store store(StoreConfig::sqlite(cli.ledger()));
        ASSERT_TRUE(store.open().ok());
        const UtcMillis now = nowUtcMillis();
        for (const char *key : {"k1", "k2"}) {
            OutboxItem item;
            item.idempotencyKey = QString::fromLatin1(key);
            item.target = QStringLiteral("shopify");
            item.kind = QStringLiteral("inventory.set");
            item.entityKey = QStringLiteral("RT-NAV-S@WH-EAST:available");
            item.payload = "{}";
            ASSERT_TRUE(Outbox::enqueue(store.connection(), item, now - 60000).ok());
        }
        SyncException e;
        e.system = QStringLiteral("wms");
        e.entity = QStringLiteral("inventory");
        e.entityKey = QStringLiteral("RT-NAV-S@SOHO:on_hand");
        ASSERT_TRUE(ExceptionStore::raise(store.connection(), e, now - 2 * 3600 * 1000).ok());
    }

    const CliResult text = cli.run({QStringLiteral("sync"), QStringLiteral("status")});
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("pending 2, in flight 0, dead 0")))
        << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("open 1 (<1h 0, <24h 1, older 0)")));
    EXPECT_TRUE(text.out.contains(QStringLiteral("drift       SOHO 1")));

    const CliResult json
        = cli.run({QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonArray systems = QJsonDocument::fromJson(json.out.toUtf8())
                                   .object()
                                   .value(QStringLiteral("systems"))
                                   .toArray();
    ASSERT_EQ(systems.size(), 2);
    const QJsonObject shopify = systems.at(0).toObject();
    EXPECT_EQ(shopify.value(QStringLiteral("system")).toString(), QStringLiteral("shopify"));
    const QJsonObject outbox = shopify.value(QStringLiteral("outbox")).toObject();
    EXPECT_EQ(outbox.value(QStringLiteral("pending")).toInt(), 2);
    EXPECT_GE(outbox.value(QStringLiteral("oldestPendingAgeMs")).toDouble(), 60000);
    const QJsonObject wms = systems.at(1).toObject();
    EXPECT_EQ(wms.value(QStringLiteral("exceptions"))
                  .toObject()
                  .value(QStringLiteral("underDay"))
                  .toInt(),
              1);
    EXPECT_EQ(wms.value(QStringLiteral("drift"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("location"))
                  .toString(),
              QStringLiteral("SOHO"));
}

TEST(CliSync, onceRunsOneCyclePerSystem_andExitsOneWhenACycleFailed)
{
    withoutKeychain();
    CliRunner cli;
    cli.seedShop();
    const QString good = cli.write(QStringLiteral("wms.json"),
                                   connectionFile({{QStringLiteral("wms"), wmsSystem(cli)}}));
    const CliResult ran = cli.run(
        {QStringLiteral("sync"), QStringLiteral("once"), QStringLiteral("--connection"), good});
    ASSERT_EQ(ran.exitCode, 0) << ran.err.toStdString();
    EXPECT_TRUE(ran.out.contains(QStringLiteral("  wms  ok  "))) << ran.out.toStdString();

    // A WMS entry that names no folders cannot open: the cycle reports why.
    const QString broken = cli.write(
        QStringLiteral("broken.json"),
        connectionFile(
            {{QStringLiteral("wms"),
              QJsonObject{{QStringLiteral("kind"), QStringLiteral("wms-drop-folder")}}}}));
    const CliResult failed = cli.run(
        {QStringLiteral("sync"), QStringLiteral("once"), QStringLiteral("--connection"), broken});
    EXPECT_EQ(failed.exitCode, 1);
    EXPECT_TRUE(failed.out.contains(QStringLiteral("  wms  FAILED  "))) << failed.out.toStdString();
    EXPECT_TRUE(failed.out.contains(QStringLiteral("inboundFolder")));
}

TEST(CliSync, refusesToKeepSecretsWithoutAKeychain_unlessToldToHoldThemInMemory)
{
    withoutKeychain();
    CliRunner cli;
    cli.seedShop();
    QJsonObject systems{{QStringLiteral("wms"), wmsSystem(cli)},
                        {QStringLiteral("erp"),
                         QJsonObject{{QStringLiteral("kind"), QStringLiteral("sap-b1")},
                                     {QStringLiteral("tokenSecret"), QStringLiteral("s3cr3t")}}}};
    const QString file = cli.write(QStringLiteral("conn.json"), connectionFile(systems));
    QElapsedTimer elapsed;
    elapsed.start();
    const CliResult refused = cli.run(
        {QStringLiteral("sync"), QStringLiteral("once"), QStringLiteral("--connection"), file});
    EXPECT_LT(elapsed.elapsed(), 8000) << "no waiting for a keychain that is not there";
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("no keychain available")))
        << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("--insecure-memory-secrets")));
    EXPECT_FALSE(refused.out.contains(QStringLiteral("s3cr3t")));
    EXPECT_FALSE(refused.err.contains(QStringLiteral("s3cr3t")));

    const CliResult inMemory = cli.run({QStringLiteral("sync"),
                                        QStringLiteral("once"),
                                        QStringLiteral("--connection"),
                                        file,
                                        QStringLiteral("--insecure-memory-secrets")});
    ASSERT_EQ(inMemory.exitCode, 0) << inMemory.err.toStdString();
    EXPECT_TRUE(
        inMemory.err.contains(QStringLiteral("skipping erp: no connector for kind \"sap-b1\"")));
    EXPECT_TRUE(inMemory.out.contains(QStringLiteral("  wms  ok  ")));

    // Asked for by name, a system without a connector is an error.
    const CliResult named = cli.run({QStringLiteral("sync"),
                                     QStringLiteral("once"),
                                     QStringLiteral("--connection"),
                                     file,
                                     QStringLiteral("--insecure-memory-secrets"),
                                     QStringLiteral("--system"),
                                     QStringLiteral("erp")});
    EXPECT_EQ(named.exitCode, 1);
    EXPECT_TRUE(named.err.contains(QStringLiteral("no connector for erp")))
        << named.err.toStdString();
}

TEST(CliSync, badArgumentsAndFilesGetClearMessages)
{
    CliRunner cli;
    cli.seedShop();
    EXPECT_EQ(cli.run({QStringLiteral("sync")}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("sync"), QStringLiteral("sideways")}).exitCode, 2);
    const CliResult noFile = cli.run({QStringLiteral("sync"), QStringLiteral("once")});
    EXPECT_EQ(noFile.exitCode, 2);
    EXPECT_TRUE(noFile.err.contains(QStringLiteral("--connection FILE")));
    const QString junk = cli.write(QStringLiteral("junk.json"), "not json");
    const CliResult bad = cli.run(
        {QStringLiteral("sync"), QStringLiteral("once"), QStringLiteral("--connection"), junk});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("is not a JSON object")));
    const QString other
        = cli.write(QStringLiteral("other.json"), R"({"format": "something-else"})");
    const CliResult wrong = cli.run({QStringLiteral("sync"),
                                     QStringLiteral("once"),
                                     QStringLiteral("--connection"),
                                     other,
                                     QStringLiteral("--system"),
                                     QStringLiteral("wms")});
    EXPECT_EQ(wrong.exitCode, 1);
    EXPECT_TRUE(wrong.err.contains(QStringLiteral("not a Ledgerdesk connection file")));
    const CliResult help = cli.run({QStringLiteral("sync"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("--insecure-memory-secrets")));
}

TEST(KeychainSecretStore, withoutAKeychainServiceEveryCallFailsAtOnceWithTheReason)
{
    withoutKeychain();
    KeychainSecretStore keychain(std::chrono::milliseconds(3000));
    QElapsedTimer elapsed;
    elapsed.start();
    EXPECT_FALSE(keychain.available().ok());
    const auto read = keychain.read(QStringLiteral("shopify/accessToken"));
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(read.error().message.startsWith(QStringLiteral("no keychain available: ")))
        << read.error().message.toStdString();
    EXPECT_FALSE(keychain.write(QStringLiteral("shopify/accessToken"), "shpat_1").ok());
    EXPECT_FALSE(keychain.remove(QStringLiteral("shopify/accessToken")).ok());
    EXPECT_LT(elapsed.elapsed(), 2000);
    EXPECT_EQ(KeychainSecretStore::serviceName(), QStringLiteral("Ledgerdesk"));
}

TEST(SessionSecretStore, keepsNothingWhenTheDurableStoreRefuses)
{
    withoutKeychain();
    SessionSecretStore backed(std::make_unique<KeychainSecretStore>());
    EXPECT_FALSE(backed.write(QStringLiteral("erp/tokenSecret"), "s").ok());
    EXPECT_FALSE(backed.read(QStringLiteral("erp/tokenSecret")).ok());

    SessionSecretStore memoryOnly(nullptr);
    ASSERT_TRUE(memoryOnly.write(QStringLiteral("erp/tokenSecret"), "s").ok());
    EXPECT_EQ(memoryOnly.read(QStringLiteral("erp/tokenSecret")).value(), QByteArray("s"));
    ASSERT_TRUE(memoryOnly.remove(QStringLiteral("erp/tokenSecret")).ok());
    EXPECT_EQ(memoryOnly.read(QStringLiteral("erp/tokenSecret")).error().code, ErrorCode::NotFound);
}
