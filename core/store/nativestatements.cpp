#include "nativestatements.h"

#include <sqlite3.h>

namespace Ledgerdesk::Core {

NativeStatements::NativeStatements(sqlite3 *connection)
    : m_connection(connection)
{}

NativeStatements::~NativeStatements()
{
    for (sqlite3_stmt *statement : std::as_const(m_statements)) {
        sqlite3_finalize(statement);
    }
}

sqlite3_stmt *NativeStatements::get(const QString &sql)
{
    if (sqlite3_stmt *cached = m_statements.value(sql)) {
        sqlite3_reset(cached);
        sqlite3_clear_bindings(cached);
        return cached;
    }
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v3(m_connection,
                           text.constData(),
                           static_cast<int>(text.size()),
                           SQLITE_PREPARE_PERSISTENT,
                           &statement,
                           nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(statement);
        return nullptr;
    }
    m_statements.insert(sql, statement);
    return statement;
}

} // namespace Ledgerdesk::Core
