#pragma once

#include <core/error.h>
#include <core/store/dialect.h>

#include <QSqlDatabase>

namespace Ledgerdesk::Core {

int latestSchemaVersion();
// 0 for an empty database.
Result<int> schemaVersion(QSqlDatabase db);
// Applies each forward step from the current version up to `target`, one transaction per step.
Status migrate(QSqlDatabase db, const Dialect &dialect, int target);

} // namespace Ledgerdesk::Core
