#include "searchquery.h"

#include <core/domain/timestamp.h>

namespace Ledgerdesk::Sandbox {

namespace {

bool isTimeField(const QString &field)
{
    return field.endsWith(QStringLiteral("_at"));
}

} // namespace

std::optional<SearchQuery> SearchQuery::parse(const QString &text, QString *error)
{
    SearchQuery query;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text.at(i).isSpace()) {
            ++i;
        }
        if (i >= n) {
            break;
        }
        const qsizetype start = i;
        while (i < n && !text.at(i).isSpace() && text.at(i) != u':') {
            ++i;
        }
        const QString word = text.mid(start, i - start);
        if (i >= n || text.at(i) != u':') {
            if (word == u"AND") {
                continue;
            }
            *error = QStringLiteral("Unsupported search term \"%1\"").arg(word);
            return std::nullopt;
        }
        ++i;
        Term term;
        term.field = word;
        term.op = QStringLiteral(":");
        for (const char *op : {">=", "<=", ">", "<"}) {
            const QString o = QString::fromLatin1(op);
            if (text.mid(i, o.size()) == o) {
                term.op = o;
                i += o.size();
                break;
            }
        }
        if (i < n && (text.at(i) == u'\'' || text.at(i) == u'"')) {
            const QChar quote = text.at(i);
            const qsizetype close = text.indexOf(quote, i + 1);
            if (close < 0) {
                *error = QStringLiteral("Unterminated quote in search query");
                return std::nullopt;
            }
            term.value = text.mid(i + 1, close - i - 1);
            i = close + 1;
        } else {
            const qsizetype vstart = i;
            while (i < n && !text.at(i).isSpace()) {
                ++i;
            }
            term.value = text.mid(vstart, i - vstart);
        }
        if (isTimeField(term.field) && !Core::parseIsoTimestamp(term.value).ok()) {
            *error = QStringLiteral("Invalid timestamp \"%1\" for %2").arg(term.value, term.field);
            return std::nullopt;
        }
        query.m_terms << term;
    }
    return query;
}

bool SearchQuery::matches(const FieldReader &reader) const
{
    for (const Term &term : m_terms) {
        const std::optional<QString> actual = reader(term.field);
        if (!actual) {
            continue; // Shopify ignores filters a resource does not support
        }
        int cmp = 0;
        if (isTimeField(term.field)) {
            const qint64 want = Core::parseIsoTimestamp(term.value).value();
            const qint64 have = actual->toLongLong();
            cmp = have < want ? -1 : (have > want ? 1 : 0);
        } else if (term.field == u"id") {
            const qint64 want = term.value.toLongLong();
            const qint64 have = actual->toLongLong();
            cmp = have < want ? -1 : (have > want ? 1 : 0);
        } else {
            cmp = QString::compare(*actual, term.value, Qt::CaseInsensitive);
        }
        const bool ok = term.op == u":"    ? cmp == 0
                        : term.op == u">"  ? cmp > 0
                        : term.op == u">=" ? cmp >= 0
                        : term.op == u"<"  ? cmp < 0
                                           : cmp <= 0;
        if (!ok) {
            return false;
        }
    }
    return true;
}

} // namespace Ledgerdesk::Sandbox
