#pragma once

#include <core/error.h>
#include <core/store/dialect.h>
#include <core/store/storeconfig.h>

#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace Ledgerdesk::Core {

// Owns the configuration of one ledger database and hands each thread its own named connection.
class Store final
{
public:
    explicit Store(StoreConfig config);
    ~Store();
    Q_DISABLE_COPY_MOVE(Store)

    // Opens this thread's connection and migrates the schema to the latest version.
    Status open();
    // Opens without migrating; used by tools that must inspect an old schema.
    Status openWithoutMigrating();

    // The calling thread's connection, created on first use; never cache it across threads.
    QSqlDatabase connection();
    void closeThreadConnection();

    const Dialect &dialect() const { return m_dialect; }

    const StoreConfig &config() const { return m_config; }

private:
    QString connectionName() const;
    Result<QSqlDatabase> openConnection();

    StoreConfig m_config;
    Dialect m_dialect;
    int m_id;
    QMutex m_mutex;
    QSet<QString> m_names;
};

} // namespace Ledgerdesk::Core
