#include "dialect.h"

namespace Ledgerdesk::Core {

Dialect::Dialect(Backend backend)
    : m_backend(backend)
{}

QString Dialect::driverName() const
{
    return m_backend == Backend::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString Dialect::expand(QString ddl) const
{
    const bool lite = m_backend == Backend::Sqlite;
    ddl.replace(QStringLiteral("${ID}"),
                lite ? QStringLiteral("INTEGER PRIMARY KEY")
                     : QStringLiteral("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"));
    ddl.replace(QStringLiteral("${BIGINT}"),
                lite ? QStringLiteral("INTEGER") : QStringLiteral("BIGINT"));
    ddl.replace(QStringLiteral("${WITHOUT_ROWID}"),
                lite ? QStringLiteral(" WITHOUT ROWID") : QString());
    ddl.replace(QStringLiteral("${BLOB}"), lite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA"));
    return ddl;
}

QString Dialect::beginWrite() const
{
    // IMMEDIATE takes SQLite's write lock up front, so a writer never fails half-way on upgrade.
    return m_backend == Backend::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                        : QStringLiteral("BEGIN");
}

QString Dialect::lockRowsClause() const
{
    // SQLite has one writer at a time (BEGIN IMMEDIATE); PostgreSQL locks the rows read.
    return m_backend == Backend::Sqlite ? QString() : QStringLiteral(" FOR UPDATE");
}

QStringList Dialect::appendOnlyGuards(const QString &table) const
{
    if (m_backend == Backend::Sqlite) {
        QStringList guards;
        for (const QString &op : {QStringLiteral("UPDATE"), QStringLiteral("DELETE")}) {
            guards << QStringLiteral("CREATE TRIGGER IF NOT EXISTS %1_no_%2 BEFORE %3 ON %1 "
                                     "BEGIN SELECT RAISE(ABORT, '%1 is append-only'); END")
                          .arg(table, op.toLower(), op);
        }
        return guards;
    }
    return {QStringLiteral("CREATE OR REPLACE FUNCTION ledgerdesk_append_only() RETURNS trigger "
                           "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% is append-only', "
                           "TG_TABLE_NAME; END $$"),
            QStringLiteral("CREATE OR REPLACE TRIGGER %1_append_only BEFORE UPDATE OR DELETE ON %1 "
                           "FOR EACH ROW EXECUTE FUNCTION ledgerdesk_append_only()")
                .arg(table)};
}

QStringList Dialect::connectionSettings() const
{
    if (m_backend == Backend::Sqlite) {
        // WAL + FULL: a commit acknowledged to a connected system must survive power loss.
        return {QStringLiteral("PRAGMA journal_mode=WAL"),
                QStringLiteral("PRAGMA synchronous=FULL"),
                QStringLiteral("PRAGMA foreign_keys=ON"),
                QStringLiteral("PRAGMA cache_size=-65536"),
                QStringLiteral("PRAGMA temp_store=MEMORY")};
    }
    return {QStringLiteral("SET TIME ZONE 'UTC'")};
}

} // namespace Ledgerdesk::Core
