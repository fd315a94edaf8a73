#pragma once

#include <core/catalog/product.h>
#include <core/domain/quantities.h>
#include <core/error.h>
#include <core/store/dialect.h>

#include <QSqlDatabase>

namespace Ledgerdesk::Core {

// One balance read on `db`, inside whatever transaction the caller holds; zero when the
// (variant, location) pair has never moved.
Result<Quantities> readBalance(QSqlDatabase db, VariantId variant, LocationId location);

// The same read, holding the row until the transaction ends where the backend needs that
// (PostgreSQL); SQLite's write lock already covers it.
Result<Quantities> readBalanceForUpdate(QSqlDatabase db,
                                        const Dialect &dialect,
                                        VariantId variant,
                                        LocationId location);

} // namespace Ledgerdesk::Core
