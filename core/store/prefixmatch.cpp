#include "prefixmatch.h"

namespace Ledgerdesk::Core {

namespace {

// The smallest string greater than every string starting with `prefix` in UTF-8 byte order;
// empty when the last character has no simple successor.
QString successor(const QString &prefix)
{
    if (prefix.isEmpty()) {
        return {};
    }
    const char16_t last = prefix.back().unicode();
    if (QChar::isSurrogate(last) || last == 0xFFFF || last == 0xD7FF) {
        return {};
    }
    QString next = prefix;
    next.back() = QChar(static_cast<char16_t>(last + 1));
    return next;
}

} // namespace

QString escapeLike(QString text)
{
    return text.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
}

SqlCondition prefixMatch(const Dialect &dialect, const QString &column, const QString &prefix)
{
    const QString next = successor(prefix);
    if (dialect.backend() == Backend::Sqlite && !next.isEmpty()) {
        return {QStringLiteral("(") + column + QStringLiteral(" >= ? AND ") + column
                    + QStringLiteral(" < ?)"),
                {prefix, next}};
    }
    return {column + QStringLiteral(" LIKE ? ESCAPE '\\'"), {QString(escapeLike(prefix) + u'%')}};
}

} // namespace Ledgerdesk::Core
