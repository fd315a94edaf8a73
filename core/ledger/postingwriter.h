#pragma once

#include <core/error.h>
#include <core/ledger/posting.h>

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace Ledgerdesk::Core {

// Writes postings inside a transaction someone else opened, reusing prepared statements.
// It holds no QSqlDatabase handle, so the connection can still be closed and removed.
class PostingWriter final
{
    Q_DECLARE_TR_FUNCTIONS(PostingWriter)

public:
    explicit PostingWriter(const QSqlDatabase &db);

    Status prepare();
    // True while the statements belong to `db`'s live driver (a reopened connection has a new one).
    bool preparedOn(const QSqlDatabase &db) const;
    // Resets every statement so none keeps a read snapshot open between transactions.
    void release();
    Result<PostingResult> write(const PostingRequest &request, UtcMillis recordedAt);

private:
    Status validate(const PostingRequest &request) const;
    Result<PostingResult> existing(const PostingRequest &request);
    Result<Quantities> applyLine(const MovementLine &line, PostingId posting, UtcMillis at);
    Status checkBalance(const PostingRequest &request,
                        const MovementLine &line,
                        const Quantities &after) const;

    QSqlQuery m_insertPosting;
    QSqlQuery m_insertMovement;
    QSqlQuery m_upsertBalance;
    QSqlQuery m_audit;
    QSqlQuery m_existing;
    bool m_prepared = false;
};

} // namespace Ledgerdesk::Core
