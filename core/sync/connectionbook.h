#pragma once

#include <core/error.h>
#include <core/sync/connector.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

class SecretStore;

// The console's saved connections, kept in a connection file of the shape ledgerdesk-sandbox
// writes (so `sync --connection` reads it too) but without secrets: those live in a SecretStore
// under "<system>/<field>".
class ConnectionBook final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionBook)

public:
    explicit ConnectionBook(QString path);

    const QString &path() const { return m_path; }

    // Reads the file; a missing file is an empty book. Secrets found in the file (as in one the
    // sandbox wrote) move to `secrets`. A file that cannot be read leaves the book as it was
    // and keeps save() from overwriting it.
    Status load(SecretStore &secrets);
    // Adds the systems of another connection file, secrets to `secrets`; not saved yet.
    Status importFile(const QString &file, SecretStore &secrets);
    // Writes the whole book at once (a crash leaves the old file or the new one).
    Status save() const;

    // Whether the last load() found secrets in the file (and moved them to the store); saving
    // then takes them out of the file.
    bool loadedSecrets() const { return m_loadedSecrets; }

    QList<ConnectionSettings> connections() const { return m_connections; }

    std::optional<ConnectionSettings> find(const QString &system) const;
    void put(const ConnectionSettings &settings); // adds, or replaces the same system
    bool remove(const QString &system);

    QJsonObject toConnectionFile() const;

    static QString secretKey(const QString &system, const QString &field);
    // Whether the store holds a non-empty secret for the field.
    static bool hasSecret(SecretStore &secrets, const QString &system, const QString &field);
    // Removes the secrets a connection of this kind keeps.
    static Status forgetSecrets(SecretStore &secrets, const ConnectionSettings &settings);

private:
    struct Parsed
    {
        QJsonObject header; // the file without "systems"
        QList<ConnectionSettings> connections;
        bool hadSecrets = false;
    };

    Result<Parsed> parse(const QString &file, SecretStore &secrets) const;

    QString m_path;
    QJsonObject m_header;
    QList<ConnectionSettings> m_connections;
    QString m_unreadable; // why the file on disk could not be read; save() refuses then
    bool m_loadedSecrets = false;
};

} // namespace Ledgerdesk::Core
