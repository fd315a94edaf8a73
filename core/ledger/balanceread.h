#pragma once

#include <core/catalog/product.h>
#include <core/domain/quantities.h>
#include <core/error.h>

#include <QSqlDatabase>

namespace Ledgerdesk::Core {

// One balance read on `db`, inside whatever transaction the caller holds; zero when the
// (variant, location) pair has never moved.
Result<Quantities> readBalance(QSqlDatabase db, VariantId variant, LocationId location);

} // namespace Ledgerdesk::Core
