#pragma once

#include "../business/shopifyactivity.h"
#include "../business/shopifystore.h"
#include "../faultinjector.h"
#include "../faultplan.h"
#include "costbucket.h"
#include "idempotencystore.h"

#include <core/error.h>

#include <QObject>
#include <QTimer>
#include <QUrlQuery>

class QHttpServer;

namespace Ledgerdesk::Sandbox {

class SandboxClock;
class WebhookDispatcher;

struct ShopifyCredentials
{
    QString shopDomain;
    QString accessToken;
    QString webhookSecret;
    QString apiVersion;
};

// The Shopify stand-in: state, GraphQL endpoint, webhooks, business activity and its faults.
class ShopifyService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShopifyService)

public:
    ShopifyService(const QString &shopName,
                   const QString &apiVersion,
                   quint32 seed,
                   const ShopifyFaults &faults,
                   const SandboxClock &clock,
                   QObject *parent = nullptr);
    ~ShopifyService() override;

    void mount(QHttpServer &server);
    void start(bool business);

    const ShopifyCredentials &credentials() const { return m_credentials; }

    QJsonObject inspectState(const QUrlQuery &query) const;
    QJsonObject inspectIdempotency(const QString &key) const;
    QJsonObject inspectWebhooks(int limit) const;
    QJsonObject inspectThrottle();
    // Test and demo controls: change a level, create/fulfil/refund an order, set faults.
    Core::Result<QJsonObject> control(const QJsonObject &command);

    QJsonObject saveState() const;
    Core::Status loadState(const QJsonObject &state);

signals:
    void stateChanged();

private:
    void applyFaults(const ShopifyFaults &faults);
    void onTick();

    const SandboxClock &m_clock;
    quint32 m_seed = 0;
    ShopifyCredentials m_credentials;
    ShopifyFaults m_faults;
    ShopifyStore m_store;
    FaultInjector m_injector;
    CostBucket m_bucket;
    IdempotencyStore m_idempotency;
    WebhookDispatcher *m_webhooks = nullptr;
    std::unique_ptr<ShopifyActivity> m_activity;
    QTimer m_tick;
    qint64 m_requests = 0;
};

} // namespace Ledgerdesk::Sandbox
