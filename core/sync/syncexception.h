#pragma once

#include <core/domain/timestamp.h>

#include <QList>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

enum class ExceptionKind {
    Conflict,
    RejectedByTarget,
    Validation,
    UnknownSku,
    UnknownLocation,
    AuthenticationFailure,
    ThrottledPastBudget,
    StaleWrite,
    Oversell,          // an order asked for more than the ledger had available
    PriceMismatch,     // an order's price differs from the buyer's tier
    QuantityRuleBroken // an order's quantity breaks the buyer's quantity rule
};

inline constexpr ExceptionKind kLastExceptionKind = ExceptionKind::QuantityRuleBroken;

enum class ExceptionState { Open, Acknowledged, Resolved, Ignored };

QString exceptionKindKey(ExceptionKind kind);
std::optional<ExceptionKind> exceptionKindFromKey(QStringView key);
QString exceptionStateKey(ExceptionState state);
std::optional<ExceptionState> exceptionStateFromKey(QStringView key);

struct ExceptionEvent
{
    UtcMillis at = 0;
    QString actor;
    QString action; // "raised", "changed", "acknowledged", "assigned", "note", "resolved", …
    QString detail;
};

// Something sync could not settle by itself, with every side's value so a person can.
struct SyncException
{
    qint64 id = 0;
    ExceptionKind kind = ExceptionKind::Conflict;
    QString system;
    QString entity;    // "inventory", "order", …
    QString entityKey; // "FJ100-NAV-M@WH-EAST:on_hand"
    std::optional<QString> baseValue;
    std::optional<QString> ledgerValue;
    std::optional<QString> externalValue;
    QString errorText;
    int attempts = 0;
    ExceptionState state = ExceptionState::Open;
    QString assignee;
    std::optional<qint64> outboxId;
    UtcMillis createdAt = 0;
    UtcMillis updatedAt = 0;
    QString resolution;
    QList<ExceptionEvent> history;

    bool isClosed() const
    {
        return state == ExceptionState::Resolved || state == ExceptionState::Ignored;
    }
};

} // namespace Ledgerdesk::Core
