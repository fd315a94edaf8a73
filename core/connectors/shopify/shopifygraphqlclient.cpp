#include "shopifygraphqlclient.h"

#include <core/domain/timestamp.h>
#include <core/net/interruptiblewait.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcShopifyClient, "ledgerdesk.core.shopify.client")

ShopifyGraphqlClient::ShopifyGraphqlClient(ShopifyClientOptions options)
    : m_options(std::move(options))
    , m_network(std::make_unique<QNetworkAccessManager>())
{}

ShopifyGraphqlClient::~ShopifyGraphqlClient() = default;

void ShopifyGraphqlClient::wait(qint64 ms)
{
    pauseUnlessStopped(ms);
}

qint64 ShopifyGraphqlClient::jittered(qint64 ceilingMs)
{
    const qint64 half = ceilingMs / 2;
    return half + qint64(QRandomGenerator::global()->bounded(double(half + 1)));
}

qint64 ShopifyGraphqlClient::backoffMs(int attempt) const
{
    // Exponential from 250 ms; the bucket or Retry-After usually says more precisely.
    return std::min<qint64>(m_options.maxBackoffMs, 250LL << std::min(attempt, 10));
}

ShopifyGraphqlClient::Reply ShopifyGraphqlClient::post(const QByteArray &body)
{
    QNetworkRequest request(m_options.graphqlUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Shopify-Access-Token", m_options.accessToken);
    request.setTransferTimeout(m_options.timeoutMs);
    QNetworkReply *reply = m_network->post(request, body);
    ++m_sent;
    const WaitEnd end = waitForReply(reply, m_options.timeoutMs + 1000);
    Reply result;
    if (end != WaitEnd::Finished) {
        reply->abort();
        result.transportError = end == WaitEnd::Interrupted
                                    ? tr("sync was stopped")
                                    : tr("no answer within %1 ms").arg(m_options.timeoutMs);
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.retryAfter = reply->rawHeader("Retry-After");
    if (result.status == 0 && result.transportError.isEmpty()) {
        result.transportError = reply->errorString();
    }
    result.unreachable = reply->error() == QNetworkReply::ConnectionRefusedError
                         || reply->error() == QNetworkReply::HostNotFoundError;
    delete reply; // finished or aborted: no signal is pending
    return result;
}

void ShopifyGraphqlClient::observeCost(const QJsonObject &extensions)
{
    const QJsonObject status = extensions.value(QStringLiteral("cost"))
                                   .toObject()
                                   .value(QStringLiteral("throttleStatus"))
                                   .toObject();
    if (status.isEmpty()) {
        return;
    }
    m_bucket.observe(status.value(QStringLiteral("maximumAvailable")).toDouble(1000),
                     status.value(QStringLiteral("currentlyAvailable")).toDouble(),
                     status.value(QStringLiteral("restoreRate")).toDouble(100),
                     nowUtcMillis());
}

Result<QJsonObject> ShopifyGraphqlClient::execute(const QString &query,
                                                  const QJsonObject &variables,
                                                  double estimatedCost)
{
    QJsonObject envelope{{QStringLiteral("query"), query}};
    if (!variables.isEmpty()) {
        envelope.insert(QStringLiteral("variables"), variables);
    }
    const QByteArray body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    double cost = estimatedCost;
    m_lastRetryAfterMs.reset();
    Error last = makeError(ErrorCode::Network, tr("Shopify did not answer"));
    for (int attempt = 0; attempt < m_options.maxAttempts; ++attempt) {
        if (stopRequested()) {
            return makeError(ErrorCode::Network, tr("sync was stopped"));
        }
        wait(std::min(m_options.maxBackoffMs, m_bucket.waitMs(cost, nowUtcMillis())));
        m_bucket.spend(cost, nowUtcMillis());
        const Reply reply = post(body);
        if (reply.status == 401 || reply.status == 403) {
            return makeError(ErrorCode::Unauthorized,
                             tr("Shopify refused the access token (HTTP %1): check the "
                                "connection's access token")
                                 .arg(reply.status));
        }
        const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
        const QJsonObject extensions = answer.value(QStringLiteral("extensions")).toObject();
        observeCost(extensions);
        const qint64 requested = qint64(extensions.value(QStringLiteral("cost"))
                                            .toObject()
                                            .value(QStringLiteral("requestedQueryCost"))
                                            .toDouble(cost));
        cost = std::max<double>(1.0, double(requested));
        const QJsonArray errors = answer.value(QStringLiteral("errors")).toArray();
        const bool throttledBody
            = !errors.isEmpty()
              && errors.first()[QStringLiteral("extensions")][QStringLiteral("code")].toString()
                     == u"THROTTLED";
        if (reply.status == 429 || throttledBody) {
            ++m_throttled;
            const bool costKnown = extensions.value(QStringLiteral("cost"))
                                       .toObject()
                                       .contains(QStringLiteral("throttleStatus"));
            // Without Retry-After or the bucket's state, back off exponentially with jitter,
            // so many clients do not come back at the same instant.
            const qint64 retryAfter = !reply.retryAfter.isEmpty()
                                          ? reply.retryAfter.toLongLong() * 1000
                                      : costKnown ? m_bucket.waitMs(cost, nowUtcMillis())
                                                  : jittered(backoffMs(attempt + 1));
            m_lastRetryAfterMs = std::max<qint64>(retryAfter, 100);
            last = makeError(ErrorCode::RateLimited, tr("Shopify throttled the request"));
            qCDebug(lcShopifyClient) << "throttled; waiting" << *m_lastRetryAfterMs << "ms";
            wait(std::min(m_options.maxBackoffMs, *m_lastRetryAfterMs));
            continue;
        }
        if (reply.unreachable) {
            // Nobody listens there now; the next cycle tries again, so the status bar can say
            // "offline" at once instead of after a minute of backoff.
            m_lastRetryAfterMs = backoffMs(attempt);
            return makeError(ErrorCode::Network,
                             tr("Shopify could not be reached: %1").arg(reply.transportError));
        }
        if (!reply.transportError.isEmpty() || reply.status >= 500 || reply.status == 0) {
            last
                = makeError(ErrorCode::Network,
                            reply.transportError.isEmpty()
                                ? tr("Shopify answered HTTP %1").arg(reply.status)
                                : tr("Shopify could not be reached: %1").arg(reply.transportError));
            qCDebug(lcShopifyClient) << "transient failure:" << last.message;
            wait(backoffMs(attempt));
            continue;
        }
        if (reply.status != 200) {
            return makeError(ErrorCode::Validation,
                             tr("Shopify refused the request (HTTP %1): %2")
                                 .arg(reply.status)
                                 .arg(QString::fromUtf8(reply.body.left(300))));
        }
        if (answer.isEmpty()) {
            // A malformed or cut-off body: the request may be sent again safely.
            last = makeError(ErrorCode::Network, tr("Shopify sent an unreadable answer"));
            wait(backoffMs(attempt));
            continue;
        }
        if (!errors.isEmpty()) {
            QStringList messages;
            for (const QJsonValue &e : errors) {
                messages << e[QStringLiteral("message")].toString();
            }
            return makeError(ErrorCode::Validation,
                             tr("Shopify rejected the query: %1").arg(messages.join(u"; ")));
        }
        if (!answer.value(QStringLiteral("data")).isObject()) {
            last = makeError(ErrorCode::Network, tr("Shopify's answer has no data"));
            wait(backoffMs(attempt));
            continue;
        }
        return answer.value(QStringLiteral("data")).toObject();
    }
    if (!m_lastRetryAfterMs) {
        m_lastRetryAfterMs = backoffMs(m_options.maxAttempts);
    }
    return Error{last.code,
                 tr("%1 (gave up after %2 attempts)").arg(last.message).arg(m_options.maxAttempts)};
}

} // namespace Ledgerdesk::Core
