#include "sandboxprocess.h"
#include "webhookreceiver.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <gtest/gtest.h>

using namespace Ledgerdesk::SandboxTests;

namespace {

const QString kFulfil = QStringLiteral(
    "mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) %1 { fulfillment { id "
    "status } userErrors { field message } } }");

const QString kOrder = QStringLiteral(
    "query($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillmentOrders(first: 5) { "
    "nodes { id status lineItems(first: 20) { nodes { id sku remainingQuantity totalQuantity } "
    "} } } } }");

void subscribe(SandboxProcess &sandbox, const QString &topic, const QString &url)
{
    const HttpResult result = sandbox.graphql(
        QStringLiteral(
            "mutation($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) { "
            "webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) { "
            "webhookSubscription { id } userErrors { message } } }"),
        {{QStringLiteral("topic"), topic},
         {QStringLiteral("sub"), QJsonObject{{QStringLiteral("callbackUrl"), url}}}});
    ASSERT_FALSE(result
                     .json()[QStringLiteral("data")][QStringLiteral("webhookSubscriptionCreate")]
                            [QStringLiteral("webhookSubscription")][QStringLiteral("id")]
                     .toString()
                     .isEmpty())
        << result.body.toStdString();
}

QJsonObject fulfilmentInput(const QString &fulfillmentOrderId, const QJsonArray &lines = {})
{
    QJsonObject group{{QStringLiteral("fulfillmentOrderId"), fulfillmentOrderId}};
    if (!lines.isEmpty()) {
        group.insert(QStringLiteral("fulfillmentOrderLineItems"), lines);
    }
    return {{QStringLiteral("lineItemsByFulfillmentOrder"), QJsonArray{group}},
            {QStringLiteral("notifyCustomer"), false}};
}

QJsonObject fulfil(SandboxProcess &sandbox, const QString &key, const QJsonObject &input)
{
    const QString directive
        = key.isEmpty() ? QString() : QStringLiteral("@idempotent(key: \"%1\")").arg(key);
    return sandbox.graphql(kFulfil.arg(directive), {{QStringLiteral("f"), input}}).json();
}

QJsonObject payloadOf(const QJsonObject &answer)
{
    return answer[QStringLiteral("data")][QStringLiteral("fulfillmentCreate")].toObject();
}

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

class ShopifyFulfillments : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_sandbox.start());
        subscribe(m_sandbox, QStringLiteral("FULFILLMENTS_CREATE"), m_receiver.url());
        subscribe(m_sandbox, QStringLiteral("ORDERS_FULFILLED"), m_receiver.url());
        const QJsonObject created
            = m_sandbox.control({{QStringLiteral("action"), QStringLiteral("createOrder")}});
        m_orderId = created.value(QStringLiteral("orderId")).toString();
        ASSERT_FALSE(m_orderId.isEmpty()) << QJsonDocument(created).toJson().toStdString();
    }

    QJsonObject order()
    {
        return m_sandbox.graphql(kOrder, {{QStringLiteral("id"), m_orderId}})
            .json()[QStringLiteral("data")][QStringLiteral("order")]
            .toObject();
    }

    QJsonObject fulfillmentOrder()
    {
        return order()[QStringLiteral("fulfillmentOrders")][QStringLiteral("nodes")][0].toObject();
    }

    SandboxProcess m_sandbox;
    WebhookReceiver m_receiver;
    QString m_orderId;
};

} // namespace

TEST_F(ShopifyFulfillments, anOrderHasOneOpenFulfillmentOrderWithItsLines)
{
    const QJsonObject fo = fulfillmentOrder();
    EXPECT_EQ(fo.value(QStringLiteral("id")).toString(),
              QStringLiteral("gid://shopify/FulfillmentOrder/") + m_orderId.section(u'/', -1));
    EXPECT_EQ(fo.value(QStringLiteral("status")).toString(), QStringLiteral("OPEN"));
    const QJsonArray lines = fo[QStringLiteral("lineItems")][QStringLiteral("nodes")].toArray();
    ASSERT_FALSE(lines.isEmpty());
    for (const QJsonValue &line : lines) {
        EXPECT_TRUE(line[QStringLiteral("id")].toString().startsWith(
            QStringLiteral("gid://shopify/FulfillmentOrderLineItem/")));
        EXPECT_FALSE(line[QStringLiteral("sku")].toString().isEmpty());
        EXPECT_GT(line[QStringLiteral("remainingQuantity")].toInteger(), 0);
        EXPECT_EQ(line[QStringLiteral("remainingQuantity")].toInteger(),
                  line[QStringLiteral("totalQuantity")].toInteger());
    }
}

TEST_F(ShopifyFulfillments, fulfillmentCreateFulfilsOnceAndAReplayReturnsTheSameFulfilment)
{
    const QString fo = fulfillmentOrder().value(QStringLiteral("id")).toString();
    const QJsonObject missing = fulfil(m_sandbox, {}, fulfilmentInput(fo));
    EXPECT_EQ(
        missing[QStringLiteral("errors")][0][QStringLiteral("extensions")][QStringLiteral("code")]
            .toString(),
        QStringLiteral("IDEMPOTENCY_KEY_REQUIRED"));
    EXPECT_EQ(order().value(QStringLiteral("displayFulfillmentStatus")).toString(),
              QStringLiteral("UNFULFILLED"));

    const QJsonObject first
        = payloadOf(fulfil(m_sandbox, QStringLiteral("ship-1"), fulfilmentInput(fo)));
    EXPECT_TRUE(first[QStringLiteral("userErrors")].toArray().isEmpty());
    const QString fulfilment
        = first[QStringLiteral("fulfillment")][QStringLiteral("id")].toString();
    EXPECT_TRUE(fulfilment.startsWith(QStringLiteral("gid://shopify/Fulfillment/")));
    EXPECT_EQ(order().value(QStringLiteral("displayFulfillmentStatus")).toString(),
              QStringLiteral("FULFILLED"));
    EXPECT_EQ(fulfillmentOrder().value(QStringLiteral("status")).toString(),
              QStringLiteral("CLOSED"));
    ASSERT_TRUE(m_receiver.waitForTopic("fulfillments/create", 1, 10000));
    ASSERT_TRUE(m_receiver.waitForTopic("orders/fulfilled", 1, 10000));
    const QJsonObject hook
        = QJsonDocument::fromJson(m_receiver.withTopic("fulfillments/create").first().body)
              .object();
    EXPECT_EQ(hook.value(QStringLiteral("admin_graphql_api_id")).toString(), fulfilment);

    // Sent again with the same key: the first answer, and nothing happens twice.
    const QJsonObject replay
        = payloadOf(fulfil(m_sandbox, QStringLiteral("ship-1"), fulfilmentInput(fo)));
    EXPECT_EQ(replay[QStringLiteral("fulfillment")][QStringLiteral("id")].toString(), fulfilment);
    settle(300);
    EXPECT_EQ(m_receiver.withTopic("fulfillments/create").size(), 1);

    // A new key for a closed fulfillment order is refused; a reused key with other input too.
    const QJsonObject closed
        = payloadOf(fulfil(m_sandbox, QStringLiteral("ship-2"), fulfilmentInput(fo)));
    EXPECT_TRUE(closed[QStringLiteral("fulfillment")].isNull());
    EXPECT_TRUE(
        closed[QStringLiteral("userErrors")][0][QStringLiteral("message")].toString().contains(
            QStringLiteral("unfulfillable status= closed")));
    QJsonObject other = fulfilmentInput(fo);
    other.insert(QStringLiteral("notifyCustomer"), true);
    const QJsonObject mismatch = fulfil(m_sandbox, QStringLiteral("ship-1"), other);
    EXPECT_TRUE(payloadOf(mismatch)[QStringLiteral("userErrors")][0][QStringLiteral("message")]
                    .toString()
                    .contains(QStringLiteral("already used with different parameters")))
        << QJsonDocument(mismatch).toJson().toStdString();
    EXPECT_EQ(m_receiver.withTopic("fulfillments/create").size(), 1);
}

TEST_F(ShopifyFulfillments, partialFulfilmentAndBadRequestsAreUserErrorsThatChangeNothing)
{
    const QJsonObject fo = fulfillmentOrder();
    const QString foId = fo.value(QStringLiteral("id")).toString();
    const QJsonObject line = fo[QStringLiteral("lineItems")][QStringLiteral("nodes")][0].toObject();
    const qint64 remaining = line.value(QStringLiteral("remainingQuantity")).toInteger();

    const QJsonObject unknown
        = payloadOf(fulfil(m_sandbox,
                           QStringLiteral("bad-1"),
                           fulfilmentInput(QStringLiteral("gid://shopify/FulfillmentOrder/1"))));
    EXPECT_EQ(unknown[QStringLiteral("userErrors")][0][QStringLiteral("message")].toString(),
              QStringLiteral("Fulfillment order does not exist."));
    const QJsonObject tooMany = payloadOf(fulfil(
        m_sandbox,
        QStringLiteral("bad-2"),
        fulfilmentInput(foId,
                        {QJsonObject{{QStringLiteral("id"), line.value(QStringLiteral("id"))},
                                     {QStringLiteral("quantity"), remaining + 1}}})));
    EXPECT_FALSE(tooMany[QStringLiteral("userErrors")].toArray().isEmpty());
    EXPECT_EQ(order().value(QStringLiteral("displayFulfillmentStatus")).toString(),
              QStringLiteral("UNFULFILLED"));

    const QJsonObject one = payloadOf(fulfil(
        m_sandbox,
        QStringLiteral("part-1"),
        fulfilmentInput(foId,
                        {QJsonObject{{QStringLiteral("id"), line.value(QStringLiteral("id"))},
                                     {QStringLiteral("quantity"), 1}}})));
    EXPECT_TRUE(one[QStringLiteral("userErrors")].toArray().isEmpty());
    const bool wholeOrder
        = remaining == 1
          && fo[QStringLiteral("lineItems")][QStringLiteral("nodes")].toArray().size() == 1;
    EXPECT_EQ(order().value(QStringLiteral("displayFulfillmentStatus")).toString(),
              wholeOrder ? QStringLiteral("FULFILLED") : QStringLiteral("PARTIALLY_FULFILLED"));
    EXPECT_EQ(fulfillmentOrder()[QStringLiteral("lineItems")][QStringLiteral("nodes")][0]
                                [QStringLiteral("remainingQuantity")]
                                    .toInteger(),
              remaining - 1);
}
