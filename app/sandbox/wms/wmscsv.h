#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Ledgerdesk::Sandbox {

struct WmsCsvTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> rowLines; // 1-based line number of each row in the file
    QString error;       // empty when the text parsed
    int errorLine = 0;
};

// The CSV dialect of the drop folder: UTF-8, comma separated, RFC 4180 quoting, LF or CRLF.
class WmsCsv final
{
    Q_DECLARE_TR_FUNCTIONS(WmsCsv)

public:
    static WmsCsvTable parse(const QByteArray &bytes);
    static QByteArray format(const QStringList &header, const QList<QStringList> &rows);

private:
    static QString quoted(const QString &field);
};

} // namespace Ledgerdesk::Sandbox
