#include "sandboxprocess.h"
#include "webhookreceiver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Ledgerdesk::SandboxTests;

TEST(SandboxPersistence, aRestartWithTheDataDirKeepsLevelsKeysOrdersAndSubscriptions)
{
    QTemporaryDir dir;
    const QStringList args{QStringLiteral("--data-dir"), dir.path()};
    QString sku;
    QString orderId;
    QString companyId;
    {
        SandboxProcess sandbox;
        ASSERT_TRUE(sandbox.start(args));
        const QJsonObject first
            = sandbox
                  .graphql(QStringLiteral("{ locations(first: 1) { nodes { id } } "
                                          "inventoryItems(first: 1) { nodes { id sku } } }"))
                  .json()[QStringLiteral("data")]
                  .toObject();
        sku = first[QStringLiteral("inventoryItems")][QStringLiteral("nodes")][0]
                   [QStringLiteral("sku")]
                       .toString();
        const HttpResult set = sandbox.graphql(
            QStringLiteral("mutation { inventorySetQuantities(input: {name: \"available\", reason: "
                           "\"correction\", quantities: "
                           "[{inventoryItemId: \"%1\", locationId: \"%2\", quantity: 321, "
                           "changeFromQuantity: null}]}) "
                           "@idempotent(key: \"persist-1\") { userErrors { code } } }")
                .arg(first[QStringLiteral("inventoryItems")][QStringLiteral("nodes")][0]
                          [QStringLiteral("id")]
                              .toString(),
                     first[QStringLiteral("locations")][QStringLiteral("nodes")][0]
                          [QStringLiteral("id")]
                              .toString()));
        ASSERT_TRUE(set.json()[QStringLiteral("data")][QStringLiteral("inventorySetQuantities")]
                              [QStringLiteral("userErrors")]
                                  .toArray()
                                  .isEmpty());
        orderId = sandbox
                      .control({{QStringLiteral("action"),
                                 QStringLiteral("createOrder")}})[QStringLiteral("orderId")]
                      .toString();
        companyId = sandbox
                        .control({{QStringLiteral("action"),
                                   QStringLiteral("createCompany")}})[QStringLiteral("companyId")]
                        .toString();
        ASSERT_FALSE(companyId.isEmpty());
        sandbox.graphql(QStringLiteral(
            "mutation { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: "
            "{callbackUrl: \"http://127.0.0.1:9/hooks\", format: JSON}) { userErrors { message } } "
            "}"));
        EXPECT_EQ(sandbox.stop(), 0);
    }
    SandboxProcess again;
    ASSERT_TRUE(again.start(args)) << again.output().toStdString();
    const QJsonObject state = again.get(QStringLiteral("/_sandbox/state?system=shopify&sku=") + sku)
                                  .json()[QStringLiteral("shopify")]
                                  .toObject();
    EXPECT_EQ(state[QStringLiteral("levels")][0][QStringLiteral("quantities")]
                   [QStringLiteral("available")]
                       .toInteger(),
              321);
    EXPECT_EQ(again.get(QStringLiteral("/_sandbox/idempotency?key=persist-1"))
                  .json()[QStringLiteral("applied")]
                  .toInteger(),
              1);
    const HttpResult order
        = again.graphql(QStringLiteral("query($id: ID!) { order(id: $id) { id name } }"),
                        {{QStringLiteral("id"), orderId}});
    EXPECT_EQ(order.json()[QStringLiteral("data")][QStringLiteral("order")][QStringLiteral("id")]
                  .toString(),
              orderId);
    const HttpResult company
        = again.graphql(QStringLiteral("query($id: ID!) { company(id: $id) { name locations(first: "
                                       "5) { nodes { currency } } } }"),
                        {{QStringLiteral("id"), companyId}});
    EXPECT_EQ(company
                  .json()[QStringLiteral("data")][QStringLiteral("company")][QStringLiteral(
                      "locations")][QStringLiteral("nodes")][0][QStringLiteral("currency")]
                  .toString(),
              QStringLiteral("USD"))
        << company.body.toStdString();
    const HttpResult subs = again.graphql(
        QStringLiteral("{ webhookSubscriptions(first: 10) { nodes { topic callbackUrl } } }"));
    EXPECT_EQ(subs.json()[QStringLiteral("data")][QStringLiteral("webhookSubscriptions")]
                         [QStringLiteral("nodes")]
                             .toArray()
                             .size(),
              1);
    EXPECT_EQ(again.accessToken().isEmpty(), false);
}

TEST(SandboxPersistence, aDataDirFromAnotherSeedOrDamagedIsRefusedWithAMessage)
{
    QTemporaryDir dir;
    {
        SandboxProcess sandbox;
        ASSERT_TRUE(sandbox.start({QStringLiteral("--data-dir"),
                                   dir.path(),
                                   QStringLiteral("--seed"),
                                   QStringLiteral("1")}));
        EXPECT_EQ(sandbox.stop(), 0);
    }
    QProcess otherSeed;
    otherSeed.start(SandboxProcess::executable(),
                    {QStringLiteral("--port"),
                     QStringLiteral("0"),
                     QStringLiteral("--data-dir"),
                     dir.path(),
                     QStringLiteral("--seed"),
                     QStringLiteral("2")});
    ASSERT_TRUE(otherSeed.waitForFinished(15000));
    EXPECT_EQ(otherSeed.exitCode(), 3);
    EXPECT_TRUE(otherSeed.readAllStandardError().contains("seed"));

    QFile state(QDir(dir.path()).filePath(QStringLiteral("sandbox-state.json")));
    ASSERT_TRUE(state.open(QIODevice::WriteOnly | QIODevice::Truncate));
    state.write("{\"format\": \"ledgerdesk-sandbox-state\", \"shopify\": ");
    state.close();
    QProcess damaged;
    damaged.start(SandboxProcess::executable(),
                  {QStringLiteral("--port"),
                   QStringLiteral("0"),
                   QStringLiteral("--data-dir"),
                   dir.path(),
                   QStringLiteral("--seed"),
                   QStringLiteral("1")});
    ASSERT_TRUE(damaged.waitForFinished(15000));
    EXPECT_EQ(damaged.exitCode(), 3);
    EXPECT_TRUE(damaged.readAllStandardError().contains("damaged"));
}
