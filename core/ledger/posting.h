#pragma once

#include <core/catalog/product.h>
#include <core/domain/quantities.h>
#include <core/domain/timestamp.h>

#include <QList>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

using PostingId = qint64;

// Why stock moved. Stored as its key; the list is closed so reports can group by it.
enum class MovementReason {
    Sale,
    Allocation,
    Pick,
    Receipt,
    Return,
    Count,
    Transfer,
    Adjustment,
    SyncAccept,
    Damage,
    Correction,
};

QString movementReasonKey(MovementReason reason); // "sale", "sync-accept", …
std::optional<MovementReason> movementReasonFromKey(QStringView key);
QStringList movementReasonKeys();

struct MovementLine
{
    VariantId variantId = 0;
    LocationId locationId = 0;
    Quantities delta;
};

// A person's decision to let `available` go below zero, recorded with the posting.
struct StockOverride
{
    QString reason;
};

// One journal entry: one or more movement lines applied atomically, idempotent on (source,
// reference).
struct PostingRequest
{
    QString source;    // "console", "shopify", "csv:inventory.csv", …
    QString reference; // unique within the source
    MovementReason reason = MovementReason::Adjustment;
    QString actor; // a person's login or a connector's name
    UtcMillis occurredAt = 0;
    QString note;
    std::optional<StockOverride> override;
    QList<MovementLine> lines;
    // A connected system that already holds the figure this change moves to (a resolution
    // that takes its value, or one that sends it its own correction): it is not told again.
    QString knownTo;

    QString contentHash() const;
};

struct BalanceAfter
{
    VariantId variantId = 0;
    LocationId locationId = 0;
    Quantities quantities;
};

struct PostingResult
{
    PostingId postingId = 0;
    bool duplicate = false;       // true when (source, reference) had already been posted
    QList<BalanceAfter> balances; // empty for a duplicate: nothing changed
};

} // namespace Ledgerdesk::Core
