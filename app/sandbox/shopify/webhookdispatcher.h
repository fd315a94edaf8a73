#pragma once

#include "../faultplan.h"
#include "../sandboxclock.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Ledgerdesk::Sandbox {

struct WebhookSubscription
{
    qint64 id = 0;
    QString topic; // REST form, "orders/create"
    QUrl callbackUrl;
    QString apiVersion;
    QString name;
    qint64 createdAt = 0;
};

// Delivers webhooks the way Shopify does: REST-shaped JSON signed with HMAC-SHA256 over the
// exact bytes, a 5 s timeout, and retries that keep the webhook id, on a schedule compressed
// by the speed knob.
class WebhookDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookDispatcher)

public:
    static constexpr int kMaxAttempts = 9; // the first try plus 8 retries over about 4 hours

    WebhookDispatcher(const SandboxClock &clock,
                      QByteArray secret,
                      QString shopDomain,
                      quint32 seed,
                      QObject *parent = nullptr);

    void setFaults(const WebhookFaults &faults) { m_faults = faults; }

    void setClockSkew(qint64 ms) { m_skewMs = ms; }

    qint64 subscribe(const QString &topic,
                     const QUrl &callbackUrl,
                     const QString &apiVersion,
                     const QString &name);
    bool unsubscribe(qint64 id);

    const QList<WebhookSubscription> &subscriptions() const { return m_subscriptions; }

    // Queues one delivery per subscription to `topic`.
    void publish(const QString &topic, const QByteArray &body);

    static QByteArray sign(const QByteArray &body, const QByteArray &secret);
    static bool isKnownTopic(const QString &topic);

    QJsonObject inspect(int limit) const;
    QJsonObject saveState() const;
    void loadState(const QJsonObject &state);

private:
    struct Delivery
    {
        QString webhookId;
        QString eventId;
        QString topic;
        qint64 subscriptionId = 0;
        QByteArray body;
        qint64 triggeredAt = 0;
        int attempts = 0;
        int sends = 0;
        QString state = QStringLiteral("pending"); // pending, delivered, failed
        int lastStatus = 0;
        QString lastError;
        qint64 deliveredAt = 0;
    };

    void schedule(int index, qint64 realDelayMs, bool duplicate);
    void attempt(int index, bool duplicate);
    void finished(int index, QNetworkReply *reply, bool duplicate);
    qint64 retryDelayMs(int attempts) const;

    const SandboxClock &m_clock;
    QByteArray m_secret;
    QString m_shopDomain;
    QRandomGenerator m_rng;
    WebhookFaults m_faults;
    qint64 m_skewMs = 0;
    QNetworkAccessManager *m_network = nullptr;
    QList<WebhookSubscription> m_subscriptions;
    QList<Delivery> m_deliveries;
    qint64 m_nextSubscriptionId = 1;
    qint64 m_delivered = 0;
    qint64 m_failed = 0;
    qint64 m_failedAttempts = 0;
    qint64 m_duplicatesSent = 0;
    qint64 m_reordered = 0;
};

} // namespace Ledgerdesk::Sandbox
