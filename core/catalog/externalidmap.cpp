#include "externalidmap.h"

#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSqlQuery>

namespace Ledgerdesk::Core {

ExternalIdMap::ExternalIdMap(Store &store)
    : m_store(store)
{}

Status ExternalIdMap::link(const QString &system,
                           const QString &entity,
                           qint64 localId,
                           const QString &externalId)
{
    if (system.isEmpty() || entity.isEmpty() || externalId.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("a mapping needs a system, an entity and an external id"));
    }
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    auto removed
        = runQuery(db,
                   QStringLiteral("DELETE FROM external_ids WHERE system = ? AND entity = ? AND "
                                  "(local_id = ? OR external_id = ?)"),
                   {system, entity, localId, externalId});
    if (!removed) {
        return removed.error();
    }
    auto inserted = runQuery(db,
                             QStringLiteral("INSERT INTO external_ids (system, entity, local_id, "
                                            "external_id) VALUES (?, ?, ?, ?)"),
                             {system, entity, localId, externalId});
    if (!inserted) {
        return inserted.error();
    }
    return tx.commit();
}

Result<std::optional<qint64>>
ExternalIdMap::localId(const QString &system, const QString &entity, const QString &externalId)
{
    auto q = runQuery(
        m_store.connection(),
        QStringLiteral("SELECT local_id FROM external_ids WHERE system = ? AND entity = ? "
                       "AND external_id = ?"),
        {system, entity, externalId});
    if (!q) {
        return q.error();
    }
    return q.value().next() ? std::optional<qint64>(q.value().value(0).toLongLong()) : std::nullopt;
}

Result<std::optional<QString>>
ExternalIdMap::externalId(const QString &system, const QString &entity, qint64 localId)
{
    auto q = runQuery(
        m_store.connection(),
        QStringLiteral("SELECT external_id FROM external_ids WHERE system = ? AND entity "
                       "= ? AND local_id = ?"),
        {system, entity, localId});
    if (!q) {
        return q.error();
    }
    return q.value().next() ? std::optional<QString>(q.value().value(0).toString()) : std::nullopt;
}

} // namespace Ledgerdesk::Core
