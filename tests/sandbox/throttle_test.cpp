#include "sandboxprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace Ledgerdesk::SandboxTests;

namespace {

QStringList faultsFile(const QTemporaryDir &dir, const QByteArray &json)
{
    const QString path = dir.filePath(QStringLiteral("faults.json"));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(json);
    return {QStringLiteral("--faults"), path};
}

const QString kPage = QStringLiteral("{ productVariants(first: 20) { nodes { id sku } } }");

bool isThrottled(const HttpResult &result)
{
    return result
               .json()[QStringLiteral("errors")][0][QStringLiteral("extensions")]
                      [QStringLiteral("code")]
               .toString()
           == u"THROTTLED";
}

} // namespace

TEST(ShopifyThrottle, aBurstIsThrottledWithTheDocumentedBody)
{
    QTemporaryDir dir;
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start(faultsFile(
        dir, R"({"shopify": {"throttle": {"maximumAvailable": 100, "restoreRate": 5}}})")));
    int ok = 0;
    int throttled = 0;
    HttpResult last;
    for (int i = 0; i < 12; ++i) {
        const HttpResult result = sandbox.graphql(kPage);
        ASSERT_EQ(result.status, 200);
        const QJsonObject cost
            = result.json()[QStringLiteral("extensions")][QStringLiteral("cost")].toObject();
        EXPECT_EQ(
            cost[QStringLiteral("throttleStatus")][QStringLiteral("maximumAvailable")].toDouble(),
            100.0);
        EXPECT_EQ(cost[QStringLiteral("throttleStatus")][QStringLiteral("restoreRate")].toDouble(),
                  5.0);
        if (isThrottled(result)) {
            ++throttled;
            EXPECT_TRUE(cost[QStringLiteral("actualQueryCost")].isNull());
            EXPECT_FALSE(result.json().contains(QStringLiteral("data")));
            EXPECT_EQ(
                result.json()[QStringLiteral("errors")][0][QStringLiteral("message")].toString(),
                QStringLiteral("Throttled"));
        } else {
            ++ok;
            EXPECT_GT(cost[QStringLiteral("requestedQueryCost")].toDouble(), 0.0);
        }
    }
    EXPECT_GE(ok, 3);
    EXPECT_GE(throttled, 3);
    const QJsonObject oracle = sandbox.get(QStringLiteral("/_sandbox/throttle")).json();
    EXPECT_EQ(oracle[QStringLiteral("throttledRequests")].toInteger(), throttled);
}

TEST(ShopifyThrottle, http429ModeSendsRetryAfter)
{
    QTemporaryDir dir;
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start(faultsFile(
        dir,
        R"({"shopify": {"throttle": {"maximumAvailable": 50, "restoreRate": 5, "mode": "http429"}}})")));
    HttpResult throttled;
    for (int i = 0; i < 10 && throttled.status != 429; ++i) {
        throttled = sandbox.graphql(kPage);
    }
    ASSERT_EQ(throttled.status, 429);
    EXPECT_GE(throttled.header("Retry-After").toInt(), 1);
    EXPECT_TRUE(isThrottled(throttled));
}

TEST(ShopifyThrottle, aQueryAboveTheSingleQueryLimitIsRefused)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const HttpResult result
        = sandbox.graphql(QStringLiteral("{ inventoryItems(first: 250) { nodes { id "
                                         "inventoryLevels(first: 50) { nodes { id } } } } }"));
    EXPECT_EQ(result
                  .json()[QStringLiteral("errors")][0][QStringLiteral("extensions")]
                         [QStringLiteral("code")]
                  .toString(),
              QStringLiteral("MAX_COST_EXCEEDED"));
    EXPECT_GT(result
                  .json()[QStringLiteral("extensions")][QStringLiteral("cost")]
                         [QStringLiteral("requestedQueryCost")]
                  .toDouble(),
              1000.0);
}

TEST(ShopifyThrottle, pressureFromAnotherAppSlowsTheRefill)
{
    QTemporaryDir dir;
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start(faultsFile(
        dir,
        R"({"shopify": {"throttle": {"maximumAvailable": 1000, "restoreRate": 100, "pressure": 0.9}}})")));
    // Drain most of the bucket, then watch one second of refill.
    for (int i = 0; i < 4; ++i) {
        sandbox.graphql(QStringLiteral("{ productVariants(first: 240) { nodes { id } } }"));
    }
    const double before
        = sandbox.get(QStringLiteral("/_sandbox/throttle"))
              .json()[QStringLiteral("throttleStatus")][QStringLiteral("currentlyAvailable")]
              .toDouble();
    ASSERT_LT(before, 600.0);
    QThread::msleep(1000);
    const double after
        = sandbox.get(QStringLiteral("/_sandbox/throttle"))
              .json()[QStringLiteral("throttleStatus")][QStringLiteral("currentlyAvailable")]
              .toDouble();
    EXPECT_GE(after - before, 5.0);
    EXPECT_LE(after - before, 30.0); // 10 points/s left for us instead of 100
}
