#pragma once

#include <core/domain/timestamp.h>

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
    QString error;
    bool retryable = true;
    std::optional<qint64> retryAfterMs;
};

} // namespace Ledgerdesk::Core
