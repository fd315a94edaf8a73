#pragma once

#include <core/domain/timestamp.h>
#include <core/error.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace Ledgerdesk::Core {

struct InboxEvent
{
    QString system;
    QString eventId; // the webhook id, or a pull's (entity, updated_at) pair
    QString topic;
    QString entityKey;
    UtcMillis sourceAt = 0; // when the source system says it happened
    QByteArray payload;
};

enum class InboxVerdict {
    Apply,     // new and newer than anything applied for its entity
    Duplicate, // this event id was received before
    Stale,     // an event with a later source time was already applied for the entity
};

struct InboxReceipt
{
    qint64 id = 0;
    InboxVerdict verdict = InboxVerdict::Apply;
};

// Received changes are recorded once, and an older event never overwrites newer state. Both
// calls run inside the caller's transaction, next to the ledger change they lead to.
class Inbox final
{
    Q_DECLARE_TR_FUNCTIONS(Inbox)

public:
    static Result<InboxReceipt> receive(QSqlDatabase db, const InboxEvent &event, UtcMillis now);
    static Status markApplied(QSqlDatabase db, qint64 id, const QString &outcome, UtcMillis now);
};

} // namespace Ledgerdesk::Core
