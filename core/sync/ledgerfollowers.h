#pragma once

#include <core/domain/timestamp.h>
#include <core/error.h>
#include <core/ledger/posting.h>

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace Ledgerdesk::Core {

// Systems that keep their own on-hand figures and are told of every ledger change to them by
// an adjustment (an ERP): each posting that moves on-hand queues one outbox row per follower in
// the posting's own transaction, so no change is ever left out and none is sent twice.
class LedgerFollowers final
{
    Q_DECLARE_TR_FUNCTIONS(LedgerFollowers)

public:
    // Recorded in the ledger, so every process that posts (the console, the CLI, a daemon)
    // queues the same rows. A system that stops following keeps what was already queued.
    static Status follow(QSqlDatabase db, const QString &system);
    static Result<QStringList> followers(QSqlDatabase db);

    // Inside the posting's transaction: the adjustment rows for `request` as written. A change
    // that came from a follower (its `source` or `knownTo`) is not sent back to it.
    static Status queueFor(QSqlDatabase db,
                           const QStringList &followers,
                           const PostingRequest &request,
                           const PostingResult &result,
                           UtcMillis now);
};

} // namespace Ledgerdesk::Core
