#include "auditlog.h"

#include <core/store/sql.h>

namespace Ledgerdesk::Core {

Status AuditLog::record(QSqlDatabase db, const AuditEntry &entry)
{
    auto q = runQuery(db,
                      QStringLiteral("INSERT INTO audit_log (at, actor, action, target, detail) "
                                     "VALUES (?, ?, ?, ?, ?)"),
                      {entry.at != 0 ? entry.at : nowUtcMillis(),
                       nonNull(entry.actor),
                       entry.action,
                       nonNull(entry.target),
                       nonNull(entry.detail)});
    return q ? success() : Status(q.error());
}

} // namespace Ledgerdesk::Core
