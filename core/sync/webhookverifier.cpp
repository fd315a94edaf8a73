#include "webhookverifier.h"

#include <QMessageAuthenticationCode>

namespace Ledgerdesk::Core {

namespace {

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return diff == 0;
}

} // namespace

WebhookVerifier::WebhookVerifier(QList<QByteArray> secrets)
    : m_secrets(std::move(secrets))
{}

QByteArray WebhookVerifier::sign(const QByteArray &secret, const QByteArray &rawBody)
{
    return QMessageAuthenticationCode::hash(rawBody, secret, QCryptographicHash::Sha256).toBase64();
}

bool WebhookVerifier::verify(const QByteArray &rawBody, const QByteArray &base64Signature) const
{
    const auto decoded = QByteArray::fromBase64Encoding(base64Signature.trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32) {
        return false;
    }
    bool matched = false;
    for (const QByteArray &secret : m_secrets) {
        const QByteArray expected
            = QMessageAuthenticationCode::hash(rawBody, secret, QCryptographicHash::Sha256);
        // Check every secret so timing does not reveal which one matched.
        matched = constantTimeEquals(expected, decoded.decoded) || matched;
    }
    return matched;
}

} // namespace Ledgerdesk::Core
