#include <core/pricing/pricebook.h>
#include <core/store/sql.h>
#include <tests/support/tempstore.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

const QString kCompany = QStringLiteral("gid://shopify/Company/1");
const QString kLisbon = QStringLiteral("gid://shopify/CompanyLocation/10");
const QString kPorto = QStringLiteral("gid://shopify/CompanyLocation/11");
const QString kList = QStringLiteral("gid://shopify/PriceList/7");
const QString kEur = QStringLiteral("EUR");

B2BSnapshot snapshot()
{
    B2BSnapshot s;
    s.companies << CompanyRecord{kCompany, QStringLiteral("Atlântico Lda")};
    PriceListRecord list;
    list.id = kList;
    list.name = QStringLiteral("Wholesale EUR");
    list.currency = kEur;
    list.adjustmentType = QStringLiteral("PERCENTAGE_DECREASE");
    list.adjustmentPercent = QStringLiteral("38");
    list.prices << PriceListPriceRecord{QStringLiteral("FJ-NAVY-S"), Money(9900, kEur)};
    list.breaks << PriceBreakRecord{QStringLiteral("FJ-NAVY-M"), 12, Money(9500, kEur)}
                << PriceBreakRecord{QStringLiteral("FJ-NAVY-M"), 48, Money(9000, kEur)};
    list.rules << QuantityRuleRecord{QStringLiteral("FJ-NAVY-M"), 6, 600, 6};
    s.priceLists << list;
    CompanyLocationRecord lisbon;
    lisbon.id = kLisbon;
    lisbon.companyId = kCompany;
    lisbon.name = QStringLiteral("Lisboa");
    lisbon.currency = kEur;
    lisbon.paymentTermsName = QStringLiteral("Net 30");
    lisbon.paymentTermsType = QStringLiteral("NET");
    lisbon.dueInDays = 30;
    lisbon.priceListId = kList;
    CompanyLocationRecord porto = lisbon;
    porto.id = kPorto;
    porto.name = QStringLiteral("Porto");
    porto.paymentTermsName.clear();
    porto.paymentTermsType.clear();
    porto.priceListId.clear();
    s.locations << lisbon << porto;
    return s;
}

qint64 rows(TempStore &t, const QString &table)
{
    auto q = runQuery(t.store().connection(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    EXPECT_TRUE(q.ok());
    return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
}

class PriceBookTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        const Status saved = book.save(snapshot());
        ASSERT_TRUE(saved.ok()) << qPrintable(saved.error().message);
        const Status rate = book.setExchangeRate(QStringLiteral("USD"),
                                                 kEur,
                                                 QDate(2026, 1, 1),
                                                 QStringLiteral("0.92"),
                                                 QStringLiteral("finance@brand"));
        ASSERT_TRUE(rate.ok()) << qPrintable(rate.error().message);
    }

    TempStore t;
    PriceBook book{t.store()};
};

} // namespace

TEST_F(PriceBookTest, savedCompaniesLocationsAndListsReadBackExactly)
{
    auto locations = book.companyLocations();
    ASSERT_TRUE(locations.ok());
    ASSERT_EQ(locations.value().size(), 2);
    const CompanyLocationInfo &lisbon = locations.value().at(0);
    EXPECT_EQ(lisbon.id, kLisbon);
    EXPECT_EQ(lisbon.companyId, kCompany);
    EXPECT_EQ(lisbon.companyName, QStringLiteral("Atlântico Lda"));
    EXPECT_EQ(lisbon.currency, kEur);
    EXPECT_EQ(lisbon.paymentTermsName, QStringLiteral("Net 30"));
    EXPECT_EQ(lisbon.terms.type(), PaymentTerms::Type::Net);
    EXPECT_EQ(lisbon.terms.dueInDays(), 30);
    EXPECT_EQ(lisbon.priceListName, QStringLiteral("Wholesale EUR"));
    const CompanyLocationInfo &porto = locations.value().at(1);
    EXPECT_TRUE(porto.priceListName.isEmpty());
    EXPECT_EQ(porto.terms.type(), PaymentTerms::Type::Receipt);

    auto list = book.priceListFor(kLisbon);
    ASSERT_TRUE(list.ok() && list.value());
    EXPECT_EQ(list.value()->currency(), kEur);
    EXPECT_EQ(list.value()->adjustment().basisPoints, 3800);
    EXPECT_EQ(list.value()->fixedPrice(QStringLiteral("FJ-NAVY-S")), Money(9900, kEur));
    EXPECT_EQ(list.value()->priceBreaks(QStringLiteral("FJ-NAVY-M")).size(), 2);
    EXPECT_EQ(list.value()->quantityRule(QStringLiteral("FJ-NAVY-M")).increment(), 6);
    auto none = book.priceListFor(kPorto);
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none.value().has_value());
    auto missing = book.companyLocation(QStringLiteral("gid://shopify/CompanyLocation/99"));
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing.value().has_value());

    auto record = book.priceListRecord(kList);
    ASSERT_TRUE(record.ok() && record.value());
    EXPECT_EQ(record.value()->adjustmentPercent, QStringLiteral("38"));
    EXPECT_EQ(record.value()->breaks.at(1).minimumQuantity, 48);
}

TEST_F(PriceBookTest, savingTheSameSnapshotAgainDuplicatesNothing)
{
    const QStringList tables = {QStringLiteral("companies"),
                                QStringLiteral("company_locations"),
                                QStringLiteral("price_lists"),
                                QStringLiteral("price_list_prices"),
                                QStringLiteral("price_breaks"),
                                QStringLiteral("quantity_rules")};
    QList<qint64> before;
    for (const QString &table : tables) {
        before << rows(t, table);
    }
    EXPECT_EQ(before, (QList<qint64>{1, 2, 1, 1, 2, 1}));
    ASSERT_TRUE(book.save(snapshot()).ok());
    for (int i = 0; i < tables.size(); ++i) {
        EXPECT_EQ(rows(t, tables.at(i)), before.at(i)) << qPrintable(tables.at(i));
    }
    // A list that lost a break loses it in the ledger too.
    B2BSnapshot changed = snapshot();
    changed.priceLists[0].breaks.removeLast();
    ASSERT_TRUE(book.save(changed).ok());
    EXPECT_EQ(rows(t, QStringLiteral("price_breaks")), 1);
}

TEST_F(PriceBookTest, aBadSnapshotStoresNothing)
{
    TempStore fresh;
    PriceBook empty(fresh.store());
    B2BSnapshot bad = snapshot();
    bad.locations[1].priceListId = QStringLiteral("gid://shopify/PriceList/404");
    Status saved = empty.save(bad);
    ASSERT_FALSE(saved.ok());
    EXPECT_TRUE(saved.error().message.contains(QStringLiteral("unknown price list")));
    bad = snapshot();
    bad.priceLists[0].adjustmentPercent = QStringLiteral("12.345");
    saved = empty.save(bad);
    ASSERT_FALSE(saved.ok());
    EXPECT_TRUE(saved.error().message.contains(QStringLiteral("12.345")));
    bad = snapshot();
    bad.locations[0].paymentTermsType = QStringLiteral("NET");
    bad.locations[0].dueInDays = -3;
    EXPECT_FALSE(empty.save(bad).ok());
    EXPECT_EQ(rows(fresh, QStringLiteral("companies")), 0);
    EXPECT_EQ(rows(fresh, QStringLiteral("price_lists")), 0);
}

TEST_F(PriceBookTest, quotesUseTheStoredListAndTheDatedRate)
{
    // 189.00 USD × 0.92 = 173.88 EUR, less 38 % = 107.8056 → 107.81 EUR.
    auto percentage = book.quote(kLisbon, QStringLiteral("FJ-NAVY-L"), 1, QDate(2026, 6, 1));
    ASSERT_TRUE(percentage.ok()) << qPrintable(percentage.error().message);
    EXPECT_EQ(percentage.value().unitPrice, Money(10781, kEur));
    EXPECT_EQ(percentage.value().source, PriceSource::Percentage);
    ASSERT_TRUE(percentage.value().rate.has_value());
    EXPECT_EQ(percentage.value().rate->rateText(), QStringLiteral("0.92"));

    auto fixed = book.quote(kLisbon, QStringLiteral("FJ-NAVY-S"), 3, QDate(2026, 6, 1));
    ASSERT_TRUE(fixed.ok());
    EXPECT_EQ(fixed.value().source, PriceSource::FixedPrice);
    EXPECT_EQ(fixed.value().total, Money(29700, kEur));

    auto broken = book.quote(kLisbon, QStringLiteral("FJ-NAVY-M"), 13, QDate(2026, 6, 1));
    ASSERT_TRUE(broken.ok());
    EXPECT_EQ(broken.value().source, PriceSource::QuantityBreak);
    EXPECT_EQ(broken.value().unitPrice, Money(9500, kEur));
    EXPECT_FALSE(broken.value().acceptable()); // 13 is not a multiple of 6

    auto base = book.quote(QString(), QStringLiteral("FJ-NAVY-L"), 2, QDate(2026, 6, 1));
    ASSERT_TRUE(base.ok());
    EXPECT_EQ(base.value().unitPrice, Money(18900, QStringLiteral("USD")));
    EXPECT_EQ(base.value().source, PriceSource::Base);

    // Before the rate applies there is nothing to convert with.
    auto early = book.quote(kLisbon, QStringLiteral("FJ-NAVY-L"), 1, QDate(2025, 12, 31));
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().code, ErrorCode::NotFound);

    // A newer rate applies from its own day on; the old day keeps its answer.
    ASSERT_TRUE(book.setExchangeRate(QStringLiteral("USD"),
                                     kEur,
                                     QDate(2026, 7, 1),
                                     QStringLiteral("0.95"),
                                     QStringLiteral("finance@brand"))
                    .ok());
    EXPECT_EQ(
        book.quote(kLisbon, QStringLiteral("FJ-NAVY-L"), 1, QDate(2026, 6, 1)).value().unitPrice,
        Money(10781, kEur));
    // 189.00 × 0.95 = 179.55, less 38 % = 111.321 → 111.32.
    EXPECT_EQ(
        book.quote(kLisbon, QStringLiteral("FJ-NAVY-L"), 1, QDate(2026, 7, 2)).value().unitPrice,
        Money(11132, kEur));
}

TEST_F(PriceBookTest, badRatesAndUnknownBuyersAreRefused)
{
    EXPECT_FALSE(book.setExchangeRate(QStringLiteral("USD"),
                                      kEur,
                                      QDate(2026, 2, 1),
                                      QStringLiteral("abc"),
                                      QStringLiteral("finance@brand"))
                     .ok());
    EXPECT_FALSE(book.setExchangeRate(QStringLiteral("USD"),
                                      QStringLiteral("USD"),
                                      QDate(2026, 2, 1),
                                      QStringLiteral("1"),
                                      QStringLiteral("finance@brand"))
                     .ok());
    EXPECT_FALSE(
        book.setExchangeRate(
                QStringLiteral("USD"), kEur, QDate(2026, 2, 1), QStringLiteral("0.9"), QString())
            .ok());
    EXPECT_EQ(rows(t, QStringLiteral("exchange_rates")), 1);
    auto unknown = book.quote(QStringLiteral("gid://shopify/CompanyLocation/99"),
                              QStringLiteral("FJ-NAVY-L"),
                              1,
                              QDate(2026, 6, 1));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    auto noSku = book.quote(kLisbon, QStringLiteral("NOPE"), 1, QDate(2026, 6, 1));
    ASSERT_FALSE(noSku.ok());
    EXPECT_EQ(noSku.error().code, ErrorCode::NotFound);
}
