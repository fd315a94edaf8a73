#pragma once

#include <core/catalog/product.h>
#include <core/domain/quantities.h>
#include <core/domain/timestamp.h>
#include <core/error.h>

#include <QList>
#include <QString>
#include <QVariantList>

namespace Ledgerdesk::Core {

class Dialect;
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

// Every order is total (ties go by SKU and location code, or by the balance key for quantities)
// and descending is its exact reverse, so a page can be read from either end.
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

// The SQL text and positional values of one read, for tools that time the statement alone.
struct AvailabilityStatement
{
    QString sql;
    QVariantList values;
    bool reversed = false; // the rows come last first and are turned round after reading
};

// Reads balances joined with master data; filtering and sorting happen in SQL, never in memory.
class AvailabilityQuery final
{
public:
    explicit AvailabilityQuery(Store &store);

    Result<qint64> count(const AvailabilityFilter &filter);
    // `total`, the count of the filter when known, lets a page past the middle be read from
    // the far end instead of walking every row before it.
    Result<QList<AvailabilityRow>> fetch(const AvailabilityFilter &filter,
                                         AvailabilitySort sort = AvailabilitySort::Sku,
                                         bool descending = false,
                                         qint64 limit = -1,
                                         qint64 offset = 0,
                                         qint64 total = -1);
    // The newest balance change in the whole ledger; 0 when there are no balances.
    Result<UtcMillis> newestUpdate();

    static AvailabilityStatement countStatement(const Dialect &dialect,
                                                const AvailabilityFilter &filter);
    static AvailabilityStatement fetchStatement(const Dialect &dialect,
                                                const AvailabilityFilter &filter,
                                                AvailabilitySort sort,
                                                bool descending,
                                                qint64 limit,
                                                qint64 offset,
                                                qint64 total = -1);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
