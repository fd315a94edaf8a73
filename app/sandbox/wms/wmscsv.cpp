#include "wmscsv.h"

namespace Ledgerdesk::Sandbox {

WmsCsvTable WmsCsv::parse(const QByteArray &bytes)
{
    WmsCsvTable table;
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF))) {
        text.remove(0, 1);
    }
    QStringList fields;
    QString field;
    bool inQuotes = false;
    bool fieldQuoted = false;
    int line = 1;
    int recordLine = 1;
    const auto endRecord = [&] {
        fields << field;
        field.clear();
        fieldQuoted = false;
        const bool blank = fields.size() == 1 && fields.first().isEmpty();
        if (!blank) {
            if (table.header.isEmpty()) {
                table.header = fields;
            } else {
                table.rows << fields;
                table.rowLines << recordLine;
            }
        }
        fields.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n') {
                    ++line;
                }
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || fieldQuoted) {
                table.error = tr("a quote inside an unquoted field");
                table.errorLine = line;
                return table;
            }
            inQuotes = true;
            fieldQuoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
            fieldQuoted = false;
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            endRecord();
            ++line;
            recordLine = line;
        } else {
            if (fieldQuoted) {
                table.error = tr("text after a closing quote");
                table.errorLine = line;
                return table;
            }
            field += c;
        }
    }
    if (inQuotes) {
        table.error = tr("a quoted field is not closed");
        table.errorLine = recordLine;
        return table;
    }
    if (!field.isEmpty() || !fields.isEmpty()) {
        endRecord();
    }
    return table;
}

QString WmsCsv::quoted(const QString &field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n')
        && !field.contains(u'\r')) {
        return field;
    }
    QString escaped = field;
    escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QByteArray WmsCsv::format(const QStringList &header, const QList<QStringList> &rows)
{
    QByteArray out = header.join(u',').toUtf8() + '\n';
    for (const QStringList &row : rows) {
        QStringList cells;
        for (const QString &field : row) {
            cells << quoted(field);
        }
        out += cells.join(u',').toUtf8() + '\n';
    }
    return out;
}

} // namespace Ledgerdesk::Sandbox
