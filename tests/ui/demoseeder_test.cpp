#include <core/demo/demoseeder.h>
#include <core/ledger/availability.h>
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
