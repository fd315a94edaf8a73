#include "oauth1signer.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <algorithm>

namespace Ledgerdesk::Core {

OAuth1Signer::OAuth1Signer(OAuth1Credentials credentials)
    : m_credentials(std::move(credentials))
{}

OAuth1Params OAuth1Signer::protocolParams(const QString &nonce, qint64 timestampSeconds) const
{
    return {
        {QStringLiteral("oauth_consumer_key"), m_credentials.consumerKey},
        {QStringLiteral("oauth_nonce"), nonce},
        {QStringLiteral("oauth_signature_method"), QStringLiteral("HMAC-SHA256")},
        {QStringLiteral("oauth_timestamp"), QString::number(timestampSeconds)},
        {QStringLiteral("oauth_token"), m_credentials.tokenId},
        {QStringLiteral("oauth_version"), QStringLiteral("1.0")},
    };
}

QByteArray
OAuth1Signer::signature(const QByteArray &method, const QUrl &url, const OAuth1Params &params) const
{
    return hmacSha256Signature(signatureBaseString(method, url, params),
                               m_credentials.consumerSecret,
                               m_credentials.tokenSecret);
}

QByteArray OAuth1Signer::authorizationHeader(const QByteArray &method,
                                             const QUrl &url,
                                             const QString &nonce,
                                             qint64 timestampSeconds) const
{
    const OAuth1Params params = protocolParams(nonce, timestampSeconds);
    QByteArray header = "OAuth realm=\"" + percentEncode(m_credentials.realm) + '"';
    for (const auto &[name, value] : params) {
        header += ", " + percentEncode(name) + "=\"" + percentEncode(value) + '"';
    }
    header += ", oauth_signature=\""
              + percentEncode(QString::fromLatin1(signature(method, url, params))) + '"';
    return header;
}

QByteArray OAuth1Signer::authorizationHeader(const QByteArray &method, const QUrl &url) const
{
    const quint64 high = QRandomGenerator::system()->generate64();
    const quint64 low = QRandomGenerator::system()->generate64();
    const QString nonce = QString::number(high, 36) + QString::number(low, 36);
    return authorizationHeader(method, url, nonce, QDateTime::currentSecsSinceEpoch());
}

QByteArray OAuth1Signer::percentEncode(const QString &value)
{
    // QByteArray::toPercentEncoding keeps exactly ALPHA / DIGIT / "-" / "." / "_" / "~".
    return value.toUtf8().toPercentEncoding();
}

QByteArray OAuth1Signer::baseStringUri(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    QByteArray uri = scheme.toLatin1() + "://" + url.host(QUrl::FullyEncoded).toLower().toLatin1();
    const int port = url.port();
    const bool defaultPort
        = port < 0 || (scheme == u"http" && port == 80) || (scheme == u"https" && port == 443);
    if (!defaultPort) {
        uri += ':' + QByteArray::number(port);
    }
    const QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    uri += path.isEmpty() ? QByteArray("/") : path;
    return uri;
}

QByteArray OAuth1Signer::signatureBaseString(const QByteArray &method,
                                             const QUrl &url,
                                             const OAuth1Params &params)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        encoded.append({percentEncode(name), percentEncode(value)});
    }
    for (const auto &[name, value] : params) {
        if (name == u"oauth_signature" || name == u"realm") {
            continue;
        }
        encoded.append({percentEncode(name), percentEncode(value)});
    }
    std::sort(encoded.begin(), encoded.end());
    QByteArray normalized;
    for (const auto &[name, value] : encoded) {
        if (!normalized.isEmpty()) {
            normalized += '&';
        }
        normalized += name + '=' + value;
    }
    return method.toUpper() + '&' + percentEncode(QString::fromLatin1(baseStringUri(url))) + '&'
           + percentEncode(QString::fromLatin1(normalized));
}

QByteArray OAuth1Signer::hmacSha256Signature(const QByteArray &baseString,
                                             const QString &consumerSecret,
                                             const QString &tokenSecret)
{
    const QByteArray key = percentEncode(consumerSecret) + '&' + percentEncode(tokenSecret);
    return QMessageAuthenticationCode::hash(baseString, key, QCryptographicHash::Sha256).toBase64();
}

} // namespace Ledgerdesk::Core
