#pragma once

#include <core/sync/secretstore.h>

#include <QMutex>

#include <memory>

namespace Ledgerdesk::App {

// Secrets for one run: what is written is kept in memory and, when a durable store (the
// keychain) is given, written there too. Reads are answered from memory first, so connectors
// on worker threads rarely reach the keychain; calls are serialised and safe from any thread.
class SessionSecretStore final : public Core::SecretStore
{
public:
    // `durable` may be null: then the secrets live in memory only and end with the process.
    explicit SessionSecretStore(std::unique_ptr<Core::SecretStore> durable);

    Core::Result<QByteArray> read(const QString &key) override;
    Core::Status write(const QString &key, const QByteArray &secret) override;
    Core::Status remove(const QString &key) override;

private:
    QMutex m_mutex;
    std::unique_ptr<Core::SecretStore> m_durable;
    Core::InMemorySecretStore m_memory;
};

} // namespace Ledgerdesk::App
