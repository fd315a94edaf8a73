#include "sandboxprocess.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace Ledgerdesk::SandboxTests;

namespace {

QJsonObject data(const HttpResult &result)
{
    return result.json().value(QStringLiteral("data")).toObject();
}

bool isDecimalString(const QJsonValue &v)
{
    return v.isString()
           && QRegularExpression(QStringLiteral("^-?\\d+\\.\\d\\d$"))
                  .match(v.toString())
                  .hasMatch();
}

} // namespace

TEST(ShopifyB2b, companiesLocationsPriceListsAndPaymentTerms)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const QJsonObject companies = data(sandbox.graphql(QStringLiteral(
        "{ companies(first: 30) { nodes { id name externalId locations(first: 2) { nodes { id name "
        "currency "
        "buyerExperienceConfiguration { paymentTermsTemplate { name paymentTermsType dueInDays } } "
        "catalogs(first: 1) { nodes { id title ... on CompanyLocationCatalog { priceList { id "
        "currency } } } } } } } } }")));
    const QJsonArray nodes
        = companies[QStringLiteral("companies")][QStringLiteral("nodes")].toArray();
    EXPECT_GE(nodes.size(), 20);
    QSet<QString> currencies;
    QSet<int> dueDays;
    for (const QJsonValue &c : nodes) {
        for (const QJsonValue &l :
             c[QStringLiteral("locations")][QStringLiteral("nodes")].toArray()) {
            currencies.insert(l[QStringLiteral("catalogs")][QStringLiteral("nodes")][0]
                               [QStringLiteral("priceList")][QStringLiteral("currency")]
                                   .toString());
            const QJsonObject terms = l[QStringLiteral("buyerExperienceConfiguration")]
                                       [QStringLiteral("paymentTermsTemplate")]
                                           .toObject();
            EXPECT_EQ(terms[QStringLiteral("paymentTermsType")].toString(), QStringLiteral("NET"));
            dueDays.insert(terms[QStringLiteral("dueInDays")].toInt());
        }
    }
    EXPECT_GE(currencies.size(), 2);
    EXPECT_TRUE(dueDays.contains(30));
    EXPECT_TRUE(dueDays.contains(60));

    const QJsonObject templates = data(sandbox.graphql(
        QStringLiteral("{ paymentTermsTemplates(paymentTermsType: NET) { name dueInDays } }")));
    EXPECT_EQ(templates[QStringLiteral("paymentTermsTemplates")].toArray().size(), 6);

    const HttpResult lists = sandbox.graphql(QStringLiteral(
        "{ priceLists(first: 10) { nodes { id name currency fixedPricesCount parent { adjustment { "
        "type value } } "
        "prices(first: 5, originType: FIXED) { nodes { originType price { amount currencyCode } "
        "variant { sku } "
        "quantityPriceBreaks(first: 5) { nodes { minimumQuantity price { amount } } } } } "
        "quantityRules(first: 5) { nodes { minimum maximum increment productVariant { sku } } } } "
        "} }"));
    const QJsonArray priceLists
        = data(lists)[QStringLiteral("priceLists")][QStringLiteral("nodes")].toArray();
    ASSERT_GE(priceLists.size(), 2) << lists.body.toStdString();
    bool sawFixed = false;
    bool sawBreaks = false;
    bool sawRules = false;
    for (const QJsonValue &p : priceLists) {
        EXPECT_TRUE(
            p[QStringLiteral("parent")][QStringLiteral("adjustment")][QStringLiteral("type")]
                .toString()
                .startsWith(QStringLiteral("PERCENTAGE_")));
        for (const QJsonValue &price :
             p[QStringLiteral("prices")][QStringLiteral("nodes")].toArray()) {
            sawFixed = true;
            EXPECT_TRUE(isDecimalString(price[QStringLiteral("price")][QStringLiteral("amount")]));
            EXPECT_EQ(price[QStringLiteral("price")][QStringLiteral("currencyCode")].toString(),
                      p[QStringLiteral("currency")].toString());
            sawBreaks = sawBreaks
                        || !price[QStringLiteral("quantityPriceBreaks")][QStringLiteral("nodes")]
                                .toArray()
                                .isEmpty();
        }
        for (const QJsonValue &rule :
             p[QStringLiteral("quantityRules")][QStringLiteral("nodes")].toArray()) {
            sawRules = true;
            EXPECT_EQ(rule[QStringLiteral("minimum")].toInt()
                          % rule[QStringLiteral("increment")].toInt(),
                      0);
            EXPECT_GE(rule[QStringLiteral("maximum")].toInt(),
                      rule[QStringLiteral("minimum")].toInt());
        }
    }
    EXPECT_TRUE(sawFixed);
    EXPECT_TRUE(sawBreaks);
    EXPECT_TRUE(sawRules);
}

TEST(ShopifyOrders, aB2bOrderCarriesPoNumberPurchasingEntityTermsAndMoneyStrings)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    const QString before = QDateTime::currentDateTimeUtc().addSecs(-5).toString(Qt::ISODate);
    const QJsonObject created = sandbox.control(
        {{QStringLiteral("action"), QStringLiteral("createOrder")}, {QStringLiteral("b2b"), true}});
    ASSERT_TRUE(created.contains(QStringLiteral("orderId")));
    sandbox.control({{QStringLiteral("action"), QStringLiteral("createOrder")}});
    const HttpResult result = sandbox.graphql(
        QStringLiteral(
            "query($q: String) { orders(first: 10, query: $q) { nodes { id name poNumber createdAt "
            "displayFinancialStatus totalPriceSet { shopMoney { amount currencyCode } } "
            "paymentTerms { paymentTermsName paymentTermsType dueInDays } "
            "purchasingEntity { __typename ... on PurchasingCompany { company { id name } location "
            "{ id name } } "
            "... on Customer { id } } "
            "lineItems(first: 10) { nodes { sku quantity originalUnitPriceSet { shopMoney { amount "
            "currencyCode } } } } } } }"),
        {{QStringLiteral("q"), QStringLiteral("updated_at:>='%1'").arg(before)}});
    const QJsonArray orders
        = data(result)[QStringLiteral("orders")][QStringLiteral("nodes")].toArray();
    ASSERT_EQ(orders.size(), 2) << result.body.toStdString();
    const QJsonObject b2b = orders[0][QStringLiteral("id")].toString()
                                    == created[QStringLiteral("orderId")].toString()
                                ? orders[0].toObject()
                                : orders[1].toObject();
    EXPECT_EQ(b2b[QStringLiteral("purchasingEntity")][QStringLiteral("__typename")].toString(),
              QStringLiteral("PurchasingCompany"));
    EXPECT_TRUE(
        b2b[QStringLiteral("purchasingEntity")][QStringLiteral("company")][QStringLiteral("id")]
            .toString()
            .startsWith(QStringLiteral("gid://shopify/Company/")));
    EXPECT_FALSE(b2b[QStringLiteral("poNumber")].toString().isEmpty());
    EXPECT_EQ(b2b[QStringLiteral("paymentTerms")][QStringLiteral("paymentTermsType")].toString(),
              QStringLiteral("NET"));
    EXPECT_TRUE(isDecimalString(b2b[QStringLiteral("totalPriceSet")][QStringLiteral("shopMoney")]
                                   [QStringLiteral("amount")]));
    EXPECT_TRUE(b2b[QStringLiteral("createdAt")].toString().endsWith(u'Z'));
    for (const QJsonValue &line :
         b2b[QStringLiteral("lineItems")][QStringLiteral("nodes")].toArray()) {
        EXPECT_TRUE(isDecimalString(line[QStringLiteral("originalUnitPriceSet")]
                                        [QStringLiteral("shopMoney")][QStringLiteral("amount")]));
        EXPECT_EQ(line[QStringLiteral("quantity")].toInt() % 6, 0); // B2B buys in case packs
    }
    const QJsonObject dtc
        = b2b == orders[0].toObject() ? orders[1].toObject() : orders[0].toObject();
    EXPECT_EQ(dtc[QStringLiteral("purchasingEntity")][QStringLiteral("__typename")].toString(),
              QStringLiteral("Customer"));
    EXPECT_TRUE(dtc[QStringLiteral("paymentTerms")].isNull());
}

TEST(ShopifyOrders, theBusinessKeepsTradingOnAFastClock)
{
    SandboxProcess sandbox;
    // The business runs here: at 3600x an hour of trading passes every second.
    ASSERT_TRUE(sandbox.start({QStringLiteral("--speed"),
                               QStringLiteral("3600"),
                               QStringLiteral("--seed"),
                               QStringLiteral("7")},
                              false));
    QJsonObject state;
    for (int i = 0; i < 40 && state[QStringLiteral("orders")].toInt() < 20; ++i) {
        QThread::msleep(100);
        state = sandbox.get(QStringLiteral("/_sandbox/state?system=shopify"))
                    .json()[QStringLiteral("shopify")]
                    .toObject();
    }
    EXPECT_GE(state[QStringLiteral("orders")].toInt(), 20);
    const HttpResult orders = sandbox.graphql(
        QStringLiteral("{ orders(first: 50) { nodes { id purchasingEntity { __typename } } } }"));
    QSet<QString> kinds;
    for (const QJsonValue &o :
         orders.json()[QStringLiteral("data")][QStringLiteral("orders")][QStringLiteral("nodes")]
             .toArray()) {
        kinds.insert(
            o[QStringLiteral("purchasingEntity")][QStringLiteral("__typename")].toString());
    }
    EXPECT_TRUE(kinds.contains(QStringLiteral("Customer")));
    EXPECT_EQ(sandbox.stop(), 0);
}

TEST(ShopifyOrders, updatedAtSortResumesPastACursorWhoseOrderMoved)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    QStringList created;
    for (int i = 0; i < 3; ++i) {
        created << sandbox
                       .control({{QStringLiteral("action"),
                                  QStringLiteral("createOrder")}})[QStringLiteral("orderId")]
                       .toString();
        QThread::msleep(5); // distinct updatedAt values
    }
    const QString query = QStringLiteral("query($after: String) { orders(first: 1, after: $after, "
                                         "sortKey: UPDATED_AT) { nodes { id } "
                                         "pageInfo { hasNextPage endCursor } } }");
    const auto page = [&](const QJsonValue &after) {
        QJsonObject variables;
        if (!after.isNull()) {
            variables.insert(QStringLiteral("after"), after);
        }
        return sandbox.graphql(query, variables)
            .json()[QStringLiteral("data")][QStringLiteral("orders")]
            .toObject();
    };
    const QJsonObject first = page(QJsonValue());
    EXPECT_EQ(first[QStringLiteral("nodes")][0][QStringLiteral("id")].toString(), created[0]);
    // The first order is fulfilled (updated) before the next page is read: it moves to the end.
    sandbox.control({{QStringLiteral("action"), QStringLiteral("fulfillOrder")}});
    QStringList seen;
    QJsonValue after = first[QStringLiteral("pageInfo")][QStringLiteral("endCursor")];
    for (int i = 0; i < 5 && !after.isNull(); ++i) {
        const QJsonObject next = page(after);
        for (const QJsonValue &node : next[QStringLiteral("nodes")].toArray()) {
            seen << node[QStringLiteral("id")].toString();
        }
        after = next[QStringLiteral("pageInfo")][QStringLiteral("hasNextPage")].toBool()
                    ? next[QStringLiteral("pageInfo")][QStringLiteral("endCursor")]
                    : QJsonValue();
    }
    EXPECT_EQ(seen, (QStringList{created[1], created[2], created[0]}));
}
