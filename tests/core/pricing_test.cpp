#include <core/domain/decimal.h>
#include <core/pricing/pricingengine.h>

#include <gtest/gtest.h>

namespace {

using namespace Ledgerdesk::Core;

Money usd(const char *amount)
{
    return Money::parse(QString::fromLatin1(amount), QStringLiteral("USD")).value();
}

Money eur(const char *amount)
{
    return Money::parse(QString::fromLatin1(amount), QStringLiteral("EUR")).value();
}

QuoteRequest request(qint64 quantity, const Money &base = usd("50.00"))
{
    return {QStringLiteral("TEE-BLK-M"), quantity, base, QDate(2026, 11, 23)};
}

PriceList wholesaleEur()
{
    PriceList list(QStringLiteral("Wholesale EU"),
                   QStringLiteral("EUR"),
                   PriceAdjustment::parse(QStringLiteral("PERCENTAGE_DECREASE"), u"40").value());
    return list;
}

TEST(FixedPoint, ReadsExactDecimalsAndRefusesTheRest)
{
    EXPECT_EQ(parseFixedPoint(u"12.5", 2).scaled, 1250);
    EXPECT_EQ(parseFixedPoint(u"-0.50", 2).scaled, -50);
    EXPECT_EQ(parseFixedPoint(u"3.", 2).scaled, 300);
    EXPECT_EQ(parseFixedPoint(u".25", 2).scaled, 25);
    EXPECT_EQ(parseFixedPoint(u"0.921300000", 9).scaled, 921300000);
    EXPECT_EQ(parseFixedPoint(u"1.230", 2).scaled, 123);
    EXPECT_EQ(parseFixedPoint(u"1.234", 2).problem, DecimalProblem::TooManyDecimals);
    for (const QStringView bad : {u"", u".", u"-", u"1e3", u"1,5", u"12a"}) {
        EXPECT_EQ(parseFixedPoint(bad, 2).problem, DecimalProblem::NotANumber)
            << qPrintable(bad.toString());
    }
    EXPECT_EQ(parseFixedPoint(u"99999999999999999999", 2).problem, DecimalProblem::TooLarge);
}

TEST(QuantityRule, EnforcesMinimumMaximumAndIncrement)
{
    const QuantityRule rule = QuantityRule::make(6, 48, 6).value();
    EXPECT_TRUE(rule.problem(6).isEmpty());
    EXPECT_TRUE(rule.problem(48).isEmpty());
    EXPECT_FALSE(rule.problem(5).isEmpty());
    EXPECT_FALSE(rule.problem(54).isEmpty());
    EXPECT_FALSE(rule.problem(10).isEmpty());
    EXPECT_EQ(rule.nearestAllowed(1), 6);
    EXPECT_EQ(rule.nearestAllowed(10), 12);
    EXPECT_EQ(rule.nearestAllowed(100), 48);
    EXPECT_TRUE(QuantityRule().isDefault());
    EXPECT_TRUE(QuantityRule().problem(1).isEmpty());
    EXPECT_FALSE(QuantityRule().problem(0).isEmpty());
}

TEST(QuantityRule, RefusesRulesNobodyCanKeep)
{
    EXPECT_FALSE(QuantityRule::make(5, 0, 2));  // minimum not a multiple of the increment
    EXPECT_FALSE(QuantityRule::make(4, 10, 4)); // maximum not a multiple
    EXPECT_FALSE(QuantityRule::make(12, 6, 6)); // maximum below minimum
    EXPECT_FALSE(QuantityRule::make(0, 0, 1));  // minimum below one
    EXPECT_FALSE(QuantityRule::make(1, 0, 0));  // no increment
    EXPECT_TRUE(QuantityRule::make(12, 0, 12)); // no maximum
}

TEST(ExchangeRates, UsesTheNewestRateEffectiveOnTheDay)
{
    ExchangeRates rates;
    ASSERT_TRUE(
        rates.add(QStringLiteral("USD"), QStringLiteral("EUR"), QDate(2026, 11, 1), u"0.92"));
    ASSERT_TRUE(
        rates.add(QStringLiteral("USD"), QStringLiteral("EUR"), QDate(2026, 11, 20), u"0.95"));
    EXPECT_EQ(rates.convert(usd("100.00"), QStringLiteral("EUR"), QDate(2026, 11, 19)).value(),
              eur("92.00"));
    EXPECT_EQ(rates.convert(usd("100.00"), QStringLiteral("EUR"), QDate(2026, 11, 20)).value(),
              eur("95.00"));
    const auto before = rates.convert(usd("1.00"), QStringLiteral("EUR"), QDate(2026, 10, 31));
    ASSERT_FALSE(before);
    EXPECT_TRUE(before.error().message.contains(QStringLiteral("2026-10-31")));
    EXPECT_FALSE(rates.convert(usd("1.00"), QStringLiteral("CAD"), QDate(2026, 11, 20)));
}

TEST(ExchangeRates, RoundsHalfAwayFromZeroAcrossMinorUnits)
{
    ExchangeRates rates;
    ASSERT_TRUE(
        rates.add(QStringLiteral("USD"), QStringLiteral("JPY"), QDate(2026, 1, 1), u"151.235"));
    ASSERT_TRUE(
        rates.add(QStringLiteral("JPY"), QStringLiteral("USD"), QDate(2026, 1, 1), u"0.0066"));
    ASSERT_TRUE(rates.add(QStringLiteral("USD"), QStringLiteral("EUR"), QDate(2026, 1, 1), u"0.5"));
    const QDate day(2026, 6, 1);
    EXPECT_EQ(rates.convert(usd("10.00"), QStringLiteral("JPY"), day).value().minorUnits(), 1512);
    EXPECT_EQ(rates.convert(Money(1000, QStringLiteral("JPY")), QStringLiteral("USD"), day)
                  .value()
                  .minorUnits(),
              660);
    EXPECT_EQ(rates.convert(usd("0.01"), QStringLiteral("EUR"), day).value().minorUnits(), 1);
    EXPECT_EQ(rates.convert(usd("-0.01"), QStringLiteral("EUR"), day).value().minorUnits(), -1);
    EXPECT_FALSE(rates.add(QStringLiteral("USD"), QStringLiteral("USD"), day, u"1"));
    EXPECT_FALSE(rates.add(QStringLiteral("USD"), QStringLiteral("EUR"), day, u"-1"));
    EXPECT_FALSE(rates.add(QStringLiteral("USD"), QStringLiteral("EUR"), day, u"0.1234567891"));
    EXPECT_FALSE(rates.add(QStringLiteral("usd"), QStringLiteral("EUR"), day, u"1"));
}

TEST(PricingEngine, BasePriceWhenNoListApplies)
{
    const ExchangeRates rates;
    const Quote quote = PricingEngine(rates).quote(request(3), nullptr).value();
    EXPECT_EQ(quote.source, PriceSource::Base);
    EXPECT_EQ(quote.unitPrice, usd("50.00"));
    EXPECT_EQ(quote.total, usd("150.00"));
    EXPECT_TRUE(quote.acceptable());
    EXPECT_TRUE(quote.explanation.contains(QStringLiteral("50.00 USD")));
}

TEST(PricingEngine, PercentageOfTheConvertedBasePrice)
{
    ExchangeRates rates;
    ASSERT_TRUE(
        rates.add(QStringLiteral("USD"), QStringLiteral("EUR"), QDate(2026, 11, 1), u"0.9213"));
    const PriceList list = wholesaleEur();
    const Quote quote = PricingEngine(rates).quote(request(2), &list).value();
    // 50.00 USD × 0.9213 = 46.065 → 46.07 EUR; less 40 % = 27.642 → 27.64 EUR.
    EXPECT_EQ(quote.source, PriceSource::Percentage);
    EXPECT_EQ(quote.unitPrice, eur("27.64"));
    EXPECT_EQ(quote.total, eur("55.28"));
    ASSERT_TRUE(quote.rate.has_value());
    EXPECT_EQ(quote.rate->effective, QDate(2026, 11, 1));
    EXPECT_TRUE(quote.explanation.contains(QStringLiteral("Wholesale EU")));
    EXPECT_TRUE(quote.explanation.contains(QStringLiteral("0.9213")));
    EXPECT_EQ(priceSourceKey(quote.source), QStringLiteral("percentage"));
}

TEST(PricingEngine, MissingRateIsAnErrorNotAGuess)
{
    const ExchangeRates rates;
    const PriceList list = wholesaleEur();
    const auto quote = PricingEngine(rates).quote(request(2), &list);
    ASSERT_FALSE(quote);
    EXPECT_EQ(quote.error().code, ErrorCode::NotFound);
}

TEST(PricingEngine, FixedPriceBeatsPercentageAndBreakBeatsFixed)
{
    const ExchangeRates rates;
    PriceList list = wholesaleEur();
    const QString sku = QStringLiteral("TEE-BLK-M");
    ASSERT_TRUE(list.setFixedPrice(sku, eur("30.00")));
    ASSERT_TRUE(list.addPriceBreak(sku, {12, eur("27.00")}));
    ASSERT_TRUE(list.addPriceBreak(sku, {48, eur("24.50")}));
    const PricingEngine engine(rates);

    const Quote few = engine.quote(request(11), &list).value();
    EXPECT_EQ(few.source, PriceSource::FixedPrice);
    EXPECT_EQ(few.unitPrice, eur("30.00"));

    const Quote dozen = engine.quote(request(12), &list).value();
    EXPECT_EQ(dozen.source, PriceSource::QuantityBreak);
    EXPECT_EQ(dozen.unitPrice, eur("27.00"));
    EXPECT_EQ(dozen.total, eur("324.00"));

    const Quote many = engine.quote(request(60), &list).value();
    EXPECT_EQ(many.unitPrice, eur("24.50"));
    EXPECT_TRUE(many.explanation.contains(QStringLiteral("48")));

    EXPECT_FALSE(list.setFixedPrice(sku, usd("30.00")));
    EXPECT_FALSE(list.addPriceBreak(sku, {0, eur("1.00")}));
}

TEST(PricingEngine, QuantityOutsideTheRuleIsQuotedWithTheProblem)
{
    const ExchangeRates rates;
    PriceList list(QStringLiteral("Retail partners"), QStringLiteral("USD"));
    list.setQuantityRule(QStringLiteral("TEE-BLK-M"), QuantityRule::make(6, 0, 6).value());
    const PricingEngine engine(rates);
    const Quote odd = engine.quote(request(7), &list).value();
    EXPECT_FALSE(odd.acceptable());
    EXPECT_EQ(odd.rule.nearestAllowed(7), 12);
    EXPECT_TRUE(engine.quote(request(12), &list).value().acceptable());
    // Zero percent against the base price, same currency: the base price itself.
    EXPECT_EQ(odd.unitPrice, usd("50.00"));
}

TEST(PricingEngine, SameRequestSameQuote)
{
    ExchangeRates rates;
    ASSERT_TRUE(rates.add(QStringLiteral("USD"), QStringLiteral("EUR"), QDate(2026, 1, 1), u"0.9"));
    const PriceList list = wholesaleEur();
    const PricingEngine engine(rates);
    const Quote first = engine.quote(request(5), &list).value();
    for (int i = 0; i < 100; ++i) {
        const Quote again = engine.quote(request(5), &list).value();
        EXPECT_EQ(again.unitPrice, first.unitPrice);
        EXPECT_EQ(again.explanation, first.explanation);
    }
}

TEST(PricingEngine, ChargedPriceIsCheckedAgainstTheTier)
{
    const ExchangeRates rates;
    PriceList list(QStringLiteral("Key accounts"),
                   QStringLiteral("USD"),
                   PriceAdjustment::parse(QStringLiteral("PERCENTAGE_DECREASE"), u"45").value());
    const Quote quote = PricingEngine(rates).quote(request(10), &list).value();
    EXPECT_EQ(quote.unitPrice, usd("27.50"));
    EXPECT_TRUE(PricingEngine::priceProblem(quote, usd("27.50")).isEmpty());
    const QString problem = PricingEngine::priceProblem(quote, usd("50.00"));
    EXPECT_TRUE(problem.contains(QStringLiteral("27.50 USD")));
    EXPECT_TRUE(problem.contains(QStringLiteral("50.00 USD")));
}

TEST(PricingEngine, RefusesMalformedRequests)
{
    const ExchangeRates rates;
    const PricingEngine engine(rates);
    EXPECT_FALSE(engine.quote(request(0), nullptr));
    QuoteRequest noSku = request(1);
    noSku.sku.clear();
    EXPECT_FALSE(engine.quote(noSku, nullptr));
    EXPECT_FALSE(engine.quote(request(1, usd("-1.00")), nullptr));
    EXPECT_FALSE(engine.quote(request(std::numeric_limits<qint64>::max()), nullptr));
}

TEST(PriceAdjustment, ParsesShopifyTypesAndPercentages)
{
    const auto increase = PriceAdjustment::parse(QStringLiteral("PERCENTAGE_INCREASE"), u"12.5");
    ASSERT_TRUE(increase);
    EXPECT_EQ(increase.value().basisPoints, 1250);
    EXPECT_FALSE(PriceAdjustment::parse(QStringLiteral("PERCENTAGE_DECREASE"), u"120"));
    EXPECT_FALSE(PriceAdjustment::parse(QStringLiteral("FIXED"), u"10"));
    EXPECT_FALSE(PriceAdjustment::parse(QStringLiteral("PERCENTAGE_DECREASE"), u"-5"));
    EXPECT_FALSE(PriceAdjustment::parse(QStringLiteral("PERCENTAGE_DECREASE"), u"ten"));
}

} // namespace
