#include "exceptionstore.h"

#include <core/audit/auditlog.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QMap>
#include <QSqlQuery>

namespace Ledgerdesk::Core {

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, system, entity, entity_key, base_value, ledger_value, external_value, error_text, "
    "attempts, state, assignee, outbox_id, created_at, updated_at, resolution");

QVariant optionalText(const std::optional<QString> &value)
{
    return value ? QVariant(nonNull(*value)) : QVariant();
}

std::optional<QString> textOrNull(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

SyncException fromRow(const QSqlQuery &q)
{
    SyncException e;
    e.id = q.value(0).toLongLong();
    e.kind = exceptionKindFromKey(q.value(1).toString()).value_or(ExceptionKind::Conflict);
    e.system = q.value(2).toString();
    e.entity = q.value(3).toString();
    e.entityKey = q.value(4).toString();
    e.baseValue = textOrNull(q.value(5));
    e.ledgerValue = textOrNull(q.value(6));
    e.externalValue = textOrNull(q.value(7));
    e.errorText = q.value(8).toString();
    e.attempts = q.value(9).toInt();
    e.state = exceptionStateFromKey(q.value(10).toString()).value_or(ExceptionState::Open);
    e.assignee = q.value(11).toString();
    if (!q.value(12).isNull()) {
        e.outboxId = q.value(12).toLongLong();
    }
    e.createdAt = q.value(13).toLongLong();
    e.updatedAt = q.value(14).toLongLong();
    e.resolution = q.value(15).toString();
    return e;
}

Status audit(QSqlDatabase db, qint64 id, const ExceptionEvent &event)
{
    return AuditLog::record(db,
                            {event.at,
                             event.actor,
                             QStringLiteral("exception.") + event.action,
                             QStringLiteral("exception:%1").arg(id),
                             event.detail});
}

} // namespace

ExceptionStore::ExceptionStore(Store &store)
    : m_store(store)
{}

Result<qint64> ExceptionStore::raise(QSqlDatabase db, const SyncException &e, UtcMillis now)
{
    auto existing = runQuery(db,
                             QStringLiteral("SELECT id, base_value, ledger_value, external_value, "
                                            "outbox_id FROM sync_exceptions WHERE kind = ? AND "
                                            "system = ? AND entity = ? AND entity_key = ? AND "
                                            "state IN ('open', 'acknowledged')"),
                             {exceptionKindKey(e.kind), e.system, e.entity, e.entityKey});
    if (!existing) {
        return existing.error();
    }
    if (existing.value().next()) {
        const QSqlQuery &row = existing.value();
        const qint64 id = row.value(0).toLongLong();
        const bool sameOutbox
            = !e.outboxId || (!row.value(4).isNull() && row.value(4).toLongLong() == *e.outboxId);
        const bool sameValues = textOrNull(row.value(1)) == e.baseValue
                                && textOrNull(row.value(2)) == e.ledgerValue
                                && textOrNull(row.value(3)) == e.externalValue && sameOutbox;
        existing.value().finish();
        if (sameValues) {
            // Seen again as it was: only "last seen" moves, so the inbox and its history hold
            // one entry per problem however often a sync pass meets it.
            auto seen = runQuery(db,
                                 QStringLiteral("UPDATE sync_exceptions SET updated_at = ? WHERE "
                                                "id = ?"),
                                 {now, id});
            return seen ? Result<qint64>(id) : Result<qint64>(seen.error());
        }
        auto updated = runQuery(db,
                                QStringLiteral("UPDATE sync_exceptions SET base_value = ?, "
                                               "ledger_value = ?, external_value = ?, error_text "
                                               "= ?, attempts = CASE WHEN attempts < ? THEN ? ELSE "
                                               "attempts END, updated_at = ?, "
                                               "outbox_id = COALESCE(?, outbox_id) WHERE id = ?"),
                                {optionalText(e.baseValue),
                                 optionalText(e.ledgerValue),
                                 optionalText(e.externalValue),
                                 nonNull(e.errorText),
                                 std::max(1, e.attempts),
                                 std::max(1, e.attempts),
                                 now,
                                 e.outboxId ? QVariant(*e.outboxId) : QVariant(),
                                 id});
        if (!updated) {
            return updated.error();
        }
        const Status history
            = appendHistory(db, id, {now, e.system, QStringLiteral("changed"), e.errorText});
        return history ? Result<qint64>(id) : Result<qint64>(history.error());
    }
    auto inserted = runQuery(
        db,
        QStringLiteral("INSERT INTO sync_exceptions (kind, system, entity, entity_key, base_value, "
                       "ledger_value, external_value, error_text, attempts, state, assignee, "
                       "outbox_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "'open', '', ?, ?, ?) RETURNING id"),
        {exceptionKindKey(e.kind),
         e.system,
         e.entity,
         e.entityKey,
         optionalText(e.baseValue),
         optionalText(e.ledgerValue),
         optionalText(e.externalValue),
         nonNull(e.errorText),
         std::max(1, e.attempts),
         e.outboxId ? QVariant(*e.outboxId) : QVariant(),
         now,
         now});
    if (!inserted) {
        return inserted.error();
    }
    inserted.value().next();
    const qint64 id = inserted.value().value(0).toLongLong();
    const Status history
        = appendHistory(db, id, {now, e.system, QStringLiteral("raised"), e.errorText});
    return history ? Result<qint64>(id) : Result<qint64>(history.error());
}

Status ExceptionStore::appendHistory(QSqlDatabase db, qint64 id, const ExceptionEvent &event)
{
    auto q = runQuery(db,
                      QStringLiteral("INSERT INTO exception_history (exception_id, at, actor, "
                                     "action, detail) VALUES (?, ?, ?, ?, ?)"),
                      {id, event.at, event.actor, event.action, nonNull(event.detail)});
    return q ? success() : Status(q.error());
}

Status ExceptionStore::close(QSqlDatabase db,
                             qint64 id,
                             ExceptionState state,
                             const QString &actor,
                             const QString &resolution,
                             UtcMillis now)
{
    auto q = runQuery(db,
                      QStringLiteral("UPDATE sync_exceptions SET state = ?, resolution = ?, "
                                     "resolved_at = ?, updated_at = ? WHERE id = ? AND state IN "
                                     "('open', 'acknowledged')"),
                      {exceptionStateKey(state), nonNull(resolution), now, now, id});
    if (!q) {
        return q.error();
    }
    if (q.value().numRowsAffected() != 1) {
        return makeError(ErrorCode::Conflict, tr("exception %1 is not open").arg(id));
    }
    const ExceptionEvent event{now, actor, exceptionStateKey(state), resolution};
    if (const Status history = appendHistory(db, id, event); !history) {
        return history;
    }
    return audit(db, id, event);
}

Status ExceptionStore::changeWithHistory(qint64 id,
                                         const QString &sqlSet,
                                         const QVariantList &values,
                                         const ExceptionEvent &event)
{
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE sync_exceptions SET ") + sqlSet
              + QStringLiteral(", updated_at = ? WHERE id = ? AND state IN ('open', "
                               "'acknowledged')"));
    for (const QVariant &v : values) {
        q.addBindValue(v);
    }
    q.addBindValue(event.at);
    q.addBindValue(id);
    if (!q.exec()) {
        return storageError(q, QStringLiteral("exception"));
    }
    if (q.numRowsAffected() != 1) {
        return makeError(ErrorCode::NotFound, tr("no open exception %1").arg(id));
    }
    if (const Status h = appendHistory(db, id, event); !h) {
        return h;
    }
    if (const Status a = audit(db, id, event); !a) {
        return a;
    }
    return tx.commit();
}

Result<bool> ExceptionStore::raiseOnce(const SyncException &e)
{
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    auto seen = runQuery(db,
                         QStringLiteral("SELECT 1 FROM sync_exceptions WHERE kind = ? AND system "
                                        "= ? AND entity = ? AND entity_key = ? LIMIT 1"),
                         {exceptionKindKey(e.kind), e.system, e.entity, e.entityKey});
    if (!seen) {
        return seen.error();
    }
    if (seen.value().next()) {
        return false;
    }
    seen.value().finish();
    if (auto raised = raise(db, e, nowUtcMillis()); !raised) {
        return raised.error();
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    return true;
}

Status ExceptionStore::acknowledge(qint64 id, const QString &actor)
{
    return changeWithHistory(id,
                             QStringLiteral("state = 'acknowledged'"),
                             {},
                             {nowUtcMillis(), actor, QStringLiteral("acknowledged"), QString()});
}

Status ExceptionStore::assign(qint64 id, const QString &assignee, const QString &actor)
{
    return changeWithHistory(id,
                             QStringLiteral("assignee = ?"),
                             {nonNull(assignee)},
                             {nowUtcMillis(), actor, QStringLiteral("assigned"), assignee});
}

Status ExceptionStore::addNote(qint64 id, const QString &note, const QString &actor)
{
    if (note.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("a note needs text"));
    }
    return changeWithHistory(id,
                             QStringLiteral("attempts = attempts"),
                             {},
                             {nowUtcMillis(), actor, QStringLiteral("note"), note});
}

Result<std::optional<SyncException>> ExceptionStore::get(qint64 id)
{
    QSqlDatabase db = m_store.connection();
    auto q = runQuery(db,
                      QStringLiteral("SELECT ") + kColumns
                          + QStringLiteral(" FROM sync_exceptions WHERE id = ?"),
                      {id});
    if (!q) {
        return q.error();
    }
    if (!q.value().next()) {
        return std::optional<SyncException>();
    }
    SyncException e = fromRow(q.value());
    auto h = runQuery(db,
                      QStringLiteral("SELECT at, actor, action, detail FROM exception_history "
                                     "WHERE exception_id = ? ORDER BY id"),
                      {id});
    if (!h) {
        return h.error();
    }
    while (h.value().next()) {
        e.history << ExceptionEvent{h.value().value(0).toLongLong(),
                                    h.value().value(1).toString(),
                                    h.value().value(2).toString(),
                                    h.value().value(3).toString()};
    }
    return std::optional<SyncException>(e);
}

Result<QList<QPair<ExceptionCause, qint64>>> ExceptionStore::openByCause()
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT kind, COUNT(*) FROM sync_exceptions WHERE state IN "
                                     "('open', 'acknowledged') GROUP BY kind"));
    if (!q) {
        return q.error();
    }
    QMap<int, qint64> counts;
    while (q.value().next()) {
        if (const auto kind = exceptionKindFromKey(q.value().value(0).toString())) {
            counts[int(causeOf(*kind))] += q.value().value(1).toLongLong();
        }
    }
    QList<QPair<ExceptionCause, qint64>> causes;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        causes << qMakePair(static_cast<ExceptionCause>(it.key()), it.value());
    }
    return causes;
}

Result<QList<SyncException>> ExceptionStore::list(const ExceptionFilter &f)
{
    QStringList where;
    QVariantList values;
    if (f.system) {
        where << QStringLiteral("system = ?");
        values << *f.system;
    }
    if (f.kind) {
        where << QStringLiteral("kind = ?");
        values << exceptionKindKey(*f.kind);
    }
    if (f.cause) {
        QStringList marks;
        for (const ExceptionKind kind : kindsOf(*f.cause)) {
            marks << QStringLiteral("?");
            values << exceptionKindKey(kind);
        }
        where << QStringLiteral("kind IN (%1)").arg(marks.join(QStringLiteral(", ")));
    }
    if (f.state) {
        where << QStringLiteral("state = ?");
        values << exceptionStateKey(*f.state);
    }
    if (f.openOnly) {
        where << QStringLiteral("state IN ('open', 'acknowledged')");
    }
    if (f.assignee) {
        where << QStringLiteral("assignee = ?");
        values << *f.assignee;
    }
    if (f.olderThan) {
        where << QStringLiteral("created_at < ?");
        values << *f.olderThan;
    }
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM sync_exceptions");
    if (!where.isEmpty()) {
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    }
    sql += QStringLiteral(" ORDER BY created_at, id LIMIT ?");
    values << f.limit;
    QSqlQuery q(m_store.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return storageError(q, QStringLiteral("exceptions"));
    }
    QList<SyncException> all;
    while (q.next()) {
        all << fromRow(q);
    }
    return all;
}

} // namespace Ledgerdesk::Core
