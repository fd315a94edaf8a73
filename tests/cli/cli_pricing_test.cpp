#include <core/pricing/pricebook.h>
#include <core/store/store.h>
#include <tests/cli/clirunner.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::CliResult;
using Ledgerdesk::Testing::CliRunner;

namespace {

const QString kLocation = QStringLiteral("gid://shopify/CompanyLocation/5");

class CliPricing : public ::testing::Test
{
protected:
    void SetUp() override
    {
        cli.seedShop();
        // What the Shopify pull would store: one EUR buyer at 25 % off.
        Store store(StoreConfig::sqlite(cli.ledger()));
        ASSERT_TRUE(store.open().ok());
        B2BSnapshot s;
        s.companies << CompanyRecord{QStringLiteral("gid://shopify/Company/1"),
                                     QStringLiteral("Atelier Rossi")};
        s.priceLists << PriceListRecord{QStringLiteral("gid://shopify/PriceList/2"),
                                        QStringLiteral("Wholesale EUR"),
                                        QStringLiteral("EUR"),
                                        QStringLiteral("PERCENTAGE_DECREASE"),
                                        QStringLiteral("25"),
                                        {},
                                        {},
                                        {}};
        s.locations << CompanyLocationRecord{kLocation,
                                             s.companies.first().id,
                                             QStringLiteral("Milan"),
                                             QStringLiteral("EUR"),
                                             QStringLiteral("Net 30"),
                                             QStringLiteral("NET"),
                                             30,
                                             {},
                                             s.priceLists.first().id};
        ASSERT_TRUE(PriceBook(store).save(s).ok());
    }

    CliRunner cli;
};

} // namespace

TEST_F(CliPricing, aRateSetOnTheCommandLinePricesTheBuyersQuote)
{
    const CliResult missing = cli.run({QStringLiteral("pricing"),
                                       QStringLiteral("quote"),
                                       QStringLiteral("--company-location"),
                                       kLocation,
                                       QStringLiteral("--sku"),
                                       QStringLiteral("RT-NAV-S"),
                                       QStringLiteral("--quantity"),
                                       QStringLiteral("2")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("no USD → EUR exchange rate")))
        << missing.err.toStdString();

    const CliResult set = cli.run({QStringLiteral("pricing"),
                                   QStringLiteral("rates"),
                                   QStringLiteral("set"),
                                   QStringLiteral("USD"),
                                   QStringLiteral("EUR"),
                                   QStringLiteral("2026-01-01"),
                                   QStringLiteral("0.92"),
                                   QStringLiteral("--actor"),
                                   QStringLiteral("finance@brand")});
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();

    // 34.00 USD × 0.92 = 31.28 EUR, less 25 % = 23.46 EUR.
    const CliResult quoted = cli.run({QStringLiteral("pricing"),
                                      QStringLiteral("quote"),
                                      QStringLiteral("--company-location"),
                                      kLocation,
                                      QStringLiteral("--sku"),
                                      QStringLiteral("RT-NAV-S"),
                                      QStringLiteral("--quantity"),
                                      QStringLiteral("2"),
                                      QStringLiteral("--date"),
                                      QStringLiteral("2026-03-01"),
                                      QStringLiteral("--json")});
    ASSERT_EQ(quoted.exitCode, 0) << quoted.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(quoted.out.toUtf8()).object();
    EXPECT_EQ(json[QStringLiteral("unitPrice")].toString(), QStringLiteral("23.46"));
    EXPECT_EQ(json[QStringLiteral("total")].toString(), QStringLiteral("46.92"));
    EXPECT_EQ(json[QStringLiteral("currency")].toString(), QStringLiteral("EUR"));
    EXPECT_EQ(json[QStringLiteral("source")].toString(), QStringLiteral("percentage"));
    EXPECT_EQ(json[QStringLiteral("rate")].toString(), QStringLiteral("0.92"));

    const CliResult base = cli.run({QStringLiteral("pricing"),
                                    QStringLiteral("quote"),
                                    QStringLiteral("--sku"),
                                    QStringLiteral("RT-NAV-S"),
                                    QStringLiteral("--quantity"),
                                    QStringLiteral("3")});
    ASSERT_EQ(base.exitCode, 0);
    EXPECT_TRUE(base.out.contains(QStringLiteral("34.00 USD = 102.00 USD")))
        << base.out.toStdString();

    const CliResult listed = cli.run({QStringLiteral("pricing"), QStringLiteral("locations")});
    ASSERT_EQ(listed.exitCode, 0);
    EXPECT_TRUE(listed.out.contains(QStringLiteral("Atelier Rossi / Milan  Wholesale EUR  Net 30")))
        << listed.out.toStdString();
}

TEST_F(CliPricing, badArgumentsAreRefusedAndStoreNothing)
{
    for (const QStringList &args :
         {QStringList{QStringLiteral("rates"),
                      QStringLiteral("set"),
                      QStringLiteral("USD"),
                      QStringLiteral("EUR"),
                      QStringLiteral("2026-13-01"),
                      QStringLiteral("0.92")},
          QStringList{QStringLiteral("rates"),
                      QStringLiteral("set"),
                      QStringLiteral("USD"),
                      QStringLiteral("EUR"),
                      QStringLiteral("2026-01-01"),
                      QStringLiteral("-1")},
          QStringList{QStringLiteral("quote"), QStringLiteral("--sku"), QStringLiteral("RT-NAV-S")},
          QStringList{QStringLiteral("nonsense")}}) {
        const CliResult result = cli.run(QStringList{QStringLiteral("pricing")} + args);
        EXPECT_EQ(result.exitCode, 2) << args.join(u' ').toStdString();
        EXPECT_FALSE(result.err.isEmpty());
    }
    Store store(StoreConfig::sqlite(cli.ledger()));
    ASSERT_TRUE(store.open().ok());
    EXPECT_FALSE(PriceBook(store)
                     .exchangeRates()
                     .value()
                     .rateOn(QStringLiteral("USD"), QStringLiteral("EUR"), QDate(2027, 1, 1))
                     .has_value());
}
