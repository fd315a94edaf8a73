#include "sessionsecretstore.h"

#include <QMutexLocker>

namespace Ledgerdesk::App {

SessionSecretStore::SessionSecretStore(std::unique_ptr<Core::SecretStore> durable)
    : m_durable(std::move(durable))
{}

Core::Result<QByteArray> SessionSecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto remembered = m_memory.read(key);
    if (remembered || !m_durable) {
        return remembered;
    }
    auto stored = m_durable->read(key);
    if (stored) {
        // The in-memory store cannot fail.
        static_cast<void>(m_memory.write(key, stored.value()));
    }
    return stored;
}

Core::Status SessionSecretStore::write(const QString &key, const QByteArray &secret)
{
    QMutexLocker lock(&m_mutex);
    if (m_durable) {
        if (const Core::Status kept = m_durable->write(key, secret); !kept) {
            return kept;
        }
    }
    return m_memory.write(key, secret);
}

Core::Status SessionSecretStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    static_cast<void>(m_memory.remove(key));
    return m_durable ? m_durable->remove(key) : Core::success();
}

} // namespace Ledgerdesk::App
