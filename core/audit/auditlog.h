#pragma once

#include <core/domain/timestamp.h>
#include <core/error.h>

#include <QSqlDatabase>
#include <QString>

namespace Ledgerdesk::Core {

// One thing a person or a connector did, as the audit log keeps it.
struct AuditEntry
{
    UtcMillis at = 0;
    QString actor;  // a person's login or a connector's name
    QString action; // "order.state", "ownership.set", "exception.resolved", …
    QString target; // what it was done to: "shopify:5001", "exception:12", …
    QString detail;
};

// Every audited write goes through here, inside the transaction of the change it records, so
// the log can never say something happened that did not (or miss what did).
class AuditLog final
{
public:
    static Status record(QSqlDatabase db, const AuditEntry &entry);
};

} // namespace Ledgerdesk::Core
