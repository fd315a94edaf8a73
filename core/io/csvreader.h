#pragma once

#include <core/error.h>

#include <QCoreApplication>
#include <QStringList>

#include <memory>

class QIODevice;

namespace Ledgerdesk::Core {

struct CsvRecord
{
    qint64 line = 0; // physical line (1-based) on which the record starts
    QStringList fields;
};

// Reads RFC-4180 CSV (UTF-8, optional BOM) record by record, strictly: a stray or unterminated
// quote is an error with its line, never a silently merged row.
class CsvReader final
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    // The device must stay open for the reader's lifetime.
    explicit CsvReader(QIODevice &device);
    ~CsvReader();
    Q_DISABLE_COPY_MOVE(CsvReader)

    // Fills `record` with the next record; false at the end of the input or on an error.
    bool readRecord(CsvRecord &record);

    bool hasError() const { return m_error.has_value(); }

    const Error &error() const { return *m_error; }

    qint64 errorLine() const { return m_errorLine; }

    // Bytes consumed so far, for progress on large files.
    qint64 bytesRead() const { return m_bytesRead; }

    // Reads every record; stops at the first error.
    static Result<QList<CsvRecord>> readAll(QIODevice &device);

private:
    struct Parser;

    bool feedLine();
    void fail(qint64 line, const QString &message);

    QIODevice &m_device;
    std::unique_ptr<Parser> m_parser;
    qint64 m_line = 0;
    qint64 m_bytesRead = 0;
    qint64 m_errorLine = 0;
    bool m_finished = false;
    std::optional<Error> m_error;
};

} // namespace Ledgerdesk::Core
