#include "inbox.h"

#include <core/store/sql.h>

#include <QSqlQuery>

namespace Ledgerdesk::Core {

Result<InboxReceipt> Inbox::receive(QSqlDatabase db, const InboxEvent &event, UtcMillis now)
{
    if (event.system.isEmpty() || event.eventId.isEmpty()) {
        return makeError(ErrorCode::Validation, tr("an inbound event needs a system and an id"));
    }
    auto inserted = runQuery(db,
                             QStringLiteral("INSERT INTO inbox (system, event_id, topic, "
                                            "entity_key, source_at, received_at, payload) VALUES "
                                            "(?, ?, ?, ?, ?, ?, ?) ON CONFLICT (system, event_id) "
                                            "DO NOTHING RETURNING id"),
                             {event.system,
                              event.eventId,
                              nonNull(event.topic),
                              nonNull(event.entityKey),
                              event.sourceAt,
                              now,
                              QString::fromUtf8(event.payload)});
    if (!inserted) {
        return inserted.error();
    }
    if (!inserted.value().next()) {
        return InboxReceipt{0, InboxVerdict::Duplicate};
    }
    const qint64 id = inserted.value().value(0).toLongLong();
    if (event.entityKey.isEmpty()) {
        return InboxReceipt{id, InboxVerdict::Apply};
    }
    auto newer = runQuery(db,
                          QStringLiteral("SELECT 1 FROM inbox WHERE system = ? AND entity_key = ? "
                                         "AND applied_at IS NOT NULL AND outcome = 'applied' AND "
                                         "source_at > ? LIMIT 1"),
                          {event.system, event.entityKey, event.sourceAt});
    if (!newer) {
        return newer.error();
    }
    if (newer.value().next()) {
        const Status marked = markApplied(db, id, QStringLiteral("stale"), now);
        return marked ? Result<InboxReceipt>(InboxReceipt{id, InboxVerdict::Stale})
                      : Result<InboxReceipt>(marked.error());
    }
    return InboxReceipt{id, InboxVerdict::Apply};
}

Status Inbox::markApplied(QSqlDatabase db, qint64 id, const QString &outcome, UtcMillis now)
{
    auto q = runQuery(db,
                      QStringLiteral("UPDATE inbox SET applied_at = ?, outcome = ? WHERE id = ?"),
                      {now, outcome, id});
    return q ? success() : Status(q.error());
}

} // namespace Ledgerdesk::Core
