#pragma once

#include <core/catalog/product.h>
#include <core/domain/quantities.h>
#include <core/domain/timestamp.h>
#include <core/error.h>
#include <core/ledger/posting.h>

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

class Store;

struct MovementHistoryEntry
{
    qint64 movementId = 0;
    PostingId postingId = 0;
    UtcMillis occurredAt = 0;
    UtcMillis recordedAt = 0;
    QString source;
    QString reference;
    QString reason; // the stored key, e.g. "sale"
    QString actor;
    QString note;
    std::optional<QString> overrideReason;
    Quantities delta;
    Quantities after; // the balance right after this movement
};

struct MovementHistoryPage
{
    VariantId variantId = 0;
    LocationId locationId = 0;
    qint64 offset = 0;
    QList<MovementHistoryEntry> entries; // newest first
    bool more = false;                   // older movements follow this page
};

// One SKU at one location, newest movement first. Every read walks the movements_key index
// (variant_id, location_id, id) backwards, so a page costs the same at ten movements or ten
// million; running balances come from the stored balance minus the newer deltas.
class MovementHistory final
{
    Q_DECLARE_TR_FUNCTIONS(MovementHistory)

public:
    explicit MovementHistory(Store &store);

    Result<MovementHistoryPage>
    fetch(const QString &sku, const QString &locationCode, qint64 limit, qint64 offset = 0);
    Result<MovementHistoryPage>
    fetch(VariantId variant, LocationId location, qint64 limit, qint64 offset = 0);

    static QString pageSql();

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
