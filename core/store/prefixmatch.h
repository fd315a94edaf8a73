#pragma once

#include <core/store/dialect.h>

#include <QString>
#include <QVariantList>

namespace Ledgerdesk::Core {

// A piece of a WHERE clause with its positional values.
struct SqlCondition
{
    QString sql;
    QVariantList values;
};

// Escapes \, % and _ for LIKE ... ESCAPE '\', so typed text only ever matches itself.
QString escapeLike(QString text);

// `column` starts with `prefix`, case as given. On SQLite a range its index answers at once
// (SQLite compares text byte by byte); on PostgreSQL, which may collate by locale, LIKE.
SqlCondition prefixMatch(const Dialect &dialect, const QString &column, const QString &prefix);

} // namespace Ledgerdesk::Core
