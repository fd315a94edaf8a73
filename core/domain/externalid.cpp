#include "externalid.h"

#include <QCoreApplication>

#include <limits>

namespace Ledgerdesk::Core {

Result<QString> externalIdFromJson(const QJsonValue &value)
{
    if (value.isString() && !value.toString().trimmed().isEmpty()) {
        return value.toString();
    }
    if (value.isDouble()) {
        // Qt keeps JSON integers that fit in 64 bits exact; anything else arrived as a double.
        constexpr qint64 kNotExact = std::numeric_limits<qint64>::min();
        const qint64 exact = value.toInteger(kNotExact);
        if (exact != kNotExact) {
            return QString::number(exact);
        }
    }
    return makeError(ErrorCode::Validation,
                     QCoreApplication::translate("Ledgerdesk::Core::ExternalId",
                                                 "an id must be a string or a whole number that "
                                                 "fits in 64 bits"));
}

} // namespace Ledgerdesk::Core
