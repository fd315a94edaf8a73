#include "sandboxprocess.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Ledgerdesk::SandboxTests;

namespace {

struct Target
{
    QString item;
    QString location;
    QString otherLocation;
    QString sku;
};

Target firstTarget(SandboxProcess &sandbox)
{
    const QJsonObject data
        = sandbox
              .graphql(QStringLiteral("{ locations(first: 2) { nodes { id } } "
                                      "inventoryItems(first: 1) { nodes { id sku } } }"))
              .json()[QStringLiteral("data")]
              .toObject();
    return {
        data[QStringLiteral("inventoryItems")][QStringLiteral("nodes")][0][QStringLiteral("id")]
            .toString(),
        data[QStringLiteral("locations")][QStringLiteral("nodes")][0][QStringLiteral("id")]
            .toString(),
        data[QStringLiteral("locations")][QStringLiteral("nodes")][1][QStringLiteral("id")]
            .toString(),
        data[QStringLiteral("inventoryItems")][QStringLiteral("nodes")][0][QStringLiteral("sku")]
            .toString()};
}

qint64 available(SandboxProcess &sandbox, const Target &t)
{
    const QJsonArray levels
        = sandbox.get(QStringLiteral("/_sandbox/state?system=shopify&sku=") + t.sku)
              .json()[QStringLiteral("shopify")][QStringLiteral("levels")]
              .toArray();
    for (const QJsonValue &l : levels) {
        if (l[QStringLiteral("locationId")].toString() == t.location) {
            return l[QStringLiteral("quantities")][QStringLiteral("available")].toInteger();
        }
    }
    return -1;
}

HttpResult setAvailable(SandboxProcess &sandbox,
                        const Target &t,
                        qint64 quantity,
                        const QJsonValue &changeFrom,
                        const QString &key)
{
    const QString directive
        = key.isEmpty() ? QString() : QStringLiteral("@idempotent(key: \"%1\")").arg(key);
    return sandbox.graphql(
        QStringLiteral("mutation Set($input: InventorySetQuantitiesInput!) { "
                       "inventorySetQuantities(input: $input) %1 { "
                       "inventoryAdjustmentGroup { id changes { name delta quantityAfterChange } } "
                       "userErrors { code field message } } }")
            .arg(directive),
        {{QStringLiteral("input"),
          QJsonObject{
              {QStringLiteral("name"), QStringLiteral("available")},
              {QStringLiteral("reason"), QStringLiteral("correction")},
              {QStringLiteral("referenceDocumentUri"),
               QStringLiteral("gid://ledgerdesk/SyncJob/T-1")},
              {QStringLiteral("quantities"),
               QJsonArray{QJsonObject{{QStringLiteral("inventoryItemId"), t.item},
                                      {QStringLiteral("locationId"), t.location},
                                      {QStringLiteral("quantity"), quantity},
                                      {QStringLiteral("changeFromQuantity"), changeFrom}}}}}}});
}

QJsonObject payload(const HttpResult &result, const QString &field)
{
    return result.json()[QStringLiteral("data")][field].toObject();
}

QString firstErrorCode(const HttpResult &result, const QString &field)
{
    return payload(result, field)[QStringLiteral("userErrors")][0][QStringLiteral("code")]
        .toString();
}

} // namespace

TEST(ShopifyInventory, staleChangeFromQuantityIsRejectedAndNothingChanges)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const Target t = firstTarget(sandbox);
    const qint64 before = available(sandbox, t);
    ASSERT_GE(before, 0);
    const HttpResult stale
        = setAvailable(sandbox, t, 500, before + 3, QStringLiteral("cas-stale-1"));
    EXPECT_EQ(stale.status, 200);
    EXPECT_EQ(firstErrorCode(stale, QStringLiteral("inventorySetQuantities")),
              QStringLiteral("CHANGE_FROM_QUANTITY_STALE"));
    EXPECT_TRUE(payload(stale,
                        QStringLiteral(
                            "inventorySetQuantities"))[QStringLiteral("inventoryAdjustmentGroup")]
                    .isNull());
    EXPECT_EQ(available(sandbox, t), before);

    const HttpResult fresh = setAvailable(sandbox, t, 500, before, QStringLiteral("cas-fresh-1"));
    EXPECT_TRUE(
        payload(fresh, QStringLiteral("inventorySetQuantities"))[QStringLiteral("userErrors")]
            .toArray()
            .isEmpty());
    EXPECT_EQ(available(sandbox, t), 500);
}

TEST(ShopifyInventory, aRepeatedIdempotencyKeyReturnsTheOriginalResultAndAppliesOnce)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const Target t = firstTarget(sandbox);
    const QString adjust = QStringLiteral(
        "mutation { inventoryAdjustQuantities(input: {name: \"available\", reason: \"received\", "
        "referenceDocumentUri: \"gid://ledgerdesk/Receipt/R-9\", changes: [{delta: 4, "
        "inventoryItemId: \"%1\", "
        "locationId: \"%2\", changeFromQuantity: null}]}) @idempotent(key: \"%3\") { "
        "inventoryAdjustmentGroup { id "
        "changes { name delta quantityAfterChange } } userErrors { code message } } }");
    const qint64 before = available(sandbox, t);
    const HttpResult first
        = sandbox.graphql(adjust.arg(t.item, t.location, QStringLiteral("receipt-R-9")));
    const HttpResult again
        = sandbox.graphql(adjust.arg(t.item, t.location, QStringLiteral("receipt-R-9")));
    const QJsonObject firstGroup
        = payload(first,
                  QStringLiteral(
                      "inventoryAdjustQuantities"))[QStringLiteral("inventoryAdjustmentGroup")]
              .toObject();
    ASSERT_FALSE(firstGroup.isEmpty()) << first.body.toStdString();
    EXPECT_EQ(payload(again,
                      QStringLiteral(
                          "inventoryAdjustQuantities"))[QStringLiteral("inventoryAdjustmentGroup")]
                  .toObject(),
              firstGroup);
    EXPECT_EQ(available(sandbox, t), before + 4);

    const QJsonObject oracle
        = sandbox.get(QStringLiteral("/_sandbox/idempotency?key=receipt-R-9")).json();
    EXPECT_EQ(oracle[QStringLiteral("applied")].toInteger(), 1);
    EXPECT_EQ(oracle[QStringLiteral("replays")].toInteger(), 1);

    // Same key, different input: refused, nothing applied.
    const HttpResult mismatch
        = sandbox.graphql(adjust.arg(t.item, t.otherLocation, QStringLiteral("receipt-R-9")));
    EXPECT_EQ(firstErrorCode(mismatch, QStringLiteral("inventoryAdjustQuantities")),
              QStringLiteral("IDEMPOTENCY_KEY_PARAMETER_MISMATCH"));
    EXPECT_EQ(available(sandbox, t), before + 4);
    EXPECT_EQ(sandbox.get(QStringLiteral("/_sandbox/idempotency?key=receipt-R-9"))
                  .json()[QStringLiteral("mismatches")]
                  .toInteger(),
              1);
}

TEST(ShopifyInventory, theIdempotentDirectiveIsRequiredFrom202604)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const Target t = firstTarget(sandbox);
    const qint64 before = available(sandbox, t);
    const HttpResult missing = setAvailable(sandbox, t, 9, QJsonValue(), QString());
    EXPECT_TRUE(
        missing.json()[QStringLiteral("data")][QStringLiteral("inventorySetQuantities")].isNull());
    EXPECT_TRUE(
        missing.json()[QStringLiteral("errors")][0][QStringLiteral("message")].toString().contains(
            QStringLiteral("@idempotent")));
    EXPECT_EQ(available(sandbox, t), before);

    // 2025-10: no directive needed, compareQuantity instead of changeFromQuantity.
    const HttpResult old
        = sandbox.graphql(QStringLiteral("mutation { inventorySetQuantities(input: {name: "
                                         "\"available\", reason: \"correction\", quantities: "
                                         "[{inventoryItemId: \"%1\", locationId: \"%2\", quantity: "
                                         "11, compareQuantity: %3}]}) { userErrors { code } } }")
                              .arg(t.item, t.location)
                              .arg(before),
                          {},
                          QStringLiteral("2025-10"));
    EXPECT_TRUE(payload(old, QStringLiteral("inventorySetQuantities"))[QStringLiteral("userErrors")]
                    .toArray()
                    .isEmpty())
        << old.body.toStdString();
    EXPECT_EQ(available(sandbox, t), 11);
    // 2026-04 dropped compareQuantity from the schema.
    const HttpResult removed = sandbox.graphql(
        QStringLiteral("mutation { inventorySetQuantities(input: {name: \"available\", reason: "
                       "\"correction\", quantities: "
                       "[{inventoryItemId: \"%1\", locationId: \"%2\", quantity: 12, "
                       "compareQuantity: 11, changeFromQuantity: 11}]}) "
                       "@idempotent(key: \"old-field\") { userErrors { code } } }")
            .arg(t.item, t.location));
    EXPECT_TRUE(
        removed.json()[QStringLiteral("errors")][0][QStringLiteral("message")].toString().contains(
            QStringLiteral("compareQuantity")));
}

TEST(ShopifyInventory, adjustAndMoveEnforceReasonsDocumentsAndLocations)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const Target t = firstTarget(sandbox);
    const QString adjust
        = QStringLiteral("mutation { inventoryAdjustQuantities(input: {name: \"%1\", reason: "
                         "\"%2\", changes: [{delta: 1, "
                         "inventoryItemId: \"%3\", locationId: \"%4\", changeFromQuantity: null "
                         "%5}]}) @idempotent(key: \"%6\") { "
                         "userErrors { code field } } }");
    const auto code = [&](const HttpResult &r) {
        return firstErrorCode(r, QStringLiteral("inventoryAdjustQuantities"));
    };
    EXPECT_EQ(code(sandbox.graphql(adjust.arg(QStringLiteral("available"),
                                              QStringLiteral("because"),
                                              t.item,
                                              t.location,
                                              QString(),
                                              QStringLiteral("a1")))),
              QStringLiteral("INVALID_REASON"));
    EXPECT_EQ(code(sandbox.graphql(adjust.arg(QStringLiteral("damaged"),
                                              QStringLiteral("damaged"),
                                              t.item,
                                              t.location,
                                              QString(),
                                              QStringLiteral("a2")))),
              QStringLiteral("INVALID_QUANTITY_DOCUMENT"));
    EXPECT_EQ(code(sandbox.graphql(
                  adjust.arg(QStringLiteral("damaged"),
                             QStringLiteral("damaged"),
                             t.item,
                             t.location,
                             QStringLiteral(", ledgerDocumentUri: \"gid://shopify/Order/1\""),
                             QStringLiteral("a3")))),
              QStringLiteral("INTERNAL_LEDGER_DOCUMENT"));
    EXPECT_EQ(code(sandbox.graphql(
                  adjust.arg(QStringLiteral("available"),
                             QStringLiteral("correction"),
                             t.item,
                             t.location,
                             QStringLiteral(", ledgerDocumentUri: \"gid://wms/Count/1\""),
                             QStringLiteral("a4")))),
              QStringLiteral("INVALID_AVAILABLE_DOCUMENT"));
    EXPECT_EQ(code(sandbox.graphql(adjust.arg(QStringLiteral("available"),
                                              QStringLiteral("correction"),
                                              QStringLiteral("gid://shopify/InventoryItem/1"),
                                              t.location,
                                              QString(),
                                              QStringLiteral("a5")))),
              QStringLiteral("INVALID_INVENTORY_ITEM"));
    const HttpResult move = sandbox.graphql(
        QStringLiteral("mutation { inventoryMoveQuantities(input: {reason: \"damaged\", "
                       "referenceDocumentUri: \"gid://wms/Inspection/5\", "
                       "changes: [{inventoryItemId: \"%1\", quantity: 1, from: {locationId: "
                       "\"%2\", name: \"available\", changeFromQuantity: null}, "
                       "to: {locationId: \"%3\", name: \"damaged\", ledgerDocumentUri: "
                       "\"gid://wms/Inspection/5\", changeFromQuantity: null}}]}) "
                       "@idempotent(key: \"m1\") { userErrors { code } } }")
            .arg(t.item, t.location, t.otherLocation));
    EXPECT_EQ(firstErrorCode(move, QStringLiteral("inventoryMoveQuantities")),
              QStringLiteral("DIFFERENT_LOCATIONS"));
}

TEST(ShopifyInventory, moveAdjustAndSetOnHandKeepTheQuantityIdentity)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const Target t = firstTarget(sandbox);
    const auto quantities = [&] {
        const QJsonArray levels
            = sandbox.get(QStringLiteral("/_sandbox/state?system=shopify&sku=") + t.sku)
                  .json()[QStringLiteral("shopify")][QStringLiteral("levels")]
                  .toArray();
        for (const QJsonValue &l : levels) {
            if (l[QStringLiteral("locationId")].toString() == t.location) {
                return l[QStringLiteral("quantities")].toObject();
            }
        }
        return QJsonObject{};
    };
    const auto q = [](const QJsonObject &o, const char *name) {
        return o.value(QString::fromLatin1(name)).toInteger();
    };
    const HttpResult set
        = sandbox.graphql(QStringLiteral("mutation { inventorySetQuantities(input: {name: "
                                         "\"on_hand\", reason: \"cycle_count_available\", "
                                         "referenceDocumentUri: \"gid://wms/CycleCount/CC-1\", "
                                         "quantities: [{inventoryItemId: \"%1\", "
                                         "locationId: \"%2\", quantity: 40, changeFromQuantity: "
                                         "null}]}) @idempotent(key: \"s-on-hand\") "
                                         "{ userErrors { code } } }")
                              .arg(t.item, t.location));
    ASSERT_TRUE(set.json()[QStringLiteral("data")][QStringLiteral("inventorySetQuantities")]
                          [QStringLiteral("userErrors")]
                              .toArray()
                              .isEmpty())
        << set.body.toStdString();
    QJsonObject now = quantities();
    EXPECT_EQ(q(now, "on_hand"), 40);

    const HttpResult move = sandbox.graphql(
        QStringLiteral(
            "mutation { inventoryMoveQuantities(input: {reason: \"damaged\", referenceDocumentUri: "
            "\"gid://wms/Inspection/5\", changes: [{inventoryItemId: \"%1\", quantity: 3, from: "
            "{locationId: \"%2\", "
            "name: \"available\", changeFromQuantity: %3}, to: {locationId: \"%2\", name: "
            "\"damaged\", "
            "ledgerDocumentUri: \"gid://wms/Inspection/5\", changeFromQuantity: %4}}]}) "
            "@idempotent(key: \"mv-1\") "
            "{ inventoryAdjustmentGroup { changes { name delta } } userErrors { code } } }")
            .arg(t.item, t.location)
            .arg(q(now, "available"))
            .arg(q(now, "damaged")));
    ASSERT_TRUE(move.json()[QStringLiteral("data")][QStringLiteral("inventoryMoveQuantities")]
                           [QStringLiteral("userErrors")]
                               .toArray()
                               .isEmpty())
        << move.body.toStdString();
    const QJsonObject afterMove = quantities();
    EXPECT_EQ(q(afterMove, "available"), q(now, "available") - 3);
    EXPECT_EQ(q(afterMove, "damaged"), q(now, "damaged") + 3);
    EXPECT_EQ(q(afterMove, "on_hand"), 40); // moving between states leaves on_hand alone

    const HttpResult incoming = sandbox.graphql(
        QStringLiteral(
            "mutation { inventoryAdjustQuantities(input: {name: \"incoming\", reason: "
            "\"received\", changes: "
            "[{delta: 12, inventoryItemId: \"%1\", locationId: \"%2\", ledgerDocumentUri: "
            "\"gid://erp/PurchaseOrder/PO-7\", "
            "changeFromQuantity: %3}]}) @idempotent(key: \"in-1\") { userErrors { code } } }")
            .arg(t.item, t.location)
            .arg(q(afterMove, "incoming")));
    ASSERT_TRUE(incoming
                    .json()[QStringLiteral("data")][QStringLiteral("inventoryAdjustQuantities")]
                           [QStringLiteral("userErrors")]
                    .toArray()
                    .isEmpty())
        << incoming.body.toStdString();
    const QJsonObject last = quantities();
    EXPECT_EQ(q(last, "incoming"), q(afterMove, "incoming") + 12);
    EXPECT_EQ(q(last, "on_hand"), 40); // incoming lies outside on_hand
}
