#include "systemfigures.h"

#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/inventorykey.h>

#include <QSqlQuery>

namespace Ledgerdesk::Core {

namespace {

const QString kEntity = QStringLiteral("inventory");

constexpr QuantityName kNames[] = {QuantityName::Available,
                                   QuantityName::Committed,
                                   QuantityName::Reserved,
                                   QuantityName::Damaged,
                                   QuantityName::QualityControl,
                                   QuantityName::SafetyStock,
                                   QuantityName::Incoming,
                                   QuantityName::OnHand};

std::optional<QString> textOrNull(const QSqlQuery &q, int column)
{
    return q.isNull(column) ? std::nullopt : std::optional<QString>(q.value(column).toString());
}

std::optional<UtcMillis> millisOrNull(const QSqlQuery &q, int column)
{
    return q.isNull(column) ? std::nullopt : std::optional<UtcMillis>(q.value(column).toLongLong());
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i) {
        marks << QStringLiteral("?");
    }
    return marks.join(QStringLiteral(", "));
}

} // namespace

std::optional<SystemFigure> SystemFigures::figure(const QString &system,
                                                  QuantityName quantity) const
{
    for (const SystemFigure &f : figures) {
        if (f.system == system && f.quantity == quantity) {
            return f;
        }
    }
    return std::nullopt;
}

SystemFiguresQuery::SystemFiguresQuery(Store &store)
    : m_store(store)
{}

Result<SystemFigures> SystemFiguresQuery::fetch(const QString &sku, const QString &locationCode)
{
    QSqlDatabase db = m_store.connection();
    SystemFigures result;
    result.sku = sku;
    result.locationCode = locationCode;

    auto ids = runQuery(db,
                        QStringLiteral("SELECT (SELECT id FROM variants WHERE sku = ?), (SELECT id "
                                       "FROM locations WHERE code = ?)"),
                        {nonNull(sku), nonNull(locationCode)});
    if (!ids) {
        return ids.error();
    }
    ids.value().next();
    if (ids.value().isNull(0)) {
        return makeError(ErrorCode::NotFound, tr("no variant has the SKU “%1”").arg(sku));
    }
    if (ids.value().isNull(1)) {
        return makeError(ErrorCode::NotFound,
                         tr("no location has the code “%1”").arg(locationCode));
    }

    auto balance
        = runQuery(db,
                   QStringLiteral("SELECT available, committed, reserved, damaged, "
                                  "quality_control, safety_stock, incoming, updated_at "
                                  "FROM balances WHERE variant_id = ? AND location_id = ?"),
                   {ids.value().value(0), ids.value().value(1)});
    if (!balance) {
        return balance.error();
    }
    if (balance.value().next()) {
        result.ledgerHasBalance = true;
        for (int i = 0; i < kStoredQuantityCount; ++i) {
            result.ledger.values[static_cast<std::size_t>(i)]
                = balance.value().value(i).toLongLong();
        }
        result.ledgerUpdatedAt = balance.value().value(kStoredQuantityCount).toLongLong();
    }

    // The distinct systems, walked through the primary key one name at a time instead of
    // scanning every synced value.
    auto systems = runQuery(db,
                            QStringLiteral("WITH RECURSIVE s(name) AS (SELECT MIN(system) FROM "
                                           "sync_values UNION ALL SELECT (SELECT MIN(system) FROM "
                                           "sync_values WHERE system > s.name) FROM s WHERE s.name "
                                           "IS NOT NULL) SELECT name FROM s WHERE name IS NOT "
                                           "NULL"));
    if (!systems) {
        return systems.error();
    }
    while (systems.value().next()) {
        result.systems << systems.value().value(0).toString();
    }

    QStringList keys;
    for (QuantityName name : kNames) {
        keys << InventoryKey{sku, locationCode, name}.toString();
    }
    if (!result.systems.isEmpty()) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT system, entity_key, external_value, base_value, "
                                 "external_at, agreed_at FROM sync_values WHERE system IN (%1) AND "
                                 "entity = ? AND entity_key IN (%2) ORDER BY system, entity_key")
                      .arg(placeholders(result.systems.size()), placeholders(keys.size())));
        for (const QString &system : std::as_const(result.systems)) {
            q.addBindValue(system);
        }
        q.addBindValue(kEntity);
        for (const QString &key : std::as_const(keys)) {
            q.addBindValue(key);
        }
        if (!q.exec()) {
            return storageError(q, tr("reading what the connected systems said"));
        }
        while (q.next()) {
            const auto key = InventoryKey::parse(q.value(1).toString());
            if (!key) {
                continue;
            }
            SystemFigure f;
            f.system = q.value(0).toString();
            f.quantity = key->name;
            f.value = textOrNull(q, 2);
            f.base = textOrNull(q, 3);
            f.agreedAt = millisOrNull(q, 5);
            f.seenAt = millisOrNull(q, 4);
            if (!f.seenAt) {
                f.seenAt = f.agreedAt;
            }
            if (!f.value) {
                f.value = f.base;
            }
            result.figures << f;
        }
    }

    QSqlQuery ex(db);
    ex.prepare(QStringLiteral("SELECT id, kind, system, entity, entity_key, base_value, "
                              "ledger_value, external_value, error_text, attempts, state, "
                              "assignee, created_at, updated_at FROM sync_exceptions WHERE state "
                              "IN ('open', 'acknowledged') AND entity_key IN (%1) ORDER BY "
                              "created_at, id")
                   .arg(placeholders(keys.size())));
    for (const QString &key : std::as_const(keys)) {
        ex.addBindValue(key);
    }
    if (!ex.exec()) {
        return storageError(ex, tr("reading the open exceptions"));
    }
    while (ex.next()) {
        SyncException e;
        e.id = ex.value(0).toLongLong();
        e.kind = exceptionKindFromKey(ex.value(1).toString()).value_or(ExceptionKind::Conflict);
        e.system = ex.value(2).toString();
        e.entity = ex.value(3).toString();
        e.entityKey = ex.value(4).toString();
        e.baseValue = textOrNull(ex, 5);
        e.ledgerValue = textOrNull(ex, 6);
        e.externalValue = textOrNull(ex, 7);
        e.errorText = ex.value(8).toString();
        e.attempts = ex.value(9).toInt();
        e.state = exceptionStateFromKey(ex.value(10).toString()).value_or(ExceptionState::Open);
        e.assignee = ex.value(11).toString();
        e.createdAt = ex.value(12).toLongLong();
        e.updatedAt = ex.value(13).toLongLong();
        result.openExceptions << e;
    }
    return result;
}

} // namespace Ledgerdesk::Core
