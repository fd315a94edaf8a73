#include "ownershipmap.h"

#include <core/audit/auditlog.h>
#include <core/domain/timestamp.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSqlQuery>

namespace Ledgerdesk::Core {

OwnershipMap::OwnershipMap(Store &store)
    : m_store(store)
{}

Result<QMap<QString, QString>> OwnershipMap::all()
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT data_kind, system FROM ownership ORDER BY data_kind"));
    if (!q) {
        return q.error();
    }
    QMap<QString, QString> map;
    while (q.value().next()) {
        map.insert(q.value().value(0).toString(), q.value().value(1).toString());
    }
    return map;
}

Result<QString> OwnershipMap::owner(const QString &dataKind)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT system FROM ownership WHERE data_kind = ?"),
                      {dataKind});
    if (!q) {
        return q.error();
    }
    return q.value().next() ? q.value().value(0).toString() : QString();
}

Status OwnershipMap::setOwner(const QString &dataKind, const QString &system, const QString &actor)
{
    if (dataKind.trimmed().isEmpty() || system.trimmed().isEmpty() || actor.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("ownership needs a kind of data, a system and who changes it"));
    }
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    auto before = owner(dataKind);
    if (!before) {
        return before.error();
    }
    auto saved = runQuery(db,
                          QStringLiteral("INSERT INTO ownership (data_kind, system) VALUES (?, ?) "
                                         "ON CONFLICT (data_kind) DO UPDATE SET system = "
                                         "excluded.system"),
                          {dataKind, system});
    if (!saved) {
        return saved.error();
    }
    if (const Status audited = AuditLog::record(db,
                                                {nowUtcMillis(),
                                                 actor,
                                                 QStringLiteral("ownership.set"),
                                                 dataKind,
                                                 before.value() + QStringLiteral(" -> ") + system});
        !audited) {
        return audited;
    }
    return tx.commit();
}

} // namespace Ledgerdesk::Core
