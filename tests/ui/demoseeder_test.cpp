#include <core/demo/demoseeder.h>
#include <core/ledger/availability.h>
#include <core/store/sql.h>
#include <core/sync/ledgerfollowers.h>
#include <tests/support/tempstore.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Ledgerdesk::Testing::TempStore;

// The demo ledger behind the UI tests and the screenshots holds exactly the catalogue's stock.
TEST(DemoSeeder, seedsTheCatalogueStockAndIsIdempotent)
{
    TempStore t;
    const Core::DemoCatalog catalog = Core::DemoCatalog::generate(7, 24);
    const auto seeded = Core::seedDemoLedger(t.store(), catalog);
    ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();
    EXPECT_EQ(seeded.value().styles, catalog.styles().size());
    EXPECT_EQ(seeded.value().variants, catalog.variantCount());
    EXPECT_EQ(seeded.value().locations, catalog.locations().size());
    EXPECT_EQ(Core::AvailabilityQuery(t.store()).count({}).value(), seeded.value().balances);

    qint64 committed = 0;
    qint64 incoming = 0;
    for (int s = 0; s < catalog.styles().size(); ++s) {
        for (int v = 0; v < catalog.styles()[s].variants.size(); ++v) {
            const Core::VariantId variant = t.variant(catalog.styles()[s].variants[v].sku);
            for (int l = 0; l < catalog.locations().size(); ++l) {
                const auto balance
                    = t.ledger().balance(variant, t.location(catalog.locations()[l].code));
                ASSERT_TRUE(balance.ok());
                EXPECT_EQ(balance.value().onHand(), catalog.startingOnHand(s, v, l));
                committed += balance.value().committed();
                incoming += balance.value().incoming();
            }
        }
    }
    EXPECT_GT(committed, 0);
    EXPECT_GT(incoming, 0);

    const auto before = t.ledger().verify();
    ASSERT_TRUE(before.ok());
    EXPECT_TRUE(before.value().consistent());
    ASSERT_TRUE(Core::seedDemoLedger(t.store(), catalog).ok());
    const auto after = t.ledger().verify();
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after.value().movementCount, before.value().movementCount);
    EXPECT_EQ(after.value().balanceCount, before.value().balanceCount);
}

TEST(DemoSeeder, systemsStartingFromTheSameFiguresAreRecordedAsAgreed_andTheErpFollows)
{
    TempStore t;
    Core::DemoSeedOptions options;
    options.agreedWith = {QStringLiteral("shopify"), QStringLiteral("erp"), QStringLiteral("wms")};
    const auto seeded
        = Core::seedDemoLedger(t.store(), Core::DemoCatalog::generate(2026, 4), options);
    ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();
    const auto count = [&t](const QString &sql) {
        auto q = Core::runQuery(t.store().connection(), sql);
        return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
    };
    const qint64 balances = count(QStringLiteral("SELECT COUNT(*) FROM balances"));
    ASSERT_GT(balances, 0);
    for (const char *system : {"shopify", "erp", "wms"}) {
        EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM sync_values WHERE system = '%1' AND "
                                       "base_value IS NOT NULL")
                            .arg(QLatin1String(system))),
                  balances)
            << system;
    }
    // Shopify is agreed on available, the others on on-hand, as each is compared.
    EXPECT_EQ(count(QStringLiteral(
                  "SELECT COUNT(*) FROM sync_values s JOIN balances b ON 1 = 1 JOIN variants v ON "
                  "v.id = b.variant_id JOIN locations l ON l.id = b.location_id WHERE s.system = "
                  "'shopify' AND s.entity_key = v.sku || '@' || l.code || ':available' AND "
                  "s.base_value = CAST(b.available AS TEXT)")),
              balances);
    EXPECT_EQ(Core::LedgerFollowers::followers(t.store().connection()).value(),
              QStringList{QStringLiteral("erp")});
    // Seeding again changes nothing.
    ASSERT_TRUE(
        Core::seedDemoLedger(t.store(), Core::DemoCatalog::generate(2026, 4), options).ok());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM sync_values")), 3 * balances);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
}
