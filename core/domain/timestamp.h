#pragma once

#include <core/error.h>

#include <QDateTime>
#include <QString>
#include <QtGlobal>

namespace Ledgerdesk::Core {

// Instants are stored as UTC milliseconds since the epoch.
using UtcMillis = qint64;

// Accepts ISO-8601 with `Z` or a numeric offset ("2025-07-02T11:29:59-05:00") and normalises to
// UTC.
Result<UtcMillis> parseIsoTimestamp(QStringView text);
QString formatIsoTimestamp(UtcMillis millis); // "2025-07-02T16:29:59.000Z"
UtcMillis nowUtcMillis();

} // namespace Ledgerdesk::Core
