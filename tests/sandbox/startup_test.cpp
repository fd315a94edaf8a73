#include "sandboxprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Ledgerdesk::SandboxTests;

TEST(SandboxStartup, printsUrlsCredentialsAndWritesTheConnectionFile)
{
    QTemporaryDir dir;
    const QString connectionPath = dir.filePath(QStringLiteral("sandbox.connection.json"));
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start({QStringLiteral("--connection-file"), connectionPath}))
        << sandbox.output().toStdString();
    const QString graphqlUrl
        = sandbox.baseUrl() + QStringLiteral("/admin/api/2026-04/graphql.json");
    EXPECT_TRUE(sandbox.output().contains(graphqlUrl));
    EXPECT_TRUE(sandbox.accessToken().startsWith(QStringLiteral("shpat_")));
    EXPECT_TRUE(sandbox.output().contains(QStringLiteral("ledgerdesk-demo.myshopify.com")));

    QFile file(connectionPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject connection = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject shopify = connection.value(QStringLiteral("systems"))
                                    .toObject()
                                    .value(QStringLiteral("shopify"))
                                    .toObject();
    EXPECT_EQ(shopify.value(QStringLiteral("graphqlUrl")).toString(), graphqlUrl);
    EXPECT_EQ(shopify.value(QStringLiteral("accessToken")).toString(), sandbox.accessToken());
    EXPECT_EQ(shopify.value(QStringLiteral("webhookSecret")).toString(), sandbox.webhookSecret());
    EXPECT_EQ(sandbox.get(QStringLiteral("/_sandbox/connection")).json(), connection);

    // The printed credentials are the ones the API accepts.
    const HttpResult shop = sandbox.graphql(QStringLiteral("{ shop { name currencyCode } }"));
    EXPECT_EQ(shop.status, 200);
    EXPECT_EQ(
        shop.json()[QStringLiteral("data")][QStringLiteral("shop")][QStringLiteral("currencyCode")]
            .toString(),
        QStringLiteral("USD"));
}

TEST(SandboxStartup, sigtermStopsCleanly)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    EXPECT_EQ(sandbox.stop(), 0);
    EXPECT_TRUE(sandbox.output().contains(QStringLiteral("Stopped.")));
}

TEST(SandboxStartup, badOptionsAndFaultFilesAreRefusedWithAMessage)
{
    QProcess badSpeed;
    badSpeed.start(SandboxProcess::executable(), {QStringLiteral("--speed"), QStringLiteral("0")});
    ASSERT_TRUE(badSpeed.waitForFinished(10000));
    EXPECT_EQ(badSpeed.exitCode(), 2);
    EXPECT_TRUE(badSpeed.readAllStandardError().contains("--speed"));

    QTemporaryDir dir;
    const QString faults = dir.filePath(QStringLiteral("faults.json"));
    QFile file(faults);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"shopify": {"resetRate": 0.1, "latencyMS": 20}})");
    file.close();
    QProcess badFaults;
    badFaults.start(
        SandboxProcess::executable(),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--faults"), faults});
    ASSERT_TRUE(badFaults.waitForFinished(10000));
    EXPECT_EQ(badFaults.exitCode(), 3);
    EXPECT_TRUE(badFaults.readAllStandardError().contains("shopify.latencyMS"));
}

TEST(SandboxFaults, aSystemTakenDownAnswers503UntilBroughtBack)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const QJsonObject down = sandbox.control(
        {{QStringLiteral("action"), QStringLiteral("setFaults")},
         {QStringLiteral("faults"), QJsonObject{{QStringLiteral("down"), true}}}});
    ASSERT_FALSE(down.contains(QStringLiteral("error")))
        << down.value(QStringLiteral("error")).toString().toStdString();
    EXPECT_EQ(sandbox.graphql(QStringLiteral("{ shop { name } }")).status, 503);
    sandbox.control({{QStringLiteral("action"), QStringLiteral("setFaults")},
                     {QStringLiteral("faults"), QJsonObject{}}});
    EXPECT_EQ(sandbox.graphql(QStringLiteral("{ shop { name } }")).status, 200);
    const QJsonObject unknown = sandbox.control(
        {{QStringLiteral("action"), QStringLiteral("setFaults")},
         {QStringLiteral("faults"), QJsonObject{{QStringLiteral("resetRate"), 2}}}});
    EXPECT_TRUE(
        unknown.value(QStringLiteral("error")).toString().contains(QStringLiteral("resetRate")));
}

TEST(SandboxStartup, theConnectionFileAndOracleCoverTheErpAndWms)
{
    QTemporaryDir dir;
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start({QStringLiteral("--data-dir"), dir.path()}));
    const QJsonObject systems = sandbox.get(QStringLiteral("/_sandbox/connection"))
                                    .json()[QStringLiteral("systems")]
                                    .toObject();
    const QJsonObject erp = systems[QStringLiteral("erp")].toObject();
    EXPECT_EQ(erp[QStringLiteral("recordUrl")].toString(),
              sandbox.baseUrl() + QStringLiteral("/services/rest/record/v1"));
    EXPECT_FALSE(erp[QStringLiteral("tokenSecret")].toString().isEmpty());
    const QJsonObject wms = systems[QStringLiteral("wms")].toObject();
    EXPECT_TRUE(wms[QStringLiteral("inboundFolder")].toString().startsWith(
        QDir(dir.path()).absolutePath()));
    EXPECT_TRUE(QDir(wms[QStringLiteral("inboundFolder")].toString()).exists());
    const QJsonObject state = sandbox.get(QStringLiteral("/_sandbox/state")).json();
    EXPECT_TRUE(state[QStringLiteral("shopify")].isObject());
    EXPECT_TRUE(state[QStringLiteral("erp")].isObject());
    EXPECT_TRUE(state[QStringLiteral("wms")].isObject());
    EXPECT_EQ(sandbox.get(QStringLiteral("/_sandbox/state?system=nope")).status, 404);
}

TEST(SandboxFaults, latencyTruncationResetsAndClockSkewAreInjected)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const auto setFaults = [&](const QJsonObject &faults) {
        return sandbox.control({{QStringLiteral("action"), QStringLiteral("setFaults")},
                                {QStringLiteral("faults"), faults}});
    };
    setFaults({{QStringLiteral("latency"),
                QJsonObject{{QStringLiteral("distribution"), QStringLiteral("fixed")},
                            {QStringLiteral("medianMs"), 150}}}});
    QElapsedTimer timer;
    timer.start();
    EXPECT_EQ(sandbox.graphql(QStringLiteral("{ shop { name } }")).status, 200);
    EXPECT_GE(timer.elapsed(), 140);

    setFaults({{QStringLiteral("truncatedRate"), 1.0}});
    const HttpResult truncated = sandbox.graphql(QStringLiteral("{ shop { name } }"));
    EXPECT_EQ(truncated.status, 200);
    QJsonParseError parseError;
    QJsonDocument::fromJson(truncated.body, &parseError);
    EXPECT_NE(parseError.error, QJsonParseError::NoError);

    setFaults({{QStringLiteral("wrongShapeRate"), 1.0}});
    const HttpResult wrongShape = sandbox.graphql(QStringLiteral("{ shop { name } }"));
    EXPECT_TRUE(wrongShape.json()[QStringLiteral("data")].isArray());

    setFaults({{QStringLiteral("resetRate"), 1.0}});
    const HttpResult reset = sandbox.graphql(QStringLiteral("{ shop { name } }"));
    EXPECT_EQ(reset.status, 0);
    EXPECT_FALSE(reset.error.isEmpty());

    setFaults({{QStringLiteral("clockSkewSeconds"), -7200}});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject created
        = sandbox.control({{QStringLiteral("action"), QStringLiteral("createOrder")}});
    const HttpResult order
        = sandbox.graphql(QStringLiteral("query($id: ID!) { order(id: $id) { createdAt } }"),
                          {{QStringLiteral("id"), created[QStringLiteral("orderId")]}});
    const QDateTime createdAt = QDateTime::fromString(
        order.json()[QStringLiteral("data")][QStringLiteral("order")][QStringLiteral("createdAt")]
            .toString(),
        Qt::ISODate);
    EXPECT_NEAR(double(createdAt.secsTo(now)), 7200.0, 60.0);
}

TEST(SandboxStartup, helpListsTheOptionsAndABusyPortIsReported)
{
    QProcess help;
    help.start(SandboxProcess::executable(), {QStringLiteral("--help")});
    ASSERT_TRUE(help.waitForFinished(10000));
    EXPECT_EQ(help.exitCode(), 0);
    const QByteArray text = help.readAllStandardOutput();
    for (const char *option :
         {"--port", "--seed", "--speed", "--faults", "--data-dir", "--connection-file"}) {
        EXPECT_TRUE(text.contains(option)) << option;
    }

    SandboxProcess first;
    ASSERT_TRUE(first.start());
    QProcess second;
    second.start(SandboxProcess::executable(),
                 {QStringLiteral("--port"), QString::number(first.port())});
    ASSERT_TRUE(second.waitForFinished(15000));
    EXPECT_EQ(second.exitCode(), 3);
    EXPECT_TRUE(second.readAllStandardError().contains(QByteArray::number(first.port())));
}
