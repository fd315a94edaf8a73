#include "store.h"

#include <core/store/nativestatements.h>
#include <core/store/schema.h>
#include <core/store/sql.h>

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcStore, "ledgerdesk.core.store")

namespace {
std::atomic_int g_nextStoreId{1};
}

QString StoreConfig::describe() const
{
    if (backend == Backend::Sqlite) {
        return sqlitePath;
    }
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

Store::Store(StoreConfig config)
    : m_config(std::move(config))
    , m_dialect(m_config.backend)
    , m_id(g_nextStoreId++)
{}

Store::~Store()
{
    QMutexLocker lock(&m_mutex);
    m_native.clear(); // finalised before their connections close
    for (const QString &name : std::as_const(m_names)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen()) {
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Store::connectionName() const
{
    return QStringLiteral("ledgerdesk/%1/%2")
        .arg(m_id)
        .arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
}

Result<QSqlDatabase> Store::openConnection()
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen()) {
            return db;
        }
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect.driverName(), name);
    {
        QMutexLocker lock(&m_mutex);
        m_names.insert(name);
    }
    if (m_config.backend == Backend::Sqlite) {
        db.setDatabaseName(m_config.sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setDatabaseName(m_config.databaseName);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
    }
    if (!db.open()) {
        return makeError(
            ErrorCode::Storage,
            QStringLiteral("cannot open %1: %2").arg(m_config.describe(), db.lastError().text()));
    }
    const Status configured = execAll(db, m_dialect.connectionSettings());
    if (!configured) {
        return configured.error();
    }
    qCDebug(lcStore) << "opened" << name;
    return db;
}

QSqlDatabase Store::connection()
{
    const Result<QSqlDatabase> db = openConnection();
    if (!db) {
        qCWarning(lcStore) << db.error().message;
        return QSqlDatabase::database(connectionName(), false);
    }
    return db.value();
}

sqlite3_stmt *Store::nativeStatement(const QString &sql)
{
    if (m_config.backend != Backend::Sqlite) {
        return nullptr;
    }
    const QThread *thread = QThread::currentThread();
    std::shared_ptr<NativeStatements> cache;
    {
        QMutexLocker lock(&m_mutex);
        cache = m_native.value(thread);
    }
    if (!cache) {
        // First use on this thread: find the sqlite3 connection behind Qt's driver.
        QSqlDatabase db = connection();
        const QVariant handle = db.isOpen() ? db.driver()->handle() : QVariant();
        if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
            return nullptr;
        }
        cache = std::make_shared<NativeStatements>(*static_cast<sqlite3 *const *>(handle.data()));
        QMutexLocker lock(&m_mutex);
        m_native.insert(thread, cache);
    }
    return cache->get(sql);
}

void Store::closeThreadConnection()
{
    const QString name = connectionName();
    {
        QMutexLocker lock(&m_mutex);
        m_native.remove(QThread::currentThread()); // finalised before the connection closes
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    QMutexLocker lock(&m_mutex);
    m_names.remove(name);
}

Status Store::openWithoutMigrating()
{
    const Result<QSqlDatabase> db = openConnection();
    if (!db) {
        return db.error();
    }
    return success();
}

Status Store::open()
{
    const Result<QSqlDatabase> db = openConnection();
    if (!db) {
        return db.error();
    }
    return migrate(db.value(), m_dialect, latestSchemaVersion());
}

} // namespace Ledgerdesk::Core
