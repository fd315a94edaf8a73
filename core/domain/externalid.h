#pragma once

#include <core/error.h>

#include <QJsonValue>
#include <QString>

namespace Ledgerdesk::Core {

// External ids are opaque strings. REST and webhook payloads send Shopify's 18-digit ids as
// JSON numbers above 2^53, so they are read as exact 64-bit integers, never through a double.
Result<QString> externalIdFromJson(const QJsonValue &value);

} // namespace Ledgerdesk::Core
