#include "csvwriter.h"

#include <QIODevice>

namespace Ledgerdesk::Core {

CsvWriter::CsvWriter(QIODevice &device)
    : m_device(device)
{}

QString CsvWriter::escape(const QString &field)
{
    const bool needsQuotes = field.contains(u',') || field.contains(u'"') || field.contains(u'\n')
                             || field.contains(u'\r');
    if (!needsQuotes) {
        return field;
    }
    QString quoted = field;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QStringLiteral("\"") + quoted + QStringLiteral("\"");
}

void CsvWriter::writeRecord(const QStringList &fields)
{
    if (!m_error.isEmpty()) {
        return;
    }
    m_buffer.clear();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            m_buffer += ',';
        }
        m_buffer += escape(fields[i]).toUtf8();
    }
    if (fields.size() == 1 && fields.first().isEmpty()) {
        m_buffer += "\"\""; // a bare empty line would read back as no record at all
    }
    m_buffer += "\r\n";
    if (m_device.write(m_buffer) != m_buffer.size()) {
        m_error = tr("cannot write: %1").arg(m_device.errorString());
        return;
    }
    ++m_records;
}

Status CsvWriter::status() const
{
    if (!m_error.isEmpty()) {
        return makeError(ErrorCode::Io, m_error);
    }
    return success();
}

} // namespace Ledgerdesk::Core
