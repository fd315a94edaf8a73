#pragma once

#include <app/support/webhookreceiver.h>
#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <tests/shopifysync/shopifysyncfixture.h>

#include <QDateTime>

#include <functional>
#include <memory>

namespace Ledgerdesk::WebhookTests {

struct HandledDelivery
{
    QString webhookId;
    QString topic;
    int status = 0;
    QString reason;
    qint64 elapsedMicros = 0;
};

// The Shopify sync fixture after a first cycle, with the webhook receiver listening and
// subscribed to inventory_levels/update at the sandbox.
inline constexpr const char *kShopDomain = "ledgerdesk-demo.myshopify.com";

class WebhookTest : public ShopifySyncTests::ShopifySyncTest
{
protected:
    void SetUp() override;
    void TearDown() override;

    // Runs the event loop until `done` holds; false after `timeoutMs`.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs);
    QList<HandledDelivery> handledWithStatus(int status) const;
    // Posts to the receiver as Shopify would, signed with `secret`; returns the HTTP status.
    int post(const QByteArray &body,
             const QByteArray &topic,
             const QString &webhookId,
             const QByteArray &secret,
             const QByteArray &shopDomain = kShopDomain);
    // An inventory_levels/update body for a mapped level, timestamped in the shop's offset.
    QByteArray
    levelBody(const QString &sku, const QString &code, qint64 available, const QDateTime &at);
    qint64 countRows(const QString &sql);

    std::unique_ptr<App::WebhookReceiver> m_receiver;
    QList<HandledDelivery> m_handled;
    std::unique_ptr<Core::ShopifyGraphqlClient> m_client;
    QString m_subscription;
};

} // namespace Ledgerdesk::WebhookTests
