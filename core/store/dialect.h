#pragma once

#include <QString>
#include <QStringList>

namespace Ledgerdesk::Core {

enum class Backend { Sqlite, Postgres };

// Every difference between the SQL dialects the store speaks lives here.
class Dialect final
{
public:
    explicit Dialect(Backend backend);

    Backend backend() const { return m_backend; }

    QString driverName() const;

    // Expands ${ID}, ${BIGINT}, ${WITHOUT_ROWID} and ${BLOB} in portable DDL.
    QString expand(QString ddl) const;
    QString beginWrite() const;
    // Appended to a SELECT whose rows the transaction will change from what it read.
    QString lockRowsClause() const;
    QStringList appendOnlyGuards(const QString &table) const;
    QStringList connectionSettings() const;

private:
    Backend m_backend;
};

} // namespace Ledgerdesk::Core
