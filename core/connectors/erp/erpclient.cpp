#include "erpclient.h"

#include <core/net/interruptiblewait.h>

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <chrono>

namespace Ledgerdesk::Core {

namespace {

Q_LOGGING_CATEGORY(lcErpClient, "ledgerdesk.core.erp.client")

constexpr int kMaxLimit = 1000;

} // namespace

ErpClient::ErpClient(ErpClientOptions options)
    : m_options(std::move(options))
    , m_signer(m_options.credentials)
    , m_retry(m_options.retryBaseMs, m_options.retryCapMs)
{}

ErpClient::~ErpClient() = default;

QString ErpClient::errorDetails(const QJsonObject &body)
{
    QStringList parts;
    for (const QJsonValue &value : body.value(QStringLiteral("o:errorDetails")).toArray()) {
        const QJsonObject detail = value.toObject();
        QString text = detail.value(QStringLiteral("detail")).toString();
        const QString code = detail.value(QStringLiteral("o:errorCode")).toString();
        const QString path = detail.value(QStringLiteral("o:errorPath")).toString();
        if (!path.isEmpty()) {
            text += QStringLiteral(" (at %1)").arg(path);
        }
        if (!code.isEmpty()) {
            text += QStringLiteral(" [%1]").arg(code);
        }
        parts << text;
    }
    return parts.join(QStringLiteral("; "));
}

Result<ErpQueryPage> ErpClient::suiteQl(const QString &query, int limit, qint64 offset)
{
    if (limit < 1 || limit > kMaxLimit) {
        return makeError(ErrorCode::Validation,
                         tr("a SuiteQL page holds 1 to %1 rows, not %2").arg(kMaxLimit).arg(limit));
    }
    QUrl url = m_options.suiteqlUrl;
    QUrlQuery params(url);
    params.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    params.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    url.setQuery(params);
    const auto answer = send("POST", url, {{QStringLiteral("q"), query}}, tr("SuiteQL query"));
    if (!answer) {
        return answer.error();
    }
    const QJsonObject json = answer.value();
    if (!json.value(QStringLiteral("items")).isArray()) {
        return makeError(ErrorCode::Network,
                         tr("the ERP's SuiteQL answer at offset %1 has no items list").arg(offset));
    }
    ErpQueryPage page;
    page.items = json.value(QStringLiteral("items")).toArray();
    page.hasMore = json.value(QStringLiteral("hasMore")).toBool();
    page.offset = json.value(QStringLiteral("offset")).toInteger(offset);
    page.totalResults = json.value(QStringLiteral("totalResults")).toInteger();
    return page;
}

Result<QString>
ErpClient::createRecord(const QString &type, const QJsonObject &body, const QString &idempotencyKey)
{
    if (!m_options.recordUrl.isValid() || m_options.recordUrl.isEmpty()) {
        return makeError(ErrorCode::Validation, tr("the ERP connection names no recordUrl"));
    }
    QUrl url = m_options.recordUrl;
    url.setPath(url.path() + u'/' + type);
    const auto answer = send("POST", url, body, tr("%1 create").arg(type), idempotencyKey.toUtf8());
    if (!answer) {
        return answer.error();
    }
    return answer.value().value(QStringLiteral("id")).toVariant().toString();
}

Result<QJsonObject> ErpClient::getRecord(const QString &type, const QString &id)
{
    if (!m_options.recordUrl.isValid() || m_options.recordUrl.isEmpty()) {
        return makeError(ErrorCode::Validation, tr("the ERP connection names no recordUrl"));
    }
    QUrl url = m_options.recordUrl;
    url.setPath(url.path() + u'/' + type + u'/' + id);
    url.setQuery(QStringLiteral("expandSubResources=true"));
    return send("GET", url, {}, tr("%1 %2 read").arg(type, id));
}

Result<QJsonObject> ErpClient::send(const QByteArray &method,
                                    const QUrl &url,
                                    const QJsonObject &body,
                                    const QString &what,
                                    const QByteArray &idempotencyKey)
{
    const QByteArray bytes
        = method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    for (int attemptNo = 1;; ++attemptNo) {
        if (stopRequested()) {
            return makeError(ErrorCode::Network, tr("sync was stopped"));
        }
        // Only this thread sends, so waiting here frees a slot only when a nested loop
        // (a slow answer elsewhere on this thread) finishes one.
        while (m_inFlight >= qMax(1, m_options.maxInFlight)) {
            waitMs(10);
        }
        ++m_inFlight;
        const Answer answer = attempt(method, url, bytes, idempotencyKey);
        --m_inFlight;
        if (!answer.networkError.isEmpty()) {
            return makeError(
                ErrorCode::Network,
                tr("the ERP did not answer the %1: %2").arg(what, answer.networkError));
        }
        QJsonObject json = QJsonDocument::fromJson(answer.body).object();
        if (answer.status >= 200 && answer.status < 300) {
            // A create may answer 204 with only the new record's address.
            if (!json.contains(QStringLiteral("id")) && !answer.location.isEmpty()) {
                const QString path = QUrl(QString::fromUtf8(answer.location)).path();
                json.insert(QStringLiteral("id"), path.section(u'/', -1));
            }
            return json;
        }
        const QString details = errorDetails(json);
        if (answer.status == 429) {
            ++m_throttled;
            if (attemptNo >= m_options.maxAttempts) {
                return makeError(ErrorCode::RateLimited,
                                 tr("the ERP still refused the %1 after %2 attempts: %3")
                                     .arg(what)
                                     .arg(attemptNo)
                                     .arg(details));
            }
            bool numeric = false;
            const qint64 retryAfter = answer.retryAfter.trimmed().toLongLong(&numeric);
            const qint64 delay = m_retry.delayMs(
                attemptNo, numeric ? std::optional<qint64>(retryAfter * 1000) : std::nullopt);
            qCInfo(lcErpClient) << "throttled; retrying in" << delay << "ms";
            waitMs(delay);
            continue;
        }
        const QString message = details.isEmpty() ? tr("HTTP %1").arg(answer.status) : details;
        if (answer.status == 401 || answer.status == 403) {
            return makeError(
                ErrorCode::Unauthorized,
                tr("the ERP refused the credentials for the %1: %2").arg(what, message));
        }
        return makeError(
            answer.status >= 500 ? ErrorCode::Network : ErrorCode::Validation,
            tr("the ERP rejected the %1 (HTTP %2): %3").arg(what).arg(answer.status).arg(message));
    }
}

ErpClient::Answer ErpClient::attempt(const QByteArray &method,
                                     const QUrl &url,
                                     const QByteArray &body,
                                     const QByteArray &idempotencyKey)
{
    if (!m_nam) {
        m_nam = std::make_unique<QNetworkAccessManager>();
    }
    QNetworkRequest request(url);
    // Signed per attempt: a retried request with the old nonce would be refused as a replay.
    request.setRawHeader("Authorization", m_signer.authorizationHeader(method, url));
    request.setRawHeader("Prefer", "transient");
    if (!idempotencyKey.isEmpty()) {
        request.setRawHeader("X-NetSuite-Idempotency-Key", idempotencyKey);
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(m_options.timeoutMs);
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
    const WaitEnd end = waitForReply(reply, m_options.timeoutMs + 1000);
    Answer answer;
    if (end != WaitEnd::Finished) {
        reply->abort();
        answer.networkError = end == WaitEnd::Interrupted
                                  ? tr("sync was stopped")
                                  : tr("no answer within %1 ms").arg(m_options.timeoutMs);
    } else {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.retryAfter = reply->rawHeader("Retry-After");
        answer.location = reply->rawHeader("Location");
        if (answer.status == 0) {
            answer.networkError = reply->errorString();
        }
    }
    reply->deleteLater();
    return answer;
}

void ErpClient::waitMs(qint64 ms)
{
    pauseUnlessStopped(ms);
}

} // namespace Ledgerdesk::Core
