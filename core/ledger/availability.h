#pragma once

#include <core/catalog/product.h>
#include <core/domain/quantities.h>
#include <core/domain/timestamp.h>
#include <core/error.h>

#include <QList>
#include <QString>

namespace Ledgerdesk::Core {

class Store;

struct AvailabilityFilter
{
    QString search;       // SKU prefix, style handle, title words or exact barcode
    QString sku;          // exact SKU
    QString styleHandle;  // exact style handle
    QString locationCode; // exact location code
    bool lowStockOnly = false;
    qint64 lowStockThreshold = 5;
};

struct AvailabilityRow
{
    VariantId variantId = 0;
    LocationId locationId = 0;
    QString sku;
    QString styleHandle;
    QString title;
    QString option1;
    QString option2;
    QString barcode;
    QString locationCode;
    QString locationName;
    Quantities quantities;
    UtcMillis updatedAt = 0;
};

enum class AvailabilitySort {
    Sku,
    Style,
    Location,
    Available,
    OnHand,
    Committed,
    Incoming,
    Color, // first option value
    Size,  // second option value
};

// Reads balances joined with master data; filtering and sorting happen in SQL, never in memory.
class AvailabilityQuery final
{
public:
    explicit AvailabilityQuery(Store &store);

    Result<qint64> count(const AvailabilityFilter &filter);
    Result<QList<AvailabilityRow>> fetch(const AvailabilityFilter &filter,
                                         AvailabilitySort sort = AvailabilitySort::Sku,
                                         bool descending = false,
                                         qint64 limit = -1,
                                         qint64 offset = 0);
    // The newest balance change in the whole ledger; 0 when there are no balances.
    Result<UtcMillis> newestUpdate();

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
