#pragma once

#include <core/error.h>
#include <core/store/dialect.h>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <initializer_list>
#include <utility>

namespace Ledgerdesk::Core {

// Qt binds a null QString as SQL NULL; text columns here are NOT NULL and mean "empty".
inline QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

Error storageError(const QSqlQuery &query, const QString &context);
Status execAll(QSqlDatabase db, const QStringList &statements);

// Prepares `sql` and binds positional values; returns the executed query or a storage error.
Result<QSqlQuery>
runQuery(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> values = {});

// Begins a write transaction; rolls back unless commit() succeeded.
class WriteTransaction final
{
public:
    WriteTransaction(QSqlDatabase db, const Dialect &dialect);
    ~WriteTransaction();
    Q_DISABLE_COPY_MOVE(WriteTransaction)

    const Status &begun() const { return m_begun; }

    Status commit();

private:
    QSqlDatabase m_db;
    Status m_begun;
    bool m_open = false;
};

} // namespace Ledgerdesk::Core
