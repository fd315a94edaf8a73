#include "balanceread.h"

#include <core/store/sql.h>

#include <QSqlQuery>

namespace Ledgerdesk::Core {

namespace {

const QString kBalanceSql = QStringLiteral(
    "SELECT available, committed, reserved, damaged, quality_control, safety_stock, incoming "
    "FROM balances WHERE variant_id = ? AND location_id = ?");

Result<Quantities> read(QSqlDatabase db, const QString &sql, VariantId variant, LocationId location)
{
    auto q = runQuery(db, sql, {variant, location});
    if (!q) {
        return q.error();
    }
    Quantities quantities;
    if (q.value().next()) {
        for (int i = 0; i < kStoredQuantityCount; ++i) {
            quantities.values[static_cast<std::size_t>(i)] = q.value().value(i).toLongLong();
        }
    }
    return quantities;
}

} // namespace

Result<Quantities> readBalance(QSqlDatabase db, VariantId variant, LocationId location)
{
    return read(db, kBalanceSql, variant, location);
}

Result<Quantities> readBalanceForUpdate(QSqlDatabase db,
                                        const Dialect &dialect,
                                        VariantId variant,
                                        LocationId location)
{
    return read(db, kBalanceSql + dialect.lockRowsClause(), variant, location);
}

} // namespace Ledgerdesk::Core
