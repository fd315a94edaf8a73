#include <core/catalog/externalidmap.h>
#include <core/domain/externalid.h>
#include <tests/support/tempstore.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

TEST(ExternalId, eighteenDigitJsonNumbersSurviveByteForByte)
{
    const QJsonObject body = QJsonDocument::fromJson(
                                 R"({"inventory_item_id":271878346596884015,"location_id":24826418,
                                     "admin_graphql_api_id":"gid://shopify/InventoryItem/271878346596884015"})")
                                 .object();
    EXPECT_EQ(externalIdFromJson(body.value(QStringLiteral("inventory_item_id"))).value(),
              QStringLiteral("271878346596884015"));
    EXPECT_EQ(externalIdFromJson(body.value(QStringLiteral("location_id"))).value(),
              QStringLiteral("24826418"));
    EXPECT_EQ(externalIdFromJson(body.value(QStringLiteral("admin_graphql_api_id"))).value(),
              QStringLiteral("gid://shopify/InventoryItem/271878346596884015"));
}

TEST(ExternalId, idsThatCannotBeExactAreRefused)
{
    const QJsonObject body
        = QJsonDocument::fromJson(
              R"({"huge":18446744073709551615,"frac":12.5,"empty":"","nothing":null})")
              .object();
    for (const char *key : {"huge", "frac", "empty", "nothing", "missing"}) {
        EXPECT_FALSE(externalIdFromJson(body.value(QLatin1String(key))).ok()) << key;
    }
}

TEST(ExternalIdMap, linksBothWaysAndRelinksCleanly)
{
    TempStore t;
    t.seedBasics();
    const VariantId variant = t.variant(QStringLiteral("FJ-NAVY-M"));
    ExternalIdMap map(t.store());
    const QString shopifyId = QStringLiteral("271878346596884015");
    ASSERT_TRUE(
        map.link(QStringLiteral("shopify"), QStringLiteral("inventory_item"), variant, shopifyId)
            .ok());
    EXPECT_EQ(
        map.localId(QStringLiteral("shopify"), QStringLiteral("inventory_item"), shopifyId).value(),
        variant);
    EXPECT_EQ(map.externalId(QStringLiteral("shopify"), QStringLiteral("inventory_item"), variant)
                  .value(),
              shopifyId);
    EXPECT_FALSE(map.localId(QStringLiteral("erp"), QStringLiteral("inventory_item"), shopifyId)
                     .value()
                     .has_value());
    ASSERT_TRUE(map.link(QStringLiteral("shopify"),
                         QStringLiteral("inventory_item"),
                         variant,
                         QStringLiteral("99"))
                    .ok());
    EXPECT_FALSE(map.localId(QStringLiteral("shopify"), QStringLiteral("inventory_item"), shopifyId)
                     .value()
                     .has_value());
    EXPECT_FALSE(map.link(QStringLiteral("shopify"),
                          QStringLiteral("inventory_item"),
                          variant,
                          QStringLiteral(" "))
                     .ok());
}
