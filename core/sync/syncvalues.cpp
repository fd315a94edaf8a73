#include "syncvalues.h"

#include <core/store/sql.h>

#include <QSqlQuery>

namespace Ledgerdesk::Core {

Result<std::optional<QString>>
SyncValues::base(QSqlDatabase db, const QString &system, const QString &entity, const QString &key)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT base_value FROM sync_values WHERE system = ? AND "
                                     "entity = ? AND entity_key = ?"),
                      {system, entity, key});
    if (!q) {
        return q.error();
    }
    if (!q.value().next() || q.value().value(0).isNull()) {
        return std::optional<QString>();
    }
    return std::optional<QString>(q.value().value(0).toString());
}

Status SyncValues::recordAgreement(QSqlDatabase db,
                                   const QString &system,
                                   const QString &entity,
                                   const QString &key,
                                   const QString &value,
                                   std::optional<UtcMillis> externalAt,
                                   UtcMillis now)
{
    auto q = runQuery(
        db,
        QStringLiteral("INSERT INTO sync_values (system, entity, entity_key, "
                       "base_value, external_value, external_at, agreed_at) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?) ON CONFLICT (system, entity, "
                       "entity_key) DO UPDATE SET base_value = "
                       "excluded.base_value, external_value = "
                       "excluded.external_value, external_at = "
                       "COALESCE(excluded.external_at, sync_values.external_at), "
                       "agreed_at = excluded.agreed_at"),
        {system, entity, key, value, value, externalAt ? QVariant(*externalAt) : QVariant(), now});
    return q ? success() : Status(q.error());
}

} // namespace Ledgerdesk::Core
