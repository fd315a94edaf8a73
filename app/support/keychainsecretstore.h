#pragma once

#include <core/sync/secretstore.h>

#include <QCoreApplication>

#include <chrono>

namespace QKeychain {
class Job;
}

namespace Ledgerdesk::App {

// Connection secrets in the operating system's keychain (service "Ledgerdesk"). Calls block on a
// local event loop for at most `timeout`; without a reachable keychain they fail at once with
// "no keychain available: …" instead of hanging.
class KeychainSecretStore final : public Core::SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)

public:
    static constexpr std::chrono::milliseconds defaultTimeout{10000};

    explicit KeychainSecretStore(std::chrono::milliseconds timeout = defaultTimeout);

    // Whether a keychain service can be reached; the reason when not.
    Core::Status available() const;

    Core::Result<QByteArray> read(const QString &key) override;
    Core::Status write(const QString &key, const QByteArray &secret) override;
    Core::Status remove(const QString &key) override;

    static QString serviceName();

private:
    // Starts `job`, waits for it, and turns its outcome into a Status.
    Core::Status run(QKeychain::Job *job, const QString &key, QByteArray *data = nullptr);

    std::chrono::milliseconds m_timeout;
};

} // namespace Ledgerdesk::App
