#include "jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Ledgerdesk::Sandbox {

namespace {
// QJsonDocument escapes U+0001 as \u0001, which no real text in the sandbox contains.
const QByteArray kMarkerOpen = QByteArrayLiteral("\"\\u0001#");
} // namespace

QJsonValue JsonText::bigInt(qint64 value)
{
    return QJsonValue(QString(QChar(1)) + u'#' + QString::number(value));
}

QByteArray JsonText::serialize(const QJsonObject &object)
{
    return restoreIntegers(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray JsonText::serialize(const QJsonArray &array)
{
    return restoreIntegers(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QByteArray JsonText::restoreIntegers(QByteArray compact)
{
    QByteArray out;
    out.reserve(compact.size());
    qsizetype from = 0;
    while (true) {
        const qsizetype at = compact.indexOf(kMarkerOpen, from);
        if (at < 0) {
            out.append(compact.mid(from));
            break;
        }
        const qsizetype digitsStart = at + kMarkerOpen.size();
        const qsizetype close = compact.indexOf('"', digitsStart);
        if (close < 0) {
            out.append(compact.mid(from));
            break;
        }
        out.append(compact.mid(from, at - from));
        out.append(compact.mid(digitsStart, close - digitsStart));
        from = close + 1;
    }
    return out;
}

} // namespace Ledgerdesk::Sandbox
