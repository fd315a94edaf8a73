#pragma once

#include <core/domain/timestamp.h>
#include <core/sync/syncexception.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

enum class OutboxStatus { Pending, InFlight, Done, Dead };

QString outboxStatusKey(OutboxStatus status);
std::optional<OutboxStatus> outboxStatusFromKey(QStringView key);

// One change that must reach another system. The row is its own idempotency record: the key
// travels with every attempt, so a retry can never apply twice at the target.
struct OutboxItem
{
    qint64 id = 0;
    QString idempotencyKey;
    QString target; // "shopify", "erp", "wms"
    QString kind;   // "inventory.set", "order.create", …
    QString entityKey;
    QByteArray payload; // JSON the target's connector understands
    std::optional<qint64> postingId;
    OutboxStatus status = OutboxStatus::Pending;
    int attempts = 0;
    UtcMillis nextAttemptAt = 0;
    std::optional<UtcMillis> firstFailureAt;
    QString lastError;

    QString requestHash() const;
};

// How an attempt ended, as the connector saw it.
struct DeliveryFailure
{
    DeliveryFailure() = default;

    DeliveryFailure(QString error,
                    bool retryable = true,
                    std::optional<qint64> retryAfterMs = std::nullopt,
                    std::optional<SyncException> exception = std::nullopt)
        : error(std::move(error))
        , retryable(retryable)
        , retryAfterMs(retryAfterMs)
        , exception(std::move(exception))
    {}

    QString error;
    bool retryable = true;
    std::optional<qint64> retryAfterMs;
    // What to raise if this failure dead-letters the row, when the connector knows more than
    // "the target refused it" (a stale write with the target's current value, say).
    std::optional<SyncException> exception;
};

} // namespace Ledgerdesk::Core
