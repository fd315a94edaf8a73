#pragma once

#include <QByteArray>
#include <QList>

namespace Ledgerdesk::Core {

// Checks X-Shopify-Hmac-Sha256: base64(HMAC-SHA256(secret, raw body)), compared in constant
// time, against the current secret and any previous one still valid during a rotation.
class WebhookVerifier final
{
public:
    explicit WebhookVerifier(QList<QByteArray> secrets);

    bool verify(const QByteArray &rawBody, const QByteArray &base64Signature) const;
    static QByteArray sign(const QByteArray &secret, const QByteArray &rawBody);

private:
    QList<QByteArray> m_secrets;
};

} // namespace Ledgerdesk::Core
