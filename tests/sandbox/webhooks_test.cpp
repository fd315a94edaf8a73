#include "sandboxprocess.h"
#include "webhookreceiver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace Ledgerdesk::SandboxTests;

namespace {

QString subscribe(SandboxProcess &sandbox, const QString &topic, const QString &url)
{
    const HttpResult result = sandbox.graphql(
        QStringLiteral(
            "mutation($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) { "
            "webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) { "
            "webhookSubscription { id topic } userErrors { field message } } }"),
        {{QStringLiteral("topic"), topic},
         {QStringLiteral("sub"),
          QJsonObject{{QStringLiteral("callbackUrl"), url},
                      {QStringLiteral("format"), QStringLiteral("JSON")}}}});
    return result
        .json()[QStringLiteral("data")][QStringLiteral("webhookSubscriptionCreate")]
               [QStringLiteral("webhookSubscription")][QStringLiteral("id")]
        .toString();
}

bool signatureMatches(const ReceivedWebhook &hook, const QByteArray &body, const QString &secret)
{
    const QByteArray expected
        = QMessageAuthenticationCode::hash(body, secret.toUtf8(), QCryptographicHash::Sha256)
              .toBase64();
    return expected == hook.header("X-Shopify-Hmac-Sha256");
}

} // namespace

TEST(ShopifyWebhooks, anOrderArrivesSignedRestShapedWithExact18DigitIds)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    WebhookReceiver receiver;
    ASSERT_FALSE(subscribe(sandbox, QStringLiteral("ORDERS_CREATE"), receiver.url()).isEmpty());
    ASSERT_FALSE(
        subscribe(sandbox, QStringLiteral("INVENTORY_LEVELS_UPDATE"), receiver.url()).isEmpty());
    const QJsonObject created
        = sandbox.control({{QStringLiteral("action"), QStringLiteral("createOrder")}});
    ASSERT_TRUE(created.contains(QStringLiteral("orderId")))
        << QJsonDocument(created).toJson().toStdString();
    ASSERT_TRUE(receiver.waitForTopic("orders/create", 1, 10000));
    ASSERT_TRUE(receiver.waitForTopic("inventory_levels/update", 1, 10000));
    const QList<ReceivedWebhook> orders = receiver.withTopic("orders/create");
    ASSERT_EQ(orders.size(), 1);
    const ReceivedWebhook &hook = orders.first();

    // Every header the contract lists.
    EXPECT_EQ(hook.header("X-Shopify-Shop-Domain"),
              QByteArrayLiteral("ledgerdesk-demo.myshopify.com"));
    EXPECT_EQ(hook.header("X-Shopify-API-Version"), QByteArrayLiteral("2026-04"));
    EXPECT_FALSE(hook.header("X-Shopify-Webhook-Id").isEmpty());
    EXPECT_FALSE(hook.header("X-Shopify-Event-Id").isEmpty());
    EXPECT_TRUE(hook.header("X-Shopify-Triggered-At").endsWith('Z'));

    // HMAC over the exact bytes: valid as sent, invalid once one byte changes.
    EXPECT_TRUE(signatureMatches(hook, hook.body, sandbox.webhookSecret()));
    QByteArray tampered = hook.body;
    tampered.replace("\"quantity\":", "\"quantity\": ");
    ASSERT_NE(tampered, hook.body);
    EXPECT_FALSE(signatureMatches(hook, tampered, sandbox.webhookSecret()));
    EXPECT_FALSE(signatureMatches(hook, hook.body, QStringLiteral("shpss_not-the-secret")));

    // The 18-digit id survives byte for byte; a double would have rounded it.
    const QString orderGid = created.value(QStringLiteral("orderId")).toString();
    const QString digits = orderGid.section(u'/', -1);
    ASSERT_GE(digits.size(), 18);
    EXPECT_GT(digits.toLongLong(), 9007199254740992LL);
    EXPECT_TRUE(hook.body.startsWith("{")
                && hook.body.contains(QByteArray("\"id\":" + digits.toUtf8() + ",")));
    EXPECT_NE(QString::number(double(digits.toLongLong()), 'f', 0), digits);

    const QJsonObject body = QJsonDocument::fromJson(hook.body).object();
    EXPECT_EQ(body[QStringLiteral("admin_graphql_api_id")].toString(), orderGid);
    EXPECT_TRUE(
        QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-05:00$"))
            .match(body[QStringLiteral("created_at")].toString())
            .hasMatch())
        << body[QStringLiteral("created_at")].toString().toStdString();
    const QJsonObject line = body[QStringLiteral("line_items")][0].toObject();
    EXPECT_TRUE(line[QStringLiteral("price")].isString());
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^\\d+\\.\\d\\d$"))
                    .match(line[QStringLiteral("price")].toString())
                    .hasMatch());
    EXPECT_TRUE(
        line[QStringLiteral("price_set")][QStringLiteral("shop_money")][QStringLiteral("amount")]
            .isString());

    const QList<ReceivedWebhook> levels = receiver.withTopic("inventory_levels/update");
    ASSERT_FALSE(levels.isEmpty());
    const QJsonObject level = QJsonDocument::fromJson(levels.first().body).object();
    EXPECT_TRUE(level[QStringLiteral("admin_graphql_api_id")].toString().contains(
        QStringLiteral("?inventory_item_id=")));
    EXPECT_TRUE(level.contains(QStringLiteral("available")));
    EXPECT_TRUE(signatureMatches(levels.first(), levels.first().body, sandbox.webhookSecret()));

    // The receiver has the bytes before the sandbox has read the 200: poll the oracle briefly.
    QJsonObject oracle;
    for (int i = 0; i < 50 && oracle[QStringLiteral("delivered")].toInteger() < 2; ++i) {
        oracle = sandbox.get(QStringLiteral("/_sandbox/webhooks")).json();
    }
    EXPECT_GE(oracle[QStringLiteral("delivered")].toInteger(), 2);
    EXPECT_EQ(oracle[QStringLiteral("failed")].toInteger(), 0);
}

TEST(ShopifyWebhooks, aFailedDeliveryIsRetriedWithTheSameWebhookId)
{
    SandboxProcess sandbox;
    // 600x: the first retry, 60 s of business time, comes after 100 ms.
    ASSERT_TRUE(sandbox.start({QStringLiteral("--speed"), QStringLiteral("600")}));
    WebhookReceiver receiver;
    receiver.script({500, 503});
    ASSERT_FALSE(subscribe(sandbox, QStringLiteral("PRODUCTS_UPDATE"), receiver.url()).isEmpty());
    sandbox.control({{QStringLiteral("action"), QStringLiteral("updateProduct")}});
    ASSERT_TRUE(receiver.waitFor(3, 15000));
    const QList<ReceivedWebhook> hooks = receiver.withTopic("products/update");
    ASSERT_EQ(hooks.size(), 3);
    EXPECT_EQ(hooks[0].header("X-Shopify-Webhook-Id"), hooks[1].header("X-Shopify-Webhook-Id"));
    EXPECT_EQ(hooks[1].header("X-Shopify-Webhook-Id"), hooks[2].header("X-Shopify-Webhook-Id"));
    EXPECT_EQ(hooks[0].header("X-Shopify-Event-Id"), hooks[2].header("X-Shopify-Event-Id"));
    EXPECT_EQ(hooks[0].body, hooks[2].body);
    QJsonObject oracle;
    for (int i = 0; i < 50 && oracle[QStringLiteral("delivered")].toInteger() < 1; ++i) {
        oracle = sandbox.get(QStringLiteral("/_sandbox/webhooks")).json();
    }
    EXPECT_EQ(oracle[QStringLiteral("delivered")].toInteger(), 1);
    EXPECT_EQ(oracle[QStringLiteral("failedAttempts")].toInteger(), 2);
    EXPECT_EQ(oracle[QStringLiteral("deliveries")][0][QStringLiteral("attempts")].toInt(), 3);
}

TEST(ShopifyWebhooks, duplicateFaultResendsTheSameDelivery)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    sandbox.control({{QStringLiteral("action"), QStringLiteral("setFaults")},
                     {QStringLiteral("faults"),
                      QJsonObject{{QStringLiteral("webhooks"),
                                   QJsonObject{{QStringLiteral("duplicateRate"), 1.0}}}}}});
    WebhookReceiver receiver;
    ASSERT_FALSE(subscribe(sandbox, QStringLiteral("COMPANIES_UPDATE"), receiver.url()).isEmpty());
    sandbox.control({{QStringLiteral("action"), QStringLiteral("updateCompany")}});
    ASSERT_TRUE(receiver.waitFor(2, 10000));
    EXPECT_EQ(receiver.received()[0].header("X-Shopify-Webhook-Id"),
              receiver.received()[1].header("X-Shopify-Webhook-Id"));
    EXPECT_EQ(receiver.received()[0].body, receiver.received()[1].body);
    EXPECT_TRUE(QJsonDocument::fromJson(receiver.received()[0].body)
                    .object()[QStringLiteral("admin_graphql_api_id")]
                    .toString()
                    .startsWith(QStringLiteral("gid://shopify/Company/")));
}

TEST(ShopifyWebhooks, onlyLoopbackCallbacksAreAccepted)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    EXPECT_TRUE(subscribe(sandbox,
                          QStringLiteral("ORDERS_CREATE"),
                          QStringLiteral("http://203.0.113.7/hooks"))
                    .isEmpty());
}

TEST(ShopifyWebhooks, fulfilmentsAndRefundsArriveAsRestResources)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    WebhookReceiver receiver;
    for (const QString &topic : {QStringLiteral("FULFILLMENTS_CREATE"),
                                 QStringLiteral("REFUNDS_CREATE"),
                                 QStringLiteral("ORDERS_UPDATED")}) {
        ASSERT_FALSE(subscribe(sandbox, topic, receiver.url()).isEmpty());
    }
    const QJsonObject created
        = sandbox.control({{QStringLiteral("action"), QStringLiteral("createOrder")}});
    sandbox.control({{QStringLiteral("action"), QStringLiteral("fulfillOrder")}});
    const QJsonObject refunded
        = sandbox.control({{QStringLiteral("action"), QStringLiteral("refundOrder")}});
    ASSERT_GE(refunded[QStringLiteral("order")].toInt(), 0);
    ASSERT_TRUE(receiver.waitFor(4, 10000));
    const QString orderDigits = created[QStringLiteral("orderId")].toString().section(u'/', -1);
    const QList<ReceivedWebhook> fulfilments = receiver.withTopic("fulfillments/create");
    ASSERT_EQ(fulfilments.size(), 1);
    EXPECT_TRUE(fulfilments[0].body.contains(QByteArray("\"order_id\":" + orderDigits.toUtf8())));
    const QList<ReceivedWebhook> refunds = receiver.withTopic("refunds/create");
    ASSERT_EQ(refunds.size(), 1);
    const QJsonObject refund = QJsonDocument::fromJson(refunds[0].body).object();
    EXPECT_TRUE(refund[QStringLiteral("transactions")][0][QStringLiteral("amount")].isString());
    EXPECT_EQ(refund[QStringLiteral("refund_line_items")][0][QStringLiteral("quantity")].toInt(),
              1);
    EXPECT_TRUE(refunds[0].body.contains(QByteArray("\"order_id\":" + orderDigits.toUtf8())));
    const QList<ReceivedWebhook> updates = receiver.withTopic("orders/updated");
    ASSERT_EQ(updates.size(), 2);
    EXPECT_EQ(QJsonDocument::fromJson(updates[1].body)
                  .object()[QStringLiteral("financial_status")]
                  .toString(),
              QStringLiteral("partially_refunded"));
}

TEST(ShopifyWebhooks, outOfOrderFaultLetsLaterEventsOvertake)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start({QStringLiteral("--seed"), QStringLiteral("11")}));
    sandbox.control({{QStringLiteral("action"), QStringLiteral("setFaults")},
                     {QStringLiteral("faults"),
                      QJsonObject{{QStringLiteral("webhooks"),
                                   QJsonObject{{QStringLiteral("outOfOrderRate"), 0.5}}}}}});
    WebhookReceiver receiver;
    ASSERT_FALSE(subscribe(sandbox, QStringLiteral("COMPANIES_UPDATE"), receiver.url()).isEmpty());
    for (int i = 0; i < 12; ++i) {
        sandbox.control({{QStringLiteral("action"), QStringLiteral("updateCompany")}});
    }
    ASSERT_TRUE(receiver.waitFor(12, 10000));
    // The oracle lists deliveries newest first, in the order the events happened.
    const QJsonArray deliveries = sandbox.get(QStringLiteral("/_sandbox/webhooks"))
                                      .json()[QStringLiteral("deliveries")]
                                      .toArray();
    ASSERT_EQ(deliveries.size(), 12);
    QList<QByteArray> happened;
    for (int i = int(deliveries.size()) - 1; i >= 0; --i) {
        happened << deliveries[i][QStringLiteral("webhookId")].toString().toUtf8();
    }
    QList<QByteArray> arrived;
    for (const ReceivedWebhook &hook : receiver.received()) {
        arrived << hook.header("X-Shopify-Webhook-Id");
    }
    EXPECT_NE(arrived, happened);
    EXPECT_GT(sandbox.get(QStringLiteral("/_sandbox/webhooks"))
                  .json()[QStringLiteral("heldBackForReordering")]
                  .toInt(),
              0);
}

TEST(ShopifyWebhooks, countDriftChangesALevelWithoutAnyWebhook)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    WebhookReceiver receiver;
    ASSERT_FALSE(
        subscribe(sandbox, QStringLiteral("INVENTORY_LEVELS_UPDATE"), receiver.url()).isEmpty());
    const qint64 before = sandbox.get(QStringLiteral("/_sandbox/state?system=shopify"))
                              .json()[QStringLiteral("shopify")][QStringLiteral("totalAvailable")]
                              .toInteger();
    int drifted = 0;
    for (int i = 0; i < 5; ++i) {
        drifted += sandbox.control({{QStringLiteral("action"),
                                     QStringLiteral("drift")}})[QStringLiteral("drifted")]
                           .toBool()
                       ? 1
                       : 0;
    }
    ASSERT_GT(drifted, 0);
    const QJsonObject after = sandbox.get(QStringLiteral("/_sandbox/state?system=shopify"))
                                  .json()[QStringLiteral("shopify")]
                                  .toObject();
    EXPECT_EQ(after[QStringLiteral("driftEvents")].toInt(), drifted);
    EXPECT_LE(std::abs(after[QStringLiteral("totalAvailable")].toInteger() - before), drifted);
    EXPECT_FALSE(receiver.waitFor(1, 300));
}

TEST(ShopifyWebhooks, aNewCompanyAnnouncesItselfAndItsLocation)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    WebhookReceiver receiver;
    ASSERT_FALSE(subscribe(sandbox, QStringLiteral("COMPANIES_CREATE"), receiver.url()).isEmpty());
    ASSERT_FALSE(
        subscribe(sandbox, QStringLiteral("COMPANY_LOCATIONS_CREATE"), receiver.url()).isEmpty());
    const QString companyId
        = sandbox
              .control({{QStringLiteral("action"),
                         QStringLiteral("createCompany")}})[QStringLiteral("companyId")]
              .toString();
    ASSERT_TRUE(receiver.waitFor(2, 10000));
    const QList<ReceivedWebhook> companies = receiver.withTopic("companies/create");
    ASSERT_EQ(companies.size(), 1);
    EXPECT_EQ(QJsonDocument::fromJson(companies[0].body)
                  .object()[QStringLiteral("admin_graphql_api_id")]
                  .toString(),
              companyId);
    const QList<ReceivedWebhook> locations = receiver.withTopic("company_locations/create");
    ASSERT_EQ(locations.size(), 1);
    EXPECT_EQ(QJsonDocument::fromJson(locations[0].body)
                  .object()[QStringLiteral("company_admin_graphql_api_id")]
                  .toString(),
              companyId);
    EXPECT_TRUE(signatureMatches(locations[0], locations[0].body, sandbox.webhookSecret()));
}

TEST(ShopifyWebhooks, badSignatureFaultSignsWithTheWrongSecret)
{
    SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start());
    sandbox.control({{QStringLiteral("action"), QStringLiteral("setFaults")},
                     {QStringLiteral("faults"),
                      QJsonObject{{QStringLiteral("webhooks"),
                                   QJsonObject{{QStringLiteral("badSignatureRate"), 1.0}}}}}});
    WebhookReceiver receiver;
    ASSERT_FALSE(subscribe(sandbox, QStringLiteral("PRODUCTS_UPDATE"), receiver.url()).isEmpty());
    sandbox.control({{QStringLiteral("action"), QStringLiteral("updateProduct")}});
    ASSERT_TRUE(receiver.waitFor(1, 10000));
    EXPECT_FALSE(receiver.received()[0].header("X-Shopify-Hmac-Sha256").isEmpty());
    EXPECT_FALSE(signatureMatches(
        receiver.received()[0], receiver.received()[0].body, sandbox.webhookSecret()));
}
