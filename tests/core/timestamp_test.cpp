#include <core/domain/timestamp.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;

TEST(Timestamp, offsetsAreNormalisedToUtc)
{
    const auto withOffset = parseIsoTimestamp(u"2025-07-02T11:29:59-05:00");
    const auto utc = parseIsoTimestamp(u"2025-07-02T16:29:59Z");
    ASSERT_TRUE(withOffset.ok());
    ASSERT_TRUE(utc.ok());
    EXPECT_EQ(withOffset.value(), utc.value());
    EXPECT_EQ(formatIsoTimestamp(utc.value()), QStringLiteral("2025-07-02T16:29:59.000Z"));
}

TEST(Timestamp, fractionsAndCompactOffsetsAreAccepted)
{
    EXPECT_EQ(parseIsoTimestamp(u"2019-09-07T15:50:00.123456Z").value() % 1000, 123);
    EXPECT_EQ(parseIsoTimestamp(u"2019-09-07T17:50:00+0200").value(),
              parseIsoTimestamp(u"2019-09-07T15:50:00Z").value());
}

TEST(Timestamp, aTimeWithoutZoneOrGarbageIsRejected)
{
    EXPECT_FALSE(parseIsoTimestamp(u"2025-07-02T11:29:59").ok());
    EXPECT_FALSE(parseIsoTimestamp(u"yesterday").ok());
    EXPECT_FALSE(parseIsoTimestamp(u"2025-13-45T11:29:59Z").ok());
}
