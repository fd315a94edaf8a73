#include "csvinput.h"

#include <core/store/sql.h>

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>

namespace Ledgerdesk::Core {

namespace {

bool isBlank(const QStringList &fields)
{
    for (const QString &field : fields) {
        if (!field.trimmed().isEmpty()) {
            return false;
        }
    }
    return true;
}

} // namespace

Result<ImportReport>
CsvInput::withFile(const QString &path,
                   const std::function<Result<ImportReport>(QIODevice &device)> &importDevice)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(path, file.errorString()));
    }
    return importDevice(file);
}

std::optional<CsvInput>
CsvInput::read(QIODevice &device, const QString &fileName, ImportReport &report)
{
    CsvInput input;
    input.m_fileName = fileName;
    report.file = fileName;
    const QByteArray content = device.readAll();
    input.m_sha1 = QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex();
    QBuffer buffer;
    buffer.setData(content);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    CsvRecord record;
    bool haveHeader = false;
    while (reader.readRecord(record)) {
        if (isBlank(record.fields)) {
            continue;
        }
        if (!haveHeader) {
            haveHeader = true;
            for (const QString &name : std::as_const(record.fields)) {
                input.m_header << name.trimmed();
            }
            continue;
        }
        ++report.rowsRead;
        const auto extra = record.fields.mid(input.m_header.size());
        if (!isBlank(extra)) {
            report.issues << input.issue(record.line,
                                         QString(),
                                         tr("the row has %1 fields but the header names %2")
                                             .arg(record.fields.size())
                                             .arg(input.m_header.size()));
            ++report.rowsSkipped;
            continue;
        }
        input.m_rows << std::move(record);
    }
    if (reader.hasError()) {
        report.issues << input.issue(reader.errorLine(), QString(), reader.error().message);
        report.fileError = true;
        return std::nullopt;
    }
    if (!haveHeader) {
        report.issues << input.issue(0, QString(), tr("the file is empty; expected a header row"));
        report.fileError = true;
        return std::nullopt;
    }
    return input;
}

int CsvInput::column(std::initializer_list<const char *> names) const
{
    for (const char *name : names) {
        for (qsizetype i = 0; i < m_header.size(); ++i) {
            if (m_header[i].compare(QLatin1String(name), Qt::CaseInsensitive) == 0) {
                return static_cast<int>(i);
            }
        }
    }
    return -1;
}

bool CsvInput::requireColumns(const QList<std::pair<int, QString>> &columns,
                              ImportReport &report) const
{
    QStringList missing;
    for (const auto &[index, label] : columns) {
        if (index < 0) {
            missing << label;
        }
    }
    if (missing.isEmpty()) {
        return true;
    }
    report.issues << issue(
        1,
        QString(),
        tr("the header lacks required column(s): %1").arg(missing.join(QStringLiteral(", "))));
    report.fileError = true;
    return false;
}

QString CsvInput::cell(const CsvRecord &row, int column)
{
    if (column < 0 || column >= row.fields.size()) {
        return QStringLiteral("");
    }
    return nonNull(row.fields[column].trimmed());
}

ImportIssue CsvInput::issue(qint64 line, const QString &field, const QString &reason) const
{
    return ImportIssue{m_fileName, line, field, reason};
}

} // namespace Ledgerdesk::Core
