#pragma once

#include <core/error.h>
#include <core/sync/costbucket.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Ledgerdesk::Core {

struct ShopifyClientOptions
{
    QUrl graphqlUrl;
    QByteArray accessToken;
    int timeoutMs = 30000;
    int maxAttempts = 8;         // per request, throttling and transient failures together
    qint64 maxBackoffMs = 30000; // longest single wait between attempts
};

// Admin GraphQL over HTTP. Lives on the thread that created it (a connector's worker thread)
// and waits in a local event loop, so it must never run on the GUI thread. It keeps a model of
// the shop's cost bucket and only sends what the bucket can afford.
class ShopifyGraphqlClient final
{
    Q_DECLARE_TR_FUNCTIONS(ShopifyGraphqlClient)

public:
    explicit ShopifyGraphqlClient(ShopifyClientOptions options);
    ~ShopifyGraphqlClient();
    Q_DISABLE_COPY_MOVE(ShopifyGraphqlClient)

    // Returns `data`. Errors: Unauthorized (bad token), RateLimited (still throttled after the
    // retries), Network (transport or 5xx after the retries), Validation (GraphQL `errors`).
    Result<QJsonObject>
    execute(const QString &query, const QJsonObject &variables = {}, double estimatedCost = 10);

    // Set after a RateLimited or Network failure: how long the server asked us to wait.
    std::optional<qint64> lastRetryAfterMs() const { return m_lastRetryAfterMs; }

    qint64 throttledResponses() const { return m_throttled; }

    qint64 requestsSent() const { return m_sent; }

    const CostBucket &bucket() const { return m_bucket; }

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QByteArray retryAfter;
        QString transportError;
        bool unreachable = false; // refused or no such host: retrying this cycle cannot help
    };

    Reply post(const QByteArray &body);
    void wait(qint64 ms);
    qint64 backoffMs(int attempt) const;
    // Between half and all of `ceilingMs`, at random.
    static qint64 jittered(qint64 ceilingMs);
    void observeCost(const QJsonObject &extensions);

    ShopifyClientOptions m_options;
    std::unique_ptr<QNetworkAccessManager> m_network;
    CostBucket m_bucket;
    std::optional<qint64> m_lastRetryAfterMs;
    qint64 m_throttled = 0;
    qint64 m_sent = 0;
};

} // namespace Ledgerdesk::Core
