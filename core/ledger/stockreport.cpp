#include "stockreport.h"

#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSqlQuery>

#include <sqlite3.h>

namespace Ledgerdesk::Core {

namespace {

QString columnText(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(statement, column));
}

} // namespace

StockReport::StockReport(Store &store)
    : m_store(store)
{}

QString StockReport::sql()
{
    // Variants by SKU × locations by code through their unique indexes: no sort of the whole
    // table. CROSS JOIN fixes SQLite's join order; PostgreSQL plans it as an ordinary join.
    return QStringLiteral(
        "SELECT b.variant_id, b.location_id, v.sku, l.code, b.available, b.committed, "
        "b.reserved, b.damaged, b.quality_control, b.safety_stock, b.incoming FROM variants v "
        "CROSS JOIN locations l CROSS JOIN balances b WHERE b.variant_id = v.id AND "
        "b.location_id = l.id ORDER BY v.sku, l.code");
}

Result<QList<StockRow>> StockReport::fetch()
{
    QList<StockRow> rows;
    if (sqlite3_stmt *native = m_store.nativeStatement(sql())) {
        int step = SQLITE_ROW;
        while ((step = sqlite3_step(native)) == SQLITE_ROW) {
            StockRow row;
            row.variantId = sqlite3_column_int64(native, 0);
            row.locationId = sqlite3_column_int64(native, 1);
            row.sku = columnText(native, 2);
            row.locationCode = columnText(native, 3);
            for (int i = 0; i < kStoredQuantityCount; ++i) {
                row.quantities.values[static_cast<std::size_t>(i)]
                    = sqlite3_column_int64(native, 4 + i);
            }
            rows << row;
        }
        sqlite3_reset(native);
        if (step != SQLITE_DONE) {
            return makeError(ErrorCode::Storage,
                             tr("reading the stock report failed (SQLite error %1)").arg(step));
        }
        return rows;
    }
    auto q = runQuery(m_store.connection(), sql());
    if (!q) {
        return q.error();
    }
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        StockRow row;
        row.variantId = r.value(0).toLongLong();
        row.locationId = r.value(1).toLongLong();
        row.sku = r.value(2).toString();
        row.locationCode = r.value(3).toString();
        for (int i = 0; i < kStoredQuantityCount; ++i) {
            row.quantities.values[static_cast<std::size_t>(i)] = r.value(4 + i).toLongLong();
        }
        rows << row;
    }
    return rows;
}

} // namespace Ledgerdesk::Core
