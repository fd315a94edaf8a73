#include "sandboxprocess.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Ledgerdesk::SandboxTests;

namespace {

QStringList plusPlan(const QTemporaryDir &dir)
{
    // A Plus-sized bucket so paging through the whole catalogue is never throttled.
    const QString path = dir.filePath(QStringLiteral("faults.json"));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(R"({"shopify": {"throttle": {"plan": "plus"}}})");
    return {QStringLiteral("--faults"), path};
}

QJsonObject data(const HttpResult &result)
{
    return result.json().value(QStringLiteral("data")).toObject();
}

} // namespace

TEST(ShopifyGraphql, wrongTokenIsRefusedWith401)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const HttpResult result = sandbox.graphql(
        QStringLiteral("{ shop { name } }"), {}, QStringLiteral("2026-04"), "shpat_wrong");
    EXPECT_EQ(result.status, 401);
    EXPECT_TRUE(result.json()
                    .value(QStringLiteral("errors"))
                    .toString()
                    .contains(QStringLiteral("Invalid API key")));
}

TEST(ShopifyGraphql, variantsPageThroughEveryCursorWithSkus)
{
    QTemporaryDir dir;
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start(plusPlan(dir)));
    const QString query = QStringLiteral(
        "query Variants($after: String) { productVariants(first: 250, after: $after) { "
        "nodes { id sku price inventoryItem { id sku } } pageInfo { hasNextPage endCursor } } }");
    QSet<QString> skus;
    QJsonValue after;
    bool more = true;
    int pages = 0;
    while (more && pages < 40) {
        QJsonObject variables;
        if (!after.isNull()) {
            variables.insert(QStringLiteral("after"), after);
        }
        const HttpResult result = sandbox.graphql(query, variables);
        ASSERT_EQ(result.status, 200);
        const QJsonObject connection
            = data(result).value(QStringLiteral("productVariants")).toObject();
        const QJsonArray nodes = connection.value(QStringLiteral("nodes")).toArray();
        ASSERT_LE(nodes.size(), 250);
        for (const QJsonValue &node : nodes) {
            const QString sku = node[QStringLiteral("sku")].toString();
            EXPECT_EQ(node[QStringLiteral("inventoryItem")][QStringLiteral("sku")].toString(), sku);
            EXPECT_TRUE(node[QStringLiteral("price")].isString()); // money is a decimal string
            skus.insert(sku);
        }
        more = connection[QStringLiteral("pageInfo")][QStringLiteral("hasNextPage")].toBool();
        after = connection[QStringLiteral("pageInfo")][QStringLiteral("endCursor")];
        ++pages;
    }
    EXPECT_FALSE(more);
    EXPECT_GE(skus.size(), 2000);
    const HttpResult locations = sandbox.graphql(
        QStringLiteral("{ locations(first: 50) { nodes { id name isActive } } }"));
    EXPECT_GE(
        data(locations)[QStringLiteral("locations")][QStringLiteral("nodes")].toArray().size(), 4);
}

TEST(ShopifyGraphql, pageSizeAbove250IsAGraphqlError)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const HttpResult result
        = sandbox.graphql(QStringLiteral("{ locations(first: 251) { nodes { id } } }"));
    EXPECT_EQ(result.status, 200);
    const QJsonArray errors = result.json().value(QStringLiteral("errors")).toArray();
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors[0][QStringLiteral("message")].toString().contains(QStringLiteral("250")));
    EXPECT_TRUE(result.json()[QStringLiteral("extensions")][QStringLiteral("cost")].isObject());
}

TEST(ShopifyGraphql, levelsCarryEveryQuantityNameAndFilterByUpdatedAt)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const QString before = QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate);
    const QJsonObject first = data(sandbox.graphql(QStringLiteral(
        "{ locations(first: 1) { nodes { id } } inventoryItems(first: 1) { nodes { id sku } } }")));
    const QString location
        = first[QStringLiteral("locations")][QStringLiteral("nodes")][0][QStringLiteral("id")]
              .toString();
    const QString item
        = first[QStringLiteral("inventoryItems")][QStringLiteral("nodes")][0][QStringLiteral("id")]
              .toString();
    const HttpResult set = sandbox.graphql(
        QStringLiteral("mutation Set($input: InventorySetQuantitiesInput!) { "
                       "inventorySetQuantities(input: $input) "
                       "@idempotent(key: \"levels-filter-1\") { userErrors { code message } } }"),
        {{QStringLiteral("input"),
          QJsonObject{
              {QStringLiteral("name"), QStringLiteral("available")},
              {QStringLiteral("reason"), QStringLiteral("correction")},
              {QStringLiteral("referenceDocumentUri"), QStringLiteral("gid://ledgerdesk/Test/1")},
              {QStringLiteral("quantities"),
               QJsonArray{QJsonObject{{QStringLiteral("inventoryItemId"), item},
                                      {QStringLiteral("locationId"), location},
                                      {QStringLiteral("quantity"), 77},
                                      {QStringLiteral("changeFromQuantity"), QJsonValue()}}}}}}});
    ASSERT_TRUE(data(set)[QStringLiteral("inventorySetQuantities")][QStringLiteral("userErrors")]
                    .toArray()
                    .isEmpty())
        << set.body.toStdString();
    const HttpResult levels
        = sandbox.graphql(QStringLiteral("query($id: ID!, $q: String) { location(id: $id) { "
                                         "inventoryLevels(first: 250, query: $q) { nodes { "
                                         "id updatedAt item { id sku } quantities(names: "
                                         "[\"available\", \"incoming\", \"committed\", "
                                         "\"damaged\", \"on_hand\", \"quality_control\", "
                                         "\"reserved\", \"safety_stock\"]) { name quantity } "
                                         "} } } }"),
                          {{QStringLiteral("id"), location},
                           {QStringLiteral("q"), QStringLiteral("updated_at:>'%1'").arg(before)}});
    const QJsonArray nodes
        = data(levels)[QStringLiteral("location")][QStringLiteral("inventoryLevels")]
                      [QStringLiteral("nodes")]
                          .toArray();
    ASSERT_EQ(nodes.size(), 1) << levels.body.toStdString();
    EXPECT_EQ(nodes[0][QStringLiteral("item")][QStringLiteral("id")].toString(), item);
    EXPECT_TRUE(nodes[0][QStringLiteral("updatedAt")].toString().endsWith(u'Z'));
    QHash<QString, qint64> q;
    for (const QJsonValue &v : nodes[0][QStringLiteral("quantities")].toArray()) {
        q.insert(v[QStringLiteral("name")].toString(), v[QStringLiteral("quantity")].toInteger());
    }
    EXPECT_EQ(q.size(), 8);
    EXPECT_EQ(q.value(QStringLiteral("available")), 77);
    EXPECT_EQ(q.value(QStringLiteral("on_hand")),
              q.value(QStringLiteral("available")) + q.value(QStringLiteral("committed"))
                  + q.value(QStringLiteral("reserved")) + q.value(QStringLiteral("damaged"))
                  + q.value(QStringLiteral("quality_control"))
                  + q.value(QStringLiteral("safety_stock")));
}

TEST(ShopifyGraphql, malformedAndUnknownDocumentsGetGraphqlErrors)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const HttpResult parse = sandbox.graphql(QStringLiteral("{\n  shop { name \n"));
    EXPECT_EQ(parse.status, 200);
    const QJsonObject parseError = parse.json()[QStringLiteral("errors")][0].toObject();
    EXPECT_TRUE(parseError[QStringLiteral("locations")][0][QStringLiteral("line")].toInt() >= 2);
    EXPECT_FALSE(parse.json().contains(QStringLiteral("data")));

    const HttpResult unknown = sandbox.graphql(QStringLiteral("{ shop { name bogusField } }"));
    EXPECT_TRUE(
        unknown.json()[QStringLiteral("errors")][0][QStringLiteral("message")].toString().contains(
            QStringLiteral("bogusField")));

    const HttpResult notJson
        = sandbox.post(QStringLiteral("/admin/api/2026-04/graphql.json"),
                       "this is not json",
                       {{"X-Shopify-Access-Token", sandbox.accessToken().toUtf8()}});
    EXPECT_EQ(notJson.status, 400);
    const HttpResult undeclared = sandbox.graphql(QStringLiteral("{ location(id: $nope) { id } }"));
    EXPECT_TRUE(undeclared.json()[QStringLiteral("errors")][0][QStringLiteral("message")]
                    .toString()
                    .contains(QStringLiteral("$nope")));
    const HttpResult deep = sandbox.graphql(QString(QStringLiteral("{ a ").repeated(200))
                                            + QStringLiteral("}").repeated(200));
    EXPECT_EQ(deep.status, 200);
    EXPECT_TRUE(deep.json().contains(QStringLiteral("errors")));
    EXPECT_EQ(sandbox.graphql(QStringLiteral("{ shop { name } }")).status, 200); // still serving
}

TEST(ShopifyGraphql, hostileArgumentsAreRefusedWithoutHarm)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const HttpResult hugeDefault = sandbox.graphql(QStringLiteral(
        "query($n: Int = 99999999999999999999999) { locations(first: $n) { nodes { id } } }"));
    EXPECT_EQ(hugeDefault.status, 200);
    EXPECT_TRUE(hugeDefault.json().contains(QStringLiteral("errors")));
    const HttpResult negative
        = sandbox.graphql(QStringLiteral("{ locations(first: -5) { nodes { id } } }"));
    EXPECT_TRUE(negative.json().contains(QStringLiteral("errors")));
    const HttpResult badCursor = sandbox.graphql(
        QStringLiteral("{ locations(first: 5, after: \"not-a-cursor\") { nodes { id } } }"));
    EXPECT_EQ(badCursor
                  .json()[QStringLiteral("errors")][0][QStringLiteral("extensions")]
                         [QStringLiteral("code")]
                  .toString(),
              QStringLiteral("INVALID_CURSOR"));
    const HttpResult badSearch = sandbox.graphql(QStringLiteral(
        "{ orders(first: 5, query: \"updated_at:>'yesterday'\") { nodes { id } } }"));
    EXPECT_TRUE(badSearch.json()[QStringLiteral("errors")][0][QStringLiteral("message")]
                    .toString()
                    .contains(QStringLiteral("yesterday")));
    const HttpResult throttle = sandbox.get(QStringLiteral("/_sandbox/throttle"));
    EXPECT_LE(
        throttle.json()[QStringLiteral("throttleStatus")][QStringLiteral("currentlyAvailable")]
            .toDouble(),
        1000.0);
    EXPECT_EQ(sandbox.graphql(QStringLiteral("{ shop { name } }")).status, 200);
}
