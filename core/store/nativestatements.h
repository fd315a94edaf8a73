#pragma once

#include <QHash>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Ledgerdesk::Core {

// Statements prepared straight on the sqlite3 connection behind Qt's SQLite driver. Hot read
// paths (point lookups, full stock reports) step them directly: Qt's per-row conversion costs
// three to four times the engine's own work there. One cache per connection, owned by the
// Store, which finalises it before the connection closes.
class NativeStatements final
{
public:
    explicit NativeStatements(sqlite3 *connection);
    ~NativeStatements();
    Q_DISABLE_COPY_MOVE(NativeStatements)

    // A reset statement ready to bind, or nullptr if `sql` does not prepare.
    sqlite3_stmt *get(const QString &sql);

private:
    sqlite3 *m_connection;
    QHash<QString, sqlite3_stmt *> m_statements;
};

} // namespace Ledgerdesk::Core
