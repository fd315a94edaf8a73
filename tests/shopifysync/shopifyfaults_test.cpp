#include "shopifysyncfixture.h"

#include <core/demo/democatalog.h>
#include <core/sync/synccontroller.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <iostream>

using namespace Ledgerdesk::Core;
using Ledgerdesk::ShopifySyncTests::ShopifySyncTest;

namespace {

QString skuAt(int style, int variant)
{
    static const DemoCatalog catalog = DemoCatalog::generate();
    return catalog.styles().at(style).variants.at(variant).sku;
}

QJsonObject smallBucket(const QString &mode)
{
    // Room for one page at a time, half the refill taken by another app on the shop, so the
    // connector's model of the bucket is optimistic and the shop throttles it.
    return {{QStringLiteral("maximumAvailable"), 300},
            {QStringLiteral("restoreRate"), 4000},
            {QStringLiteral("pressure"), 0.5},
            {QStringLiteral("mode"), mode}};
}

} // namespace

TEST_F(ShopifySyncTest, aThrottledAndFlakyShopStillConverges)
{
    const auto throttled = [this] {
        return m_sandbox.get(QStringLiteral("/_sandbox/throttle"))
            .json()[QStringLiteral("throttledRequests")]
            .toInteger();
    };
    // The whole first pass (56 pages of up to 253 points) through a bucket that holds little
    // more than one page.
    setFaults({{QStringLiteral("throttle"), smallBucket(QStringLiteral("body"))}});
    setOnHandOwner(QStringLiteral("shopify"));
    QElapsedTimer timer;
    timer.start();
    const SyncCycleReport report = cycle();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    std::cout << "first cycle through a throttled shop: " << timer.elapsed() << " ms, "
              << connector().client()->throttledResponses() << " throttled answers\n";
    EXPECT_GT(throttled(), 0);
    EXPECT_GT(connector().client()->throttledResponses(), 0);
    EXPECT_EQ(report.failed, 0);
    EXPECT_EQ(ledgerTotalAvailable(), shopifyTotalAvailable());
    setOnHandOwner(QString());

    // HTTP 429 with Retry-After, server errors, and connections dropped after the request was
    // applied (a lost reply): the resends carry the same keys and apply nothing twice.
    setFaults({{QStringLiteral("throttle"), smallBucket(QStringLiteral("http429"))},
               {QStringLiteral("serverErrorRate"), 0.1},
               {QStringLiteral("resetRate"), 0.1}});
    setShopifyLevel(skuAt(11, 0), QStringLiteral("WH-EAST"), 11);
    setShopifyLevel(skuAt(14, 0), QStringLiteral("3PL-RENO"), 5);
    adjustLedger(QStringLiteral("r-3"), skuAt(15, 0), QStringLiteral("WH-EAST"), 2);
    adjustLedger(QStringLiteral("r-4"), skuAt(16, 1), QStringLiteral("WH-EAST"), 3);
    qint64 pushed = 0;
    qint64 applied = 0;
    for (int pass = 0; pass < 3; ++pass) {
        const SyncCycleReport flaky = cycle();
        ASSERT_TRUE(flaky.error.isEmpty()) << flaky.error.toStdString();
        pushed += flaky.pushed;
        applied += flaky.applied;
    }
    EXPECT_EQ(applied, 2);
    EXPECT_EQ(pushed, 2);
    EXPECT_EQ(ledgerAvailable(skuAt(14, 0), QStringLiteral("3PL-RENO")), 5);
    EXPECT_EQ(ledgerTotalAvailable(), shopifyTotalAvailable());
    const QStringList sent = sentShopifyKeys();
    EXPECT_FALSE(sent.isEmpty());
    for (const QString &key : sent) {
        EXPECT_EQ(idempotency(key)[QStringLiteral("applied")].toInteger(), 1) << key.toStdString();
    }
    EXPECT_TRUE(openExceptions(ExceptionKind::ThrottledPastBudget).isEmpty());
}

TEST_F(ShopifySyncTest, aShopThatGoesAwayIsOfflineAtOnce_andSyncResumesWhenItReturns)
{
    firstCycleAcceptingShopify();
    const quint16 port = m_sandbox.port();
    SyncController controller;
    ASSERT_TRUE(controller
                    .addConnector(
                        std::make_unique<ShopifyConnector>(m_ledger.store(), m_secrets, m_settings),
                        std::chrono::milliseconds(200))
                    .ok());
    const auto status = [&controller] { return controller.status(QStringLiteral("shopify")); };
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return status().cycles > 0 && status().error.isEmpty(); }, 20000));

    ASSERT_EQ(m_sandbox.stop(), 0);
    QElapsedTimer lost;
    lost.start();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return status().state == SyncState::Failed && status().unreachable; }, 20000))
        << status().error.toStdString();
    EXPECT_LT(lost.elapsed(), 10000) << "offline is said within seconds, not after a backoff";
    const UtcMillis since = status().failingSince;
    EXPECT_GT(since, 0);
    QTest::qWait(600); // more failed cycles keep the time the failure began
    EXPECT_EQ(status().failingSince, since);

    // Back on the same address: the next cycle succeeds by itself.
    ASSERT_TRUE(m_sandbox.start({QStringLiteral("--port"),
                                 QString::number(port),
                                 QStringLiteral("--faults"),
                                 m_dir.filePath(QStringLiteral("faults.json"))}))
        << m_sandbox.output().toStdString();
    ASSERT_EQ(m_sandbox.port(), port);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return status().error.isEmpty() && status().failingSince == 0; }, 20000))
        << status().error.toStdString();
    controller.stop();
}
