#include "webhookfixture.h"

#include <core/catalog/externalidmap.h>
#include <core/connectors/shopify/shopifywebhookingest.h>
#include <core/store/sql.h>
#include <core/sync/webhookverifier.h>

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace Ledgerdesk::WebhookTests {

using namespace Core;

void WebhookTest::SetUp()
{
    ShopifySyncTest::SetUp();
    if (HasFatalFailure()) {
        return;
    }
    firstCycleAcceptingShopify();
    if (HasFatalFailure()) {
        return;
    }
    m_receiver = std::make_unique<App::WebhookReceiver>(
        m_ledger.store(),
        QList<QByteArray>{m_sandbox.webhookSecret().toUtf8()},
        QString::fromLatin1(kShopDomain));
    QObject::connect(
        m_receiver.get(),
        &App::WebhookReceiver::deliveryHandled,
        m_receiver.get(),
        [this](const QString &webhookId,
               const QString &topic,
               int status,
               const QString &reason,
               qint64 elapsedMicros) {
            m_handled << HandledDelivery{webhookId, topic, status, reason, elapsedMicros};
        });
    const Status started = m_receiver->start(0);
    ASSERT_TRUE(started.ok()) << started.error().message.toStdString();
    ASSERT_NE(m_receiver->port(), 0);
    auto client = ShopifyWebhookIngest::clientFor(m_settings, m_secrets);
    ASSERT_TRUE(client.ok()) << client.error().message.toStdString();
    m_client = std::move(client).value();
    auto subscribed = ShopifyWebhookIngest::subscribe(
        *m_client, QStringLiteral("inventory_levels/update"), m_receiver->callbackUrl());
    ASSERT_TRUE(subscribed.ok()) << subscribed.error().message.toStdString();
    m_subscription = subscribed.value();
}

void WebhookTest::TearDown()
{
    if (m_client && !m_subscription.isEmpty()) {
        const Status removed = ShopifyWebhookIngest::unsubscribe(*m_client, m_subscription);
        EXPECT_TRUE(removed.ok()) << removed.error().message.toStdString();
    }
    if (m_receiver) {
        m_receiver->stop();
    }
}

bool WebhookTest::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QEventLoop loop;
        QTimer::singleShot(2, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

QList<HandledDelivery> WebhookTest::handledWithStatus(int status) const
{
    QList<HandledDelivery> out;
    for (const HandledDelivery &d : m_handled) {
        if (d.status == status) {
            out << d;
        }
    }
    return out;
}

int WebhookTest::post(const QByteArray &body,
                      const QByteArray &topic,
                      const QString &webhookId,
                      const QByteArray &secret,
                      const QByteArray &shopDomain)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_receiver->callbackUrl()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Shopify-Hmac-Sha256", WebhookVerifier::sign(secret, body));
    request.setRawHeader("X-Shopify-Topic", topic);
    request.setRawHeader("X-Shopify-Shop-Domain", shopDomain);
    request.setRawHeader("X-Shopify-API-Version", "2026-04");
    request.setRawHeader("X-Shopify-Webhook-Id", webhookId.toUtf8());
    request.setRawHeader("X-Shopify-Event-Id", webhookId.toUtf8());
    QNetworkReply *reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

QByteArray WebhookTest::levelBody(const QString &sku,
                                  const QString &code,
                                  qint64 available,
                                  const QDateTime &at)
{
    ExternalIdMap links(m_ledger.store());
    const auto item = links.externalId(
        QStringLiteral("shopify"), QStringLiteral("inventory_item"), m_ledger.variant(sku));
    const auto location = links.externalId(
        QStringLiteral("shopify"), QStringLiteral("location"), m_ledger.location(code));
    EXPECT_TRUE(item.ok() && item.value() && location.ok() && location.value());
    if (!item.ok() || !item.value() || !location.ok() || !location.value()) {
        return {};
    }
    const QString itemNumber = item.value()->mid(item.value()->lastIndexOf(u'/') + 1);
    const QString locationNumber = location.value()->mid(location.value()->lastIndexOf(u'/') + 1);
    // Written by hand so the ids stay exact 64-bit integers, as Shopify sends them.
    return QStringLiteral("{\"inventory_item_id\":%1,\"location_id\":%2,\"available\":%3,"
                          "\"updated_at\":\"%4\",\"admin_graphql_api_id\":\"gid://shopify/"
                          "InventoryLevel/%2?inventory_item_id=%1\"}")
        .arg(itemNumber, locationNumber)
        .arg(available)
        .arg(at.toOffsetFromUtc(-5 * 3600).toString(Qt::ISODate))
        .toUtf8();
}

qint64 WebhookTest::countRows(const QString &sql)
{
    auto q = runQuery(m_ledger.store().connection(), sql);
    EXPECT_TRUE(q.ok());
    return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
}

} // namespace Ledgerdesk::WebhookTests
