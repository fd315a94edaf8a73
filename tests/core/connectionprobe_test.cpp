#include <core/sync/connectionbook.h>
#include <core/sync/connectionprobe.h>
#include <core/sync/secretstore.h>
#include <tests/sandbox/sandboxprocess.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Core::ConnectionProbe;
using Core::ConnectionSettings;
using Core::ProbeResult;
using SandboxTests::SandboxProcess;

namespace {

// Runs one probe to its end and returns what it reported (exactly once).
ProbeResult probeOnce(ConnectionProbe &probe,
                      const ConnectionSettings &settings,
                      const QHash<QString, QString> &secrets)
{
    QSignalSpy finished(&probe, &ConnectionProbe::finished);
    probe.start(settings, secrets);
    EXPECT_TRUE(probe.isRunning());
    if (finished.isEmpty()) {
        EXPECT_TRUE(finished.wait(probe.timeoutMs() + 5000));
    }
    QTest::qWait(50); // a second report would arrive here
    EXPECT_EQ(finished.size(), 1);
    EXPECT_FALSE(probe.isRunning());
    return finished.isEmpty() ? ProbeResult{} : finished.first().first().value<ProbeResult>();
}

// The sandbox's connection, with its secrets by field name.
struct SandboxConnection
{
    ConnectionSettings settings;
    QHash<QString, QString> secrets;
};

SandboxConnection fromSandbox(SandboxProcess &sandbox, const QString &system)
{
    const QJsonObject file = sandbox.get(QStringLiteral("/_sandbox/connection")).json();
    Core::InMemorySecretStore store;
    SandboxConnection connection;
    const auto settings = ConnectionSettings::fromConnectionFile(file, system, store);
    EXPECT_TRUE(settings.ok());
    if (settings) {
        connection.settings = settings.value();
    }
    const QJsonObject entry
        = file.value(QStringLiteral("systems")).toObject().value(system).toObject();
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        if (ConnectionSettings::isSecretField(it.key())) {
            connection.secrets.insert(it.key(), it.value().toString());
        }
    }
    return connection;
}

quint16 deadPort()
{
    QTcpServer server;
    EXPECT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

ConnectionSettings shopifyAt(const QString &graphqlUrl)
{
    ConnectionSettings settings;
    settings.system = QStringLiteral("shopify");
    settings.kind = QStringLiteral("shopify");
    settings.options.insert(QStringLiteral("graphqlUrl"), graphqlUrl);
    return settings;
}

class ConnectionProbeSandbox : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_sandbox.start()) << qPrintable(m_sandbox.output()); }

    SandboxProcess m_sandbox;
};

} // namespace

TEST_F(ConnectionProbeSandbox, ShopifyAnswersWithTheShopName)
{
    const QString shopName = m_sandbox.graphql(QStringLiteral("{ shop { name } }"))
                                 .json()
                                 .value(QStringLiteral("data"))
                                 .toObject()
                                 .value(QStringLiteral("shop"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString();
    ASSERT_FALSE(shopName.isEmpty());
    SandboxConnection connection = fromSandbox(m_sandbox, QStringLiteral("shopify"));
    // The form's way: shop URL and version, no endpoint.
    connection.settings.options.remove(QStringLiteral("graphqlUrl"));
    ConnectionProbe probe;
    QElapsedTimer clock;
    clock.start();
    const ProbeResult result = probeOnce(probe, connection.settings, connection.secrets);
    EXPECT_TRUE(result.ok()) << qPrintable(result.message);
    EXPECT_EQ(result.httpStatus, 200);
    EXPECT_TRUE(result.message.contains(shopName)) << qPrintable(result.message);
}

TEST_F(ConnectionProbeSandbox, ShopifyWithAWrongTokenSaysSo)
{
    SandboxConnection connection = fromSandbox(m_sandbox, QStringLiteral("shopify"));
    connection.secrets.insert(QStringLiteral("accessToken"), QStringLiteral("shpat_wrong"));
    ConnectionProbe probe;
    const ProbeResult result = probeOnce(probe, connection.settings, connection.secrets);
    EXPECT_EQ(result.outcome, ProbeResult::Outcome::Failed);
    EXPECT_EQ(result.httpStatus, 401);
    EXPECT_TRUE(result.message.contains(QLatin1String("refused the access token")))
        << qPrintable(result.message);
}

TEST_F(ConnectionProbeSandbox, ShopifyWithAnUnknownVersionPointsAtTheAddress)
{
    SandboxConnection connection = fromSandbox(m_sandbox, QStringLiteral("shopify"));
    connection.settings.options.insert(
        QStringLiteral("graphqlUrl"),
        QString(m_sandbox.baseUrl() + QStringLiteral("/admin/graphql.json")));
    ConnectionProbe probe;
    const ProbeResult result = probeOnce(probe, connection.settings, connection.secrets);
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.httpStatus, 404);
    EXPECT_TRUE(result.message.contains(QLatin1String("API version")))
        << qPrintable(result.message);
}

TEST_F(ConnectionProbeSandbox, NetSuiteAcceptsASignedSuiteQlQuery)
{
    const SandboxConnection connection = fromSandbox(m_sandbox, QStringLiteral("erp"));
    ConnectionProbe probe;
    const ProbeResult result = probeOnce(probe, connection.settings, connection.secrets);
    EXPECT_TRUE(result.ok()) << qPrintable(result.message);
    EXPECT_TRUE(result.message.contains(
        connection.settings.options.value(QStringLiteral("accountId")).toString()))
        << qPrintable(result.message);
}

TEST_F(ConnectionProbeSandbox, NetSuiteWithAWrongSecretIsRefused)
{
    SandboxConnection connection = fromSandbox(m_sandbox, QStringLiteral("erp"));
    connection.secrets.insert(QStringLiteral("tokenSecret"), QStringLiteral("not-the-secret"));
    ConnectionProbe probe;
    const ProbeResult result = probeOnce(probe, connection.settings, connection.secrets);
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.httpStatus, 401);
    EXPECT_TRUE(result.message.contains(QLatin1String("refused the token credentials")))
        << qPrintable(result.message);
}

TEST_F(ConnectionProbeSandbox, WmsFoldersOfTheSandboxExistAndTakeFiles)
{
    const SandboxConnection connection = fromSandbox(m_sandbox, QStringLiteral("wms"));
    ConnectionProbe probe;
    const ProbeResult result = probeOnce(probe, connection.settings, {});
    EXPECT_TRUE(result.ok()) << qPrintable(result.message);
    // The check leaves nothing behind for the warehouse to pick up.
    const QString inbound
        = connection.settings.options.value(QStringLiteral("inboundFolder")).toString();
    EXPECT_TRUE(QDir(inbound)
                    .entryList(QDir::Files | QDir::Hidden)
                    .filter(QStringLiteral("probe"))
                    .isEmpty());
}

TEST(ConnectionProbe, DeadPortIsNotReachable)
{
    ConnectionProbe probe;
    const quint16 port = deadPort();
    const ProbeResult result = probeOnce(
        probe,
        shopifyAt(QStringLiteral("http://127.0.0.1:%1/admin/api/2026-04/graphql.json").arg(port)),
        {{QStringLiteral("accessToken"), QStringLiteral("shpat_x")}});
    EXPECT_EQ(result.outcome, ProbeResult::Outcome::Failed);
    EXPECT_TRUE(result.message.contains(QLatin1String("refused"))) << qPrintable(result.message);
    EXPECT_TRUE(result.message.contains(QString::number(port))) << qPrintable(result.message);
}

TEST(ConnectionProbe, SilentServerTimesOutWithoutBlocking)
{
    QTcpServer silent; // accepts and never answers
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    ConnectionProbe probe;
    probe.setTimeoutMs(600);
    QSignalSpy progress(&probe, &ConnectionProbe::progress);
    QElapsedTimer clock;
    clock.start();
    QSignalSpy finished(&probe, &ConnectionProbe::finished);
    probe.start(
        shopifyAt(QStringLiteral("http://127.0.0.1:%1/graphql.json").arg(silent.serverPort())),
        {{QStringLiteral("accessToken"), QStringLiteral("shpat_x")}});
    EXPECT_LT(clock.elapsed(), 200); // start() returns at once
    EXPECT_TRUE(probe.isRunning());
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_GE(clock.elapsed(), 550);
    const auto result = finished.first().first().value<ProbeResult>();
    EXPECT_EQ(result.outcome, ProbeResult::Outcome::Failed);
    EXPECT_TRUE(result.message.contains(QLatin1String("did not answer within")))
        << qPrintable(result.message);
    EXPECT_GE(progress.size(), 2); // the request, then at least one tick while waiting
}

TEST(ConnectionProbe, CancelEndsTheTestOnce)
{
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    ConnectionProbe probe;
    QSignalSpy finished(&probe, &ConnectionProbe::finished);
    probe.start(
        shopifyAt(QStringLiteral("http://127.0.0.1:%1/graphql.json").arg(silent.serverPort())),
        {{QStringLiteral("accessToken"), QStringLiteral("shpat_x")}});
    QTest::qWait(100);
    probe.cancel();
    ASSERT_EQ(finished.size(), 1);
    EXPECT_EQ(finished.first().first().value<ProbeResult>().outcome,
              ProbeResult::Outcome::Cancelled);
    EXPECT_FALSE(probe.isRunning());
    QTest::qWait(200);
    EXPECT_EQ(finished.size(), 1);
}

TEST(ConnectionProbe, MissingInputFailsAtOnceWithAReason)
{
    ConnectionProbe probe;
    ProbeResult result
        = probeOnce(probe, shopifyAt(QStringLiteral("http://127.0.0.1:9/graphql")), {});
    EXPECT_TRUE(result.message.contains(QLatin1String("access token")))
        << qPrintable(result.message);
    result = probeOnce(probe,
                       shopifyAt(QStringLiteral("shop.example.com")),
                       {{QStringLiteral("accessToken"), QStringLiteral("shpat_x")}});
    EXPECT_TRUE(result.message.contains(QLatin1String("not a web address")))
        << qPrintable(result.message);
}

TEST(ConnectionProbe, WmsFolderThatDoesNotExistIsNamed)
{
    QTemporaryDir dir;
    for (const char *name : {"inbound", "outbound"}) {
        ASSERT_TRUE(QDir(dir.path()).mkdir(QLatin1String(name)));
    }
    ConnectionSettings wms;
    wms.system = QStringLiteral("wms");
    wms.kind = QStringLiteral("wms-drop-folder");
    wms.options.insert(QStringLiteral("rootFolder"), dir.path());
    ConnectionProbe probe;
    ProbeResult result = probeOnce(probe, wms, {});
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.message.contains(QLatin1String("archive folder")))
        << qPrintable(result.message);
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("archive")));
    result = probeOnce(probe, wms, {});
    EXPECT_TRUE(result.ok()) << qPrintable(result.message);
}

TEST(ConnectionProbe, DestroyedWhileWaitingReportsNothing)
{
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    int reports = 0;
    {
        ConnectionProbe probe;
        QObject::connect(&probe, &ConnectionProbe::finished, [&reports] { ++reports; });
        probe.start(
            shopifyAt(QStringLiteral("http://127.0.0.1:%1/graphql.json").arg(silent.serverPort())),
            {{QStringLiteral("accessToken"), QStringLiteral("shpat_x")}});
        QTest::qWait(100);
    }
    QTest::qWait(100);
    EXPECT_EQ(reports, 0);
}
