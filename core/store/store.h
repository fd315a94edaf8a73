#pragma once

#include <core/error.h>
#include <core/store/dialect.h>
#include <core/store/storeconfig.h>

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QThread;

struct sqlite3_stmt;

namespace Ledgerdesk::Core {

class NativeStatements;

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

    // The calling thread's native statement for `sql` on SQLite, reset and ready to bind;
    // nullptr on PostgreSQL or when it cannot be prepared (callers then use QSqlQuery).
    sqlite3_stmt *nativeStatement(const QString &sql);

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
    QHash<const QThread *, std::shared_ptr<NativeStatements>> m_native; // by connection's thread
};

} // namespace Ledgerdesk::Core
