#include <core/connectors/shopify/shopifysyncstate.h>
#include <core/domain/timestamp.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;

TEST(ShopifySyncState, theCursorMovesPastASettledSecond_andReReadsARecentOne)
{
    const UtcMillis readStart = parseIsoTimestamp(u"2026-11-23T12:00:00Z").value();
    EXPECT_EQ(
        ShopifySyncState::cursorAfter(QString(), QStringLiteral("2026-11-23T11:50:00Z"), readStart),
        QStringLiteral("2026-11-23T11:50:01Z"));
    EXPECT_EQ(
        ShopifySyncState::cursorAfter(QString(), QStringLiteral("2026-11-23T11:59:58Z"), readStart),
        QStringLiteral("2026-11-23T11:59:58Z"));
    EXPECT_EQ(
        ShopifySyncState::cursorAfter(QStringLiteral("kept"), QStringLiteral("garbage"), readStart),
        QStringLiteral("kept"));
}

TEST(ShopifySyncState, aSourceClockAheadOfOursNeverPushesTheCursorIntoTheFuture)
{
    const UtcMillis readStart = parseIsoTimestamp(u"2026-11-23T12:00:00Z").value();
    const QString next = ShopifySyncState::cursorAfter(
        QString(), QStringLiteral("2026-11-23T12:05:00Z"), readStart);
    ASSERT_TRUE(parseIsoTimestamp(next).ok()) << next.toStdString();
    EXPECT_LE(parseIsoTimestamp(next).value(), readStart);
}
