#pragma once

#include <core/net/oauth1signer.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QUrl>

#include <optional>

namespace Ledgerdesk::Sandbox {

// Checks NetSuite-style token-based-auth headers (OAuth 1.0a, HMAC-SHA256) with the core signer,
// and refuses a nonce seen before within the timestamp window.
class OAuth1Verifier final
{
    Q_DECLARE_TR_FUNCTIONS(OAuth1Verifier)

public:
    explicit OAuth1Verifier(Core::OAuth1Credentials expected, qint64 windowSeconds = 300);

    // An empty string when the request is authentic; otherwise why it is not.
    QString verify(const QByteArray &method,
                   const QUrl &url,
                   const QByteArray &authorization,
                   qint64 nowSeconds);

    // Parses `OAuth k="v", ...` into percent-decoded pairs; nullopt when it is not such a header.
    static std::optional<Core::OAuth1Params> parseHeader(const QByteArray &authorization);

private:
    void forgetOldNonces(qint64 nowSeconds);

    Core::OAuth1Signer m_signer;
    qint64 m_windowSeconds = 300;
    QHash<QString, qint64> m_seenNonces; // nonce -> its timestamp
};

} // namespace Ledgerdesk::Sandbox
