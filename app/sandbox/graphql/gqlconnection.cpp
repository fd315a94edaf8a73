#include "gqlconnection.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Ledgerdesk::Sandbox {

QString GqlConnection::cursorFor(qint64 id, qint64 value)
{
    const QByteArray json = QByteArrayLiteral("{\"last_id\":") + QByteArray::number(id)
                            + QByteArrayLiteral(",\"last_value\":") + QByteArray::number(value)
                            + '}';
    return QString::fromLatin1(json.toBase64());
}

std::optional<GqlConnection::Cursor> GqlConnection::parseCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(*decoded).object();
    const QJsonValue id = object.value(QStringLiteral("last_id"));
    const QJsonValue value = object.value(QStringLiteral("last_value"));
    if (!id.isDouble() || !value.isDouble()) {
        return std::nullopt;
    }
    return Cursor{id.toInteger(), value.toInteger()};
}

QJsonObject GqlConnection::build(const GqlField &field,
                                 const QJsonObject &args,
                                 const GqlContext &context,
                                 int count,
                                 const IdAt &idAt,
                                 const NodeAt &nodeAt,
                                 const IdAt &valueAt,
                                 bool descending)
{
    const auto sortValue = [&](int i) { return valueAt ? valueAt(i) : idAt(i); };
    const bool hasFirst
        = args.contains(QStringLiteral("first")) && !args.value(QStringLiteral("first")).isNull();
    const bool hasLast
        = args.contains(QStringLiteral("last")) && !args.value(QStringLiteral("last")).isNull();
    if (hasFirst == hasLast) {
        GqlContext::raise(QStringLiteral("you must provide one of first or last"), field.at);
    }
    const qint64 size = qint64(
        args.value(hasFirst ? QStringLiteral("first") : QStringLiteral("last")).toDouble());
    if (size < 0 || size > kMaxPageSize) {
        GqlContext::raise(QStringLiteral("The page size of %1 is outside 0 to the maximum page "
                                         "size of %2")
                              .arg(size)
                              .arg(kMaxPageSize),
                          field.at,
                          QStringLiteral("PAGE_SIZE_EXCEEDED"));
    }
    auto positionOf = [&](const QString &key) -> int {
        const QString text = args.value(key).toString();
        const auto cursor = parseCursor(text);
        if (!cursor) {
            GqlContext::raise(QStringLiteral("Invalid cursor for current pagination sort."),
                              field.at,
                              QStringLiteral("INVALID_CURSOR"));
        }
        const std::pair<qint64, qint64> mark{cursor->value, cursor->id};
        for (int i = 0; i < count; ++i) {
            if (idAt(i) == cursor->id && sortValue(i) == cursor->value) {
                return i;
            }
        }
        // The item moved or left the filtered set: resume at the first item past the mark.
        for (int i = 0; i < count; ++i) {
            const std::pair<qint64, qint64> here{sortValue(i), idAt(i)};
            if (descending ? here < mark : here > mark) {
                return i - 1;
            }
        }
        return count - 1;
    };
    int begin = 0;
    int end = count;
    if (args.value(QStringLiteral("after")).isString()) {
        begin = positionOf(QStringLiteral("after")) + 1;
    }
    if (args.value(QStringLiteral("before")).isString()) {
        end = std::min(end, positionOf(QStringLiteral("before")));
    }
    begin = std::clamp(begin, 0, count);
    end = std::clamp(end, begin, count);
    int from = begin;
    int to = end;
    if (hasFirst) {
        to = int(std::min<qint64>(end, begin + size));
    } else {
        from = int(std::max<qint64>(begin, end - size));
    }
    QJsonObject out;
    for (const GqlField &sub : field.selections) {
        if (sub.isFragment()) {
            continue;
        }
        const QString key = sub.responseKey();
        if (sub.name == u"nodes" || sub.name == u"edges") {
            QJsonArray list;
            for (int i = from; i < to; ++i) {
                if (sub.name == u"nodes") {
                    list.append(nodeAt(i).project(sub.selections, context));
                    continue;
                }
                GqlObject edge(QStringLiteral("Edge"));
                edge.set(QStringLiteral("cursor"), cursorFor(idAt(i), sortValue(i)));
                edge.on(QStringLiteral("node"),
                        [&, i](const GqlField &nodeField, const QJsonObject &) {
                            return QJsonValue(nodeAt(i).project(nodeField.selections, context));
                        });
                list.append(edge.project(sub.selections, context));
            }
            out.insert(key, list);
        } else if (sub.name == u"pageInfo") {
            GqlObject info(QStringLiteral("PageInfo"));
            info.set(QStringLiteral("hasNextPage"), to < end || (hasLast ? false : to < count));
            info.set(QStringLiteral("hasPreviousPage"), from > 0);
            info.set(QStringLiteral("startCursor"),
                     from < to ? QJsonValue(cursorFor(idAt(from), sortValue(from))) : QJsonValue());
            info.set(QStringLiteral("endCursor"),
                     from < to ? QJsonValue(cursorFor(idAt(to - 1), sortValue(to - 1)))
                               : QJsonValue());
            out.insert(key, info.project(sub.selections, context));
        } else if (sub.name == u"__typename") {
            out.insert(key, QStringLiteral("Connection"));
        } else {
            GqlContext::raise(
                QStringLiteral("Field '%1' doesn't exist on a connection").arg(sub.name),
                sub.at,
                QStringLiteral("undefinedField"));
        }
    }
    return out;
}

} // namespace Ledgerdesk::Sandbox
