#include "webhookdispatcher.h"

#include "shopifyformat.h"

#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

#include <array>

namespace Ledgerdesk::Sandbox {

Q_LOGGING_CATEGORY(lcWebhooks, "ledgerdesk.sandbox.webhooks")

namespace {

// Eight retries over four hours, growing exponentially (business seconds).
constexpr std::array<qint64, 8> kRetrySeconds = {60, 120, 240, 480, 960, 1920, 3840, 6780};
constexpr int kTimeoutMs = 5000;
constexpr int kMaxKeptDeliveries = 5000;

const QStringList kTopics = {
    QStringLiteral("orders/create"),
    QStringLiteral("orders/updated"),
    QStringLiteral("orders/paid"),
    QStringLiteral("orders/cancelled"),
    QStringLiteral("orders/fulfilled"),
    QStringLiteral("refunds/create"),
    QStringLiteral("fulfillments/create"),
    QStringLiteral("fulfillments/update"),
    QStringLiteral("inventory_levels/update"),
    QStringLiteral("inventory_items/update"),
    QStringLiteral("products/create"),
    QStringLiteral("products/update"),
    QStringLiteral("companies/create"),
    QStringLiteral("companies/update"),
    QStringLiteral("companies/delete"),
    QStringLiteral("company_locations/create"),
    QStringLiteral("company_locations/update"),
    QStringLiteral("company_locations/delete"),
};

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    return (url.scheme() == u"http" || url.scheme() == u"https")
           && (host == u"127.0.0.1" || host == u"localhost" || host == u"::1");
}

} // namespace

WebhookDispatcher::WebhookDispatcher(
    const SandboxClock &clock, QByteArray secret, QString shopDomain, quint32 seed, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_secret(std::move(secret))
    , m_shopDomain(std::move(shopDomain))
    , m_rng(seed ^ 0x5EB400C5u)
    , m_network(new QNetworkAccessManager(this))
{}

bool WebhookDispatcher::isKnownTopic(const QString &topic)
{
    return kTopics.contains(topic);
}

QByteArray WebhookDispatcher::sign(const QByteArray &body, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toBase64();
}

qint64 WebhookDispatcher::subscribe(const QString &topic,
                                    const QUrl &callbackUrl,
                                    const QString &apiVersion,
                                    const QString &name)
{
    if (!isKnownTopic(topic) || !isLoopback(callbackUrl)) {
        return 0;
    }
    WebhookSubscription s;
    s.id = 1'200'000'000LL + m_nextSubscriptionId++;
    s.topic = topic;
    s.callbackUrl = callbackUrl;
    s.apiVersion = apiVersion;
    s.name = name;
    s.createdAt = m_clock.now();
    m_subscriptions << s;
    return s.id;
}

bool WebhookDispatcher::unsubscribe(qint64 id)
{
    for (int i = 0; i < m_subscriptions.size(); ++i) {
        if (m_subscriptions.at(i).id == id) {
            m_subscriptions.removeAt(i);
            return true;
        }
    }
    return false;
}

void WebhookDispatcher::publish(const QString &topic, const QByteArray &body)
{
    for (const WebhookSubscription &s : std::as_const(m_subscriptions)) {
        if (s.topic != topic) {
            continue;
        }
        if (m_deliveries.size() >= kMaxKeptDeliveries) {
            // Forget the oldest settled delivery; pending ones are never dropped.
            for (int i = 0; i < m_deliveries.size(); ++i) {
                if (m_deliveries.at(i).state != u"pending") {
                    m_deliveries.removeAt(i);
                    break;
                }
            }
        }
        Delivery d;
        d.webhookId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        d.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        d.topic = topic;
        d.subscriptionId = s.id;
        d.body = body;
        d.triggeredAt = m_clock.now();
        // Body faults are decided once, so retries resend the very same bytes.
        if (m_rng.generateDouble() < m_faults.wrongShapeRate) {
            d.body = QByteArrayLiteral("{\"webhook\":{\"data\":[]},\"ok\":true}");
        }
        if (m_rng.generateDouble() < m_faults.malformedRate) {
            d.body = d.body.left(d.body.size() / 3) + QByteArrayLiteral("{]\"\x01,");
        }
        if (m_rng.generateDouble() < m_faults.truncatedRate) {
            d.body = d.body.left(d.body.size() / 2);
        }
        m_deliveries << d;
        const int index = int(m_deliveries.size()) - 1;
        qint64 delay = 0;
        if (m_rng.generateDouble() < m_faults.outOfOrderRate) {
            delay = 50 + m_rng.bounded(400); // held back so later events overtake it
            ++m_reordered;
        }
        schedule(index, delay, false);
        if (m_rng.generateDouble() < m_faults.duplicateRate) {
            schedule(index, delay + 20 + m_rng.bounded(200), true);
        }
    }
}

void WebhookDispatcher::schedule(int index, qint64 realDelayMs, bool duplicate)
{
    const QString webhookId = m_deliveries.at(index).webhookId;
    QTimer::singleShot(realDelayMs, this, [this, webhookId, duplicate] {
        // Indexes shift when old deliveries are forgotten; find it again by id.
        for (int i = int(m_deliveries.size()) - 1; i >= 0; --i) {
            if (m_deliveries.at(i).webhookId == webhookId) {
                attempt(i, duplicate);
                return;
            }
        }
    });
}

qint64 WebhookDispatcher::retryDelayMs(int attempts) const
{
    const qint64 seconds
        = kRetrySeconds[std::size_t(std::clamp(attempts - 1, 0, int(kRetrySeconds.size()) - 1))];
    return std::max<qint64>(10, m_clock.realDelay(seconds * 1000));
}

void WebhookDispatcher::attempt(int index, bool duplicate)
{
    Delivery &d = m_deliveries[index];
    if (!duplicate && d.state != u"pending") {
        return;
    }
    const WebhookSubscription *sub = nullptr;
    for (const WebhookSubscription &s : std::as_const(m_subscriptions)) {
        if (s.id == d.subscriptionId) {
            sub = &s;
        }
    }
    if (sub == nullptr) {
        d.state = QStringLiteral("failed");
        d.lastError = QStringLiteral("subscription deleted");
        ++m_failed;
        return;
    }
    if (!duplicate) {
        ++d.attempts;
    } else {
        ++m_duplicatesSent;
    }
    ++d.sends;
    QNetworkRequest request(sub->callbackUrl);
    request.setTransferTimeout(kTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const bool badSignature = m_rng.generateDouble() < m_faults.badSignatureRate;
    request.setRawHeader(
        "X-Shopify-Hmac-Sha256",
        sign(d.body, badSignature ? m_secret + QByteArrayLiteral("-wrong") : m_secret));
    request.setRawHeader("X-Shopify-Topic", d.topic.toUtf8());
    request.setRawHeader("X-Shopify-Shop-Domain", m_shopDomain.toUtf8());
    request.setRawHeader("X-Shopify-API-Version", sub->apiVersion.toUtf8());
    request.setRawHeader("X-Shopify-Webhook-Id", d.webhookId.toUtf8());
    request.setRawHeader("X-Shopify-Event-Id", d.eventId.toUtf8());
    request.setRawHeader("X-Shopify-Triggered-At",
                         ShopifyFormat::graphqlTime(d.triggeredAt + m_skewMs).toUtf8());
    if (!sub->name.isEmpty()) {
        request.setRawHeader("X-Shopify-Name", sub->name.toUtf8());
    }
    QNetworkReply *reply = m_network->post(request, d.body);
    const QString webhookId = d.webhookId;
    connect(reply, &QNetworkReply::finished, this, [this, reply, webhookId, duplicate] {
        reply->deleteLater();
        for (int i = int(m_deliveries.size()) - 1; i >= 0; --i) {
            if (m_deliveries.at(i).webhookId == webhookId) {
                finished(i, reply, duplicate);
                return;
            }
        }
    });
}

void WebhookDispatcher::finished(int index, QNetworkReply *reply, bool duplicate)
{
    Delivery &d = m_deliveries[index];
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (duplicate) {
        return; // the copy's fate does not change the original delivery's
    }
    d.lastStatus = status;
    if (status >= 200 && status < 300) {
        if (d.state == u"pending") {
            d.state = QStringLiteral("delivered");
            d.deliveredAt = m_clock.now();
            ++m_delivered;
        }
        return;
    }
    ++m_failedAttempts;
    d.lastError = reply->error() == QNetworkReply::OperationCanceledError
                      ? QStringLiteral("timed out after 5 s")
                      : reply->errorString();
    if (d.attempts >= kMaxAttempts) {
        d.state = QStringLiteral("failed");
        ++m_failed;
        qCInfo(lcWebhooks) << "gave up on" << d.topic << d.webhookId;
        return;
    }
    schedule(index, retryDelayMs(d.attempts), false);
}

QJsonObject WebhookDispatcher::inspect(int limit) const
{
    QJsonArray subs;
    for (const WebhookSubscription &s : m_subscriptions) {
        subs.append(QJsonObject{
            {QStringLiteral("id"), ShopifyFormat::gid(QStringLiteral("WebhookSubscription"), s.id)},
            {QStringLiteral("topic"), s.topic},
            {QStringLiteral("callbackUrl"), s.callbackUrl.toString()},
            {QStringLiteral("apiVersion"), s.apiVersion}});
    }
    QJsonArray deliveries;
    qint64 pending = 0;
    for (int i = int(m_deliveries.size()) - 1; i >= 0; --i) {
        const Delivery &d = m_deliveries.at(i);
        pending += d.state == u"pending" ? 1 : 0;
        if (deliveries.size() < limit) {
            deliveries.append(QJsonObject{
                {QStringLiteral("webhookId"), d.webhookId},
                {QStringLiteral("eventId"), d.eventId},
                {QStringLiteral("topic"), d.topic},
                {QStringLiteral("state"), d.state},
                {QStringLiteral("attempts"), d.attempts},
                {QStringLiteral("sends"), d.sends},
                {QStringLiteral("lastStatus"), d.lastStatus},
                {QStringLiteral("lastError"), d.lastError},
                {QStringLiteral("triggeredAt"), ShopifyFormat::graphqlTime(d.triggeredAt)}});
        }
    }
    return {{QStringLiteral("subscriptions"), subs},
            {QStringLiteral("delivered"), QJsonValue(m_delivered)},
            {QStringLiteral("failed"), QJsonValue(m_failed)},
            {QStringLiteral("pending"), QJsonValue(pending)},
            {QStringLiteral("failedAttempts"), QJsonValue(m_failedAttempts)},
            {QStringLiteral("duplicatesSent"), QJsonValue(m_duplicatesSent)},
            {QStringLiteral("heldBackForReordering"), QJsonValue(m_reordered)},
            {QStringLiteral("deliveries"), deliveries}};
}

QJsonObject WebhookDispatcher::saveState() const
{
    QJsonArray subs;
    for (const WebhookSubscription &s : m_subscriptions) {
        subs.append(QJsonObject{{QStringLiteral("id"), QString::number(s.id)},
                                {QStringLiteral("topic"), s.topic},
                                {QStringLiteral("callbackUrl"), s.callbackUrl.toString()},
                                {QStringLiteral("apiVersion"), s.apiVersion},
                                {QStringLiteral("name"), s.name},
                                {QStringLiteral("createdAt"), QJsonValue(s.createdAt)}});
    }
    return {{QStringLiteral("subscriptions"), subs},
            {QStringLiteral("nextSubscriptionId"), QJsonValue(m_nextSubscriptionId)},
            {QStringLiteral("delivered"), QJsonValue(m_delivered)},
            {QStringLiteral("failed"), QJsonValue(m_failed)},
            {QStringLiteral("failedAttempts"), QJsonValue(m_failedAttempts)}};
}

void WebhookDispatcher::loadState(const QJsonObject &state)
{
    m_subscriptions.clear();
    for (const QJsonValue &v : state.value(QStringLiteral("subscriptions")).toArray()) {
        const QJsonObject o = v.toObject();
        WebhookSubscription s;
        s.id = o.value(QStringLiteral("id")).toString().toLongLong();
        s.topic = o.value(QStringLiteral("topic")).toString();
        s.callbackUrl = QUrl(o.value(QStringLiteral("callbackUrl")).toString());
        s.apiVersion = o.value(QStringLiteral("apiVersion")).toString();
        s.name = o.value(QStringLiteral("name")).toString();
        s.createdAt = o.value(QStringLiteral("createdAt")).toInteger();
        if (isKnownTopic(s.topic) && isLoopback(s.callbackUrl)) {
            m_subscriptions << s;
        }
    }
    m_nextSubscriptionId
        = std::max<qint64>(1, state.value(QStringLiteral("nextSubscriptionId")).toInteger());
    m_delivered = state.value(QStringLiteral("delivered")).toInteger();
    m_failed = state.value(QStringLiteral("failed")).toInteger();
    m_failedAttempts = state.value(QStringLiteral("failedAttempts")).toInteger();
}

} // namespace Ledgerdesk::Sandbox
