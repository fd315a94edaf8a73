#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Ledgerdesk::Core {

struct OAuth1Credentials
{
    QString consumerKey;
    QString consumerSecret;
    QString tokenId;
    QString tokenSecret;
    QString realm;
};

using OAuth1Params = QList<QPair<QString, QString>>;

// OAuth 1.0a request signing (RFC 5849) with HMAC-SHA256, as NetSuite token-based auth uses it.
// Pure functions: the caller supplies the nonce and timestamp, so a signature is reproducible.
class OAuth1Signer final
{
public:
    explicit OAuth1Signer(OAuth1Credentials credentials);

    const OAuth1Credentials &credentials() const { return m_credentials; }

    // The full `Authorization` header value for one request.
    QByteArray authorizationHeader(const QByteArray &method,
                                   const QUrl &url,
                                   const QString &nonce,
                                   qint64 timestampSeconds) const;
    // Same, with a random nonce and the current time.
    QByteArray authorizationHeader(const QByteArray &method, const QUrl &url) const;

    // The protocol parameters (oauth_*) that are signed, without oauth_signature.
    OAuth1Params protocolParams(const QString &nonce, qint64 timestampSeconds) const;

    QByteArray
    signature(const QByteArray &method, const QUrl &url, const OAuth1Params &params) const;

    // RFC 5849 §3.6: unreserved characters stay, everything else becomes %XX (upper case).
    static QByteArray percentEncode(const QString &value);
    // RFC 5849 §3.4.1.2: lower-case scheme and host, default port dropped, no query or fragment.
    static QByteArray baseStringUri(const QUrl &url);
    // RFC 5849 §3.4.1: method & base URI & normalized parameters (query items plus `params`).
    static QByteArray
    signatureBaseString(const QByteArray &method, const QUrl &url, const OAuth1Params &params);
    // Base64 of HMAC-SHA256 keyed with consumerSecret&tokenSecret.
    static QByteArray hmacSha256Signature(const QByteArray &baseString,
                                          const QString &consumerSecret,
                                          const QString &tokenSecret);

private:
    OAuth1Credentials m_credentials;
};

} // namespace Ledgerdesk::Core
