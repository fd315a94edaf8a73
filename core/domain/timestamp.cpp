#include "timestamp.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Ledgerdesk::Core {

Result<UtcMillis> parseIsoTimestamp(QStringView text)
{
    // Qt accepts a few forms we do not want (no offset = local time), so demand an explicit zone.
    static const QRegularExpression shape(QStringLiteral(
        R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$)"));
    const QString trimmed = text.trimmed().toString();
    if (!shape.match(trimmed).hasMatch()) {
        return makeError(ErrorCode::Validation,
                         QCoreApplication::translate("Ledgerdesk::Core::Timestamp",
                                                     "\"%1\" is not an ISO-8601 time with a zone")
                             .arg(trimmed));
    }
    QString normalised = trimmed;
    // Qt parses at most millisecond precision; drop extra fraction digits.
    static const QRegularExpression longFraction(QStringLiteral(R"((\.\d{3})\d+)"));
    normalised.replace(longFraction, QStringLiteral("\\1"));
    const QDateTime parsed = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        return makeError(ErrorCode::Validation,
                         QCoreApplication::translate("Ledgerdesk::Core::Timestamp",
                                                     "\"%1\" is not a valid date and time")
                             .arg(trimmed));
    }
    return parsed.toMSecsSinceEpoch();
}

QString formatIsoTimestamp(UtcMillis millis)
{
    return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC).toString(Qt::ISODateWithMs);
}

UtcMillis nowUtcMillis()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace Ledgerdesk::Core
