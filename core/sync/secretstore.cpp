#include "secretstore.h"

namespace Ledgerdesk::Core {

Result<QByteArray> InMemorySecretStore::read(const QString &key)
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd()) {
        return makeError(ErrorCode::NotFound, QStringLiteral("no secret stored for %1").arg(key));
    }
    return *it;
}

Status InMemorySecretStore::write(const QString &key, const QByteArray &secret)
{
    m_secrets.insert(key, secret);
    return success();
}

Status InMemorySecretStore::remove(const QString &key)
{
    m_secrets.remove(key);
    return success();
}

} // namespace Ledgerdesk::Core
