#pragma once

#include <core/sync/syncexception.h>

#include <QList>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

// Why something needs a person, coarser than the kind: the inbox groups by it, so one cause
// (a location nobody mapped, a token that stopped working) is one line with a count.
enum class ExceptionCause {
    ValueConflict,  // two systems disagree on a figure
    MissingMapping, // a SKU or location one side does not know
    Authentication, // a system refused the credentials
    RateLimit,      // throttled past the retry budget
    Refused,        // a system refused what was sent to it
    Unreadable,     // a file or message that could not be read
    OrderRule,      // an order broke a stock, price or quantity rule
};

inline constexpr ExceptionCause kLastExceptionCause = ExceptionCause::OrderRule;

ExceptionCause causeOf(ExceptionKind kind);
QList<ExceptionKind> kindsOf(ExceptionCause cause);
QString exceptionCauseKey(ExceptionCause cause);
std::optional<ExceptionCause> exceptionCauseFromKey(QStringView key);

} // namespace Ledgerdesk::Core
