#include "oauth1verifier.h"

#include <QRegularExpression>

namespace Ledgerdesk::Sandbox {

OAuth1Verifier::OAuth1Verifier(Core::OAuth1Credentials expected, qint64 windowSeconds)
    : m_signer(std::move(expected))
    , m_windowSeconds(windowSeconds)
{}

std::optional<Core::OAuth1Params> OAuth1Verifier::parseHeader(const QByteArray &authorization)
{
    const QByteArray trimmed = authorization.trimmed();
    if (!trimmed.startsWith("OAuth ")) {
        return std::nullopt;
    }
    static const QRegularExpression param(
        QStringLiteral(R"re(^\s*([A-Za-z0-9_]+)\s*=\s*"([^"]*)"\s*$)re"));
    Core::OAuth1Params params;
    const QString rest = QString::fromLatin1(trimmed.mid(6));
    for (const QString &part : rest.split(u',', Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch match = param.match(part);
        if (!match.hasMatch()) {
            return std::nullopt;
        }
        params.append(
            {match.captured(1),
             QString::fromUtf8(QByteArray::fromPercentEncoding(match.captured(2).toLatin1()))});
    }
    return params;
}

QString OAuth1Verifier::verify(const QByteArray &method,
                               const QUrl &url,
                               const QByteArray &authorization,
                               qint64 nowSeconds)
{
    if (authorization.isEmpty()) {
        return tr("Missing Authorization header; token-based authentication is required.");
    }
    const std::optional<Core::OAuth1Params> parsed = parseHeader(authorization);
    if (!parsed) {
        return tr("The Authorization header is not an OAuth 1.0a header.");
    }
    QHash<QString, QString> values;
    for (const auto &[name, value] : *parsed) {
        if (values.contains(name)) {
            return tr("The OAuth parameter %1 appears twice.").arg(name);
        }
        values.insert(name, value);
    }
    const Core::OAuth1Credentials &expected = m_signer.credentials();
    for (const char *required : {"realm",
                                 "oauth_consumer_key",
                                 "oauth_token",
                                 "oauth_signature_method",
                                 "oauth_timestamp",
                                 "oauth_nonce",
                                 "oauth_signature"}) {
        if (!values.contains(QString::fromLatin1(required))) {
            return tr("The OAuth parameter %1 is missing.").arg(QString::fromLatin1(required));
        }
    }
    if (values.value(QStringLiteral("realm")) != expected.realm) {
        return tr("The realm does not name this account.");
    }
    if (values.value(QStringLiteral("oauth_signature_method")) != u"HMAC-SHA256") {
        return tr("Only the HMAC-SHA256 signature method is accepted.");
    }
    if (values.contains(QStringLiteral("oauth_version"))
        && values.value(QStringLiteral("oauth_version")) != u"1.0") {
        return tr("oauth_version must be 1.0.");
    }
    if (values.value(QStringLiteral("oauth_consumer_key")) != expected.consumerKey
        || values.value(QStringLiteral("oauth_token")) != expected.tokenId) {
        return tr("Unknown consumer key or token.");
    }
    bool numeric = false;
    const qint64 timestamp = values.value(QStringLiteral("oauth_timestamp")).toLongLong(&numeric);
    if (!numeric || qAbs(nowSeconds - timestamp) > m_windowSeconds) {
        return tr("The OAuth timestamp is missing or outside the allowed window.");
    }
    const QByteArray expectedSignature = m_signer.signature(method, url, *parsed);
    const QByteArray given = values.value(QStringLiteral("oauth_signature")).toLatin1();
    // Compare every byte so the time taken does not reveal the matching prefix.
    int difference = int(expectedSignature.size() ^ given.size());
    for (qsizetype i = 0; i < qMin(expectedSignature.size(), given.size()); ++i) {
        difference |= expectedSignature.at(i) ^ given.at(i);
    }
    if (difference != 0) {
        return tr("The OAuth signature does not match the request.");
    }
    if (m_seenNonces.size() > 4096) {
        forgetOldNonces(nowSeconds);
    }
    const QString nonce = values.value(QStringLiteral("oauth_nonce"));
    if (m_seenNonces.contains(nonce)) {
        return tr("The OAuth nonce was already used.");
    }
    m_seenNonces.insert(nonce, timestamp);
    return {};
}

void OAuth1Verifier::forgetOldNonces(qint64 nowSeconds)
{
    for (auto it = m_seenNonces.begin(); it != m_seenNonces.end();) {
        if (nowSeconds - it.value() > m_windowSeconds) {
            it = m_seenNonces.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace Ledgerdesk::Sandbox
