#include "balanceread.h"

#include <core/store/sql.h>

#include <QSqlQuery>

namespace Ledgerdesk::Core {

Result<Quantities> readBalance(QSqlDatabase db, VariantId variant, LocationId location)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT available, committed, reserved, damaged, "
                                     "quality_control, safety_stock, incoming FROM balances WHERE "
                                     "variant_id = ? AND location_id = ?"),
                      {variant, location});
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

} // namespace Ledgerdesk::Core
