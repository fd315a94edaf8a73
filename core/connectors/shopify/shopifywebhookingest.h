#pragma once

#include <core/domain/timestamp.h>
#include <core/error.h>
#include <core/sync/webhookverifier.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace Ledgerdesk::Core {

class SecretStore;
class ShopifyGraphqlClient;
class Store;
struct ConnectionSettings;

enum class WebhookOutcome {
    Accepted,     // recorded, and applied when the topic is one the ledger follows
    Duplicate,    // this webhook id was received before
    Stale,        // older than what was already applied for the same level
    Unauthorized, // missing or wrong signature: audited, never parsed
    Malformed,    // signed correctly but not a body or headers we can read: nothing stored
    Failed,       // the ledger could not record it; Shopify retries
};

struct WebhookIngestResult
{
    WebhookOutcome outcome = WebhookOutcome::Accepted;
    QString reason;
    QString webhookId;
    QString topic;

    int httpStatus() const;
};

// One Shopify webhook delivery into the ledger: the signature over the raw bytes first, then
// the body; each delivery is recorded once in the inbox and an inventory level is settled as
// the pull would settle it, inside one short transaction.
class ShopifyWebhookIngest final
{
    Q_DECLARE_TR_FUNCTIONS(ShopifyWebhookIngest)

public:
    // `shopDomain`, when given, is the connection's shop: deliveries for another are refused.
    ShopifyWebhookIngest(Store &store, QList<QByteArray> secrets, QString shopDomain = {});

    // Header names are matched case-insensitively.
    WebhookIngestResult ingest(const QHash<QByteArray, QByteArray> &headers,
                               const QByteArray &rawBody);

    // A client for the connection (graphqlUrl, or baseUrl and apiVersion, and its token).
    static Result<std::unique_ptr<ShopifyGraphqlClient>>
    clientFor(const ConnectionSettings &settings, SecretStore &secrets);
    // webhookSubscriptionCreate for `topic` ("inventory_levels/update"); returns its id.
    static Result<QString>
    subscribe(ShopifyGraphqlClient &client, const QString &topic, const QString &callbackUrl);
    static Status unsubscribe(ShopifyGraphqlClient &client, const QString &subscriptionId);

private:
    WebhookIngestResult reject(WebhookIngestResult result, const QString &reason);
    WebhookIngestResult ingestLevel(WebhookIngestResult result, const QByteArray &rawBody);
    WebhookIngestResult ingestOrder(WebhookIngestResult result, const QByteArray &rawBody);
    WebhookIngestResult recordOnly(WebhookIngestResult result,
                                   const QString &entityKey,
                                   UtcMillis sourceAt,
                                   const QString &outcome,
                                   const QByteArray &rawBody);

    Store &m_store;
    WebhookVerifier m_verifier;
    QString m_shopDomain;
};

} // namespace Ledgerdesk::Core
