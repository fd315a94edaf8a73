#pragma once

#include <core/error.h>
#include <core/net/oauth1signer.h>
#include <core/sync/retrypolicy.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace Ledgerdesk::Core {

struct ErpClientOptions
{
    QUrl suiteqlUrl;
    QUrl recordUrl;
    OAuth1Credentials credentials;
    int timeoutMs = 30000;
    int maxInFlight = 2; // stays under the account-wide concurrency limit
    int maxAttempts = 6; // per request, counting the first, when the ERP answers 429
    qint64 retryBaseMs = 500;
    qint64 retryCapMs = 30000;
};

// One SuiteQL page as the ERP returns it.
struct ErpQueryPage
{
    QJsonArray items;
    bool hasMore = false;
    qint64 offset = 0;
    qint64 totalResults = 0;
};

// Token-based-authentication client for a NetSuite-style ERP. Requests run one at a time on the
// calling thread (a local event loop waits for each); every attempt is signed afresh, since the
// ERP refuses a reused nonce as a replay. 429 CONCURRENCY_LIMIT_EXCEEDED backs off and retries a
// bounded number of times; 401 becomes ErrorCode::Unauthorized; `o:errorDetails` become the
// error message.
class ErpClient final
{
    Q_DECLARE_TR_FUNCTIONS(ErpClient)

public:
    explicit ErpClient(ErpClientOptions options);
    ~ErpClient();
    Q_DISABLE_COPY_MOVE(ErpClient)

    Result<ErpQueryPage> suiteQl(const QString &query, int limit, qint64 offset);
    // POST {recordUrl}/{type}; the ERP applies a create once per idempotency key, so a retry
    // after a lost answer gets the first record's id back. Returns the new record's id.
    Result<QString>
    createRecord(const QString &type, const QJsonObject &body, const QString &idempotencyKey);

    // GET {recordUrl}/{type}/{id}, with sublists (a sales order's lines) expanded.
    Result<QJsonObject> getRecord(const QString &type, const QString &id);

    qint64 throttledAnswers() const { return m_throttled; }

    // The message carried by an `o:errorDetails` body, or empty.
    static QString errorDetails(const QJsonObject &body);

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray retryAfter;
        QByteArray location;
        QString networkError;
    };

    Result<QJsonObject> send(const QByteArray &method,
                             const QUrl &url,
                             const QJsonObject &body,
                             const QString &what,
                             const QByteArray &idempotencyKey = {});
    Answer attempt(const QByteArray &method,
                   const QUrl &url,
                   const QByteArray &body,
                   const QByteArray &idempotencyKey);
    void waitMs(qint64 ms);

    ErpClientOptions m_options;
    OAuth1Signer m_signer;
    RetryPolicy m_retry;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    int m_inFlight = 0;
    qint64 m_throttled = 0;
};

} // namespace Ledgerdesk::Core
