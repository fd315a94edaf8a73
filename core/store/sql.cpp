#include "sql.h"

#include <QSqlError>

namespace Ledgerdesk::Core {

Error storageError(const QSqlQuery &query, const QString &context)
{
    const QSqlError error = query.lastError();
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    // Constraint failures are the database telling us about a conflict in the data, not a crash.
    const bool constraint = text.contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive)
                            || text.contains(QLatin1String("constraint"), Qt::CaseInsensitive)
                            || text.contains(QLatin1String("append-only"), Qt::CaseInsensitive);
    return makeError(constraint ? ErrorCode::Conflict : ErrorCode::Storage,
                     context.isEmpty() ? text : context + QStringLiteral(": ") + text);
}

Status execAll(QSqlDatabase db, const QStringList &statements)
{
    QSqlQuery query(db);
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            return storageError(query, sql.left(80));
        }
    }
    return success();
}

Result<QSqlQuery>
runQuery(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        return storageError(query, sql.left(80));
    }
    for (const QVariant &value : values) {
        const bool nullText = value.typeId() == QMetaType::QString && value.toString().isNull();
        query.addBindValue(nullText ? QVariant(nonNull(QString())) : value);
    }
    if (!query.exec()) {
        return storageError(query, sql.left(80));
    }
    return query;
}

WriteTransaction::WriteTransaction(QSqlDatabase db, const Dialect &dialect)
    : m_db(std::move(db))
    , m_begun(success())
{
    QSqlQuery query(m_db);
    if (!query.exec(dialect.beginWrite())) {
        m_begun = storageError(query, QStringLiteral("begin"));
        return;
    }
    m_open = true;
}

WriteTransaction::~WriteTransaction()
{
    if (m_open) {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("ROLLBACK"));
    }
}

Status WriteTransaction::commit()
{
    if (!m_open) {
        return m_begun.ok() ? makeError(ErrorCode::Storage, QStringLiteral("no open transaction"))
                            : m_begun;
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        return storageError(query, QStringLiteral("commit"));
    }
    m_open = false;
    return success();
}

} // namespace Ledgerdesk::Core
