#include "exceptioncause.h"

namespace Ledgerdesk::Core {

ExceptionCause causeOf(ExceptionKind kind)
{
    switch (kind) {
    case ExceptionKind::Conflict:
    case ExceptionKind::StaleWrite:
        return ExceptionCause::ValueConflict;
    case ExceptionKind::UnknownSku:
    case ExceptionKind::UnknownLocation:
        return ExceptionCause::MissingMapping;
    case ExceptionKind::AuthenticationFailure:
        return ExceptionCause::Authentication;
    case ExceptionKind::ThrottledPastBudget:
        return ExceptionCause::RateLimit;
    case ExceptionKind::RejectedByTarget:
        return ExceptionCause::Refused;
    case ExceptionKind::Validation:
        return ExceptionCause::Unreadable;
    case ExceptionKind::Oversell:
    case ExceptionKind::PriceMismatch:
    case ExceptionKind::QuantityRuleBroken:
        return ExceptionCause::OrderRule;
    }
    return ExceptionCause::ValueConflict;
}

QList<ExceptionKind> kindsOf(ExceptionCause cause)
{
    QList<ExceptionKind> kinds;
    for (int k = 0; k <= static_cast<int>(kLastExceptionKind); ++k) {
        if (causeOf(static_cast<ExceptionKind>(k)) == cause) {
            kinds << static_cast<ExceptionKind>(k);
        }
    }
    return kinds;
}

QString exceptionCauseKey(ExceptionCause cause)
{
    switch (cause) {
    case ExceptionCause::ValueConflict:
        return QStringLiteral("value-conflict");
    case ExceptionCause::MissingMapping:
        return QStringLiteral("missing-mapping");
    case ExceptionCause::Authentication:
        return QStringLiteral("authentication");
    case ExceptionCause::RateLimit:
        return QStringLiteral("rate-limit");
    case ExceptionCause::Refused:
        return QStringLiteral("refused");
    case ExceptionCause::Unreadable:
        return QStringLiteral("unreadable");
    case ExceptionCause::OrderRule:
        return QStringLiteral("order-rule");
    }
    return QString();
}

std::optional<ExceptionCause> exceptionCauseFromKey(QStringView key)
{
    for (int c = 0; c <= static_cast<int>(kLastExceptionCause); ++c) {
        if (exceptionCauseKey(static_cast<ExceptionCause>(c)) == key) {
            return static_cast<ExceptionCause>(c);
        }
    }
    return std::nullopt;
}

} // namespace Ledgerdesk::Core
