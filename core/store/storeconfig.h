#pragma once

#include <core/store/dialect.h>

#include <QString>

namespace Ledgerdesk::Core {

struct StoreConfig
{
    Backend backend = Backend::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString databaseName;
    QString user;
    QString password; // for team mode; supplied from the keychain, never persisted

    static StoreConfig sqlite(const QString &path)
    {
        StoreConfig config;
        config.sqlitePath = path;
        return config;
    }

    QString describe() const;
};

} // namespace Ledgerdesk::Core
