#pragma once

#include <core/error.h>

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Ledgerdesk::Core {

// Where connection secrets live. The console and CLI use the operating system's keychain;
// secrets never touch the ledger, settings files or logs. Tests use the in-memory one.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    virtual Result<QByteArray> read(const QString &key) = 0;
    virtual Status write(const QString &key, const QByteArray &secret) = 0;
    virtual Status remove(const QString &key) = 0;
};

class InMemorySecretStore final : public SecretStore
{
public:
    Result<QByteArray> read(const QString &key) override;
    Status write(const QString &key, const QByteArray &secret) override;
    Status remove(const QString &key) override;

private:
    QHash<QString, QByteArray> m_secrets;
};

} // namespace Ledgerdesk::Core
