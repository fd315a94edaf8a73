#include "error.h"

namespace Ledgerdesk::Core {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Validation:
        return QStringLiteral("validation");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::InsufficientStock:
        return QStringLiteral("insufficient-stock");
    case ErrorCode::Storage:
        return QStringLiteral("storage");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate-limited");
    }
    return QStringLiteral("unknown");
}

} // namespace Ledgerdesk::Core
