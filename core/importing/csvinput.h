#pragma once

#include <core/error.h>
#include <core/importing/importreport.h>
#include <core/io/csvreader.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <initializer_list>
#include <optional>

class QIODevice;

namespace Ledgerdesk::Core {

// A whole CSV file read into memory: its header, its data rows and the hash of its bytes.
class CsvInput final
{
    Q_DECLARE_TR_FUNCTIONS(CsvInput)

public:
    // Reads `device` to the end. Problems with the file itself (not CSV, no header) are added to
    // `report` as issues and std::nullopt is returned.
    static std::optional<CsvInput>
    read(QIODevice &device, const QString &fileName, ImportReport &report);
    // Opens `path` and hands it to `importDevice`; a file that cannot be read is an Io error.
    static Result<ImportReport>
    withFile(const QString &path,
             const std::function<Result<ImportReport>(QIODevice &device)> &importDevice);

    // The index of the first header matching one of `names` (case-insensitive), or -1.
    int column(std::initializer_list<const char *> names) const;
    // Adds one issue naming every required column that is missing; false if any is.
    bool requireColumns(const QList<std::pair<int, QString>> &columns, ImportReport &report) const;

    // The trimmed cell, never null; empty when the row is short or the column absent.
    static QString cell(const CsvRecord &row, int column);

    const QStringList &header() const { return m_header; }

    const QList<CsvRecord> &rows() const { return m_rows; }

    const QString &fileName() const { return m_fileName; }

    const QByteArray &sha1() const { return m_sha1; } // hex

    ImportIssue issue(qint64 line, const QString &field, const QString &reason) const;

private:
    QString m_fileName;
    QStringList m_header;
    QList<CsvRecord> m_rows;
    QByteArray m_sha1;
};

} // namespace Ledgerdesk::Core
