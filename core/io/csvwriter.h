#pragma once

#include <core/error.h>

#include <QCoreApplication>
#include <QStringList>

class QIODevice;

namespace Ledgerdesk::Core {

// Writes RFC-4180 CSV in UTF-8 with CRLF line ends, quoting a field only when it needs it.
class CsvWriter final
{
    Q_DECLARE_TR_FUNCTIONS(CsvWriter)

public:
    explicit CsvWriter(QIODevice &device);

    void writeRecord(const QStringList &fields);
    // The first write failure, if any; later writes are skipped once one has failed.
    Status status() const;

    qint64 recordsWritten() const { return m_records; }

    static QString escape(const QString &field);

private:
    QIODevice &m_device;
    QByteArray m_buffer;
    qint64 m_records = 0;
    QString m_error;
};

} // namespace Ledgerdesk::Core
