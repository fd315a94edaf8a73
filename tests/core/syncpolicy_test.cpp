#include <core/sync/costbucket.h>
#include <core/sync/retrypolicy.h>
#include <core/sync/threewaycompare.h>
#include <core/sync/webhookverifier.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;

TEST(ThreeWayCompare, oneSidedChangesPropagate_bothSidedOnesGoToTheOwnerOrAPerson)
{
    const QString wms = QStringLiteral("wms");
    EXPECT_EQ(compareThreeWay(
                  {QStringLiteral("10"), QStringLiteral("10"), QStringLiteral("10")}, wms, wms),
              SyncDecision::InSync);
    EXPECT_EQ(compareThreeWay(
                  {QStringLiteral("10"), QStringLiteral("10"), QStringLiteral("12")}, wms, wms),
              SyncDecision::TakeTheirs);
    EXPECT_EQ(compareThreeWay(
                  {QStringLiteral("10"), QStringLiteral("8"), QStringLiteral("10")}, wms, wms),
              SyncDecision::PushOurs);
    EXPECT_EQ(compareThreeWay(
                  {QStringLiteral("10"), QStringLiteral("8"), QStringLiteral("12")}, wms, wms),
              SyncDecision::OwnerTheirs);
    EXPECT_EQ(compareThreeWay({QStringLiteral("10"), QStringLiteral("8"), QStringLiteral("12")},
                              wms,
                              QStringLiteral("erp")),
              SyncDecision::OwnerOurs);
    EXPECT_EQ(compareThreeWay({QStringLiteral("10"), QStringLiteral("8"), QStringLiteral("12")},
                              QString(),
                              wms),
              SyncDecision::Conflict);
    EXPECT_EQ(
        compareThreeWay({std::nullopt, QStringLiteral("8"), QStringLiteral("12")}, QString(), wms),
        SyncDecision::Conflict);
    EXPECT_EQ(compareThreeWay({QStringLiteral("10"), QStringLiteral("12"), QStringLiteral("12")},
                              QString(),
                              wms),
              SyncDecision::InSync);
}

TEST(ThreeWayCompare, firstContactAdoptsTheOwnersFigure_andNeverPushesOverAReportedOne)
{
    const QString wms = QStringLiteral("wms");
    const QString shopify = QStringLiteral("shopify");
    // No agreed base yet: the owner's figure is taken ...
    EXPECT_EQ(compareThreeWay({std::nullopt, QStringLiteral("8"), QStringLiteral("12")}, wms, wms),
              SyncDecision::OwnerTheirs);
    // ... and another system's reported figure goes to a person, never pushed over.
    EXPECT_EQ(
        compareThreeWay({std::nullopt, QStringLiteral("8"), QStringLiteral("12")}, wms, shopify),
        SyncDecision::Conflict);
    EXPECT_EQ(compareThreeWay({std::nullopt, QStringLiteral("8"), QStringLiteral("12")},
                              QStringLiteral("ledger"),
                              shopify),
              SyncDecision::Conflict);
    // Once they agreed, a later one-sided ledger change is pushed as before.
    EXPECT_EQ(compareThreeWay(
                  {QStringLiteral("12"), QStringLiteral("8"), QStringLiteral("12")}, wms, shopify),
              SyncDecision::PushOurs);
}

TEST(RetryPolicy, fullJitterGrowsExponentiallyUpToTheCap)
{
    RetryPolicy alwaysMax(1000, 60'000, 3'600'000, [] { return 0.999999; });
    EXPECT_NEAR(alwaysMax.delayMs(1), 1000, 1);
    EXPECT_NEAR(alwaysMax.delayMs(2), 2000, 1);
    EXPECT_NEAR(alwaysMax.delayMs(4), 8000, 1);
    EXPECT_NEAR(alwaysMax.delayMs(30), 60'000, 1);
    RetryPolicy alwaysMin(1000, 60'000, 3'600'000, [] { return 0.0; });
    EXPECT_EQ(alwaysMin.delayMs(5), 0);
}

TEST(RetryPolicy, retryAfterIsHonouredWhenLonger_andTheBudgetEndsRetrying)
{
    RetryPolicy policy(1000, 60'000, 72LL * 3600 * 1000, [] { return 0.5; });
    EXPECT_EQ(policy.delayMs(1, 30'000), 30'000);
    EXPECT_EQ(policy.delayMs(1, 10), 500);
    EXPECT_TRUE(policy.withinBudget(0, 71LL * 3600 * 1000));
    EXPECT_FALSE(policy.withinBudget(0, 72LL * 3600 * 1000));
}

TEST(CostBucket, waitsOnlyForWhatTheBucketCannotAfford)
{
    CostBucket bucket;
    bucket.observe(1000, 40, 100, 0);
    EXPECT_EQ(bucket.waitMs(10, 0), 0);
    EXPECT_EQ(bucket.waitMs(140, 0), 1000);
    bucket.spend(40, 0);
    EXPECT_EQ(bucket.waitMs(10, 0), 100);
    EXPECT_EQ(bucket.waitMs(10, 100), 0);
    EXPECT_DOUBLE_EQ(bucket.available(100'000), 1000);
}

TEST(WebhookVerifier, matchesShopifysSignatureAndRejectsTampering)
{
    // Check value from the contract: secret "hush", body "{}".
    const QByteArray expected("UFwgrGBPZilFtmKh8TqcovA78LGYb1BdWu9I4Q2oyRg=");
    EXPECT_EQ(WebhookVerifier::sign("hush", "{}"), expected);
    const WebhookVerifier verifier({QByteArray("hush")});
    EXPECT_TRUE(verifier.verify("{}", expected));
    EXPECT_FALSE(verifier.verify("{ }", expected));
    EXPECT_FALSE(verifier.verify("{}", "VFwgrGBPZilFtmKh8TqcovA78LGYb1BdWu9I4Q2oyRg="));
    EXPECT_FALSE(verifier.verify("{}", "not base64!"));
    EXPECT_FALSE(verifier.verify("{}", QByteArray()));
    const WebhookVerifier rotating({QByteArray("new-secret"), QByteArray("hush")});
    EXPECT_TRUE(rotating.verify("{}", expected));
}
