#pragma once

#include <core/error.h>
#include <core/ledger/posting.h>

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace Ledgerdesk::Core {

// Writes postings inside a transaction someone else opened, reusing prepared statements.
class PostingWriter final
{
    Q_DECLARE_TR_FUNCTIONS(PostingWriter)

public:
    explicit PostingWriter(QSqlDatabase db);

    Status prepare();
    Result<PostingResult> write(const PostingRequest &request, UtcMillis recordedAt);

private:
    Status validate(const PostingRequest &request) const;
    Result<PostingResult> existing(const PostingRequest &request);
    Result<Quantities> applyLine(const MovementLine &line, PostingId posting, UtcMillis at);
    Status checkBalance(const PostingRequest &request,
                        const MovementLine &line,
                        const Quantities &after) const;

    QSqlDatabase m_db;
    QSqlQuery m_insertPosting;
    QSqlQuery m_insertMovement;
    QSqlQuery m_upsertBalance;
    QSqlQuery m_audit;
};

} // namespace Ledgerdesk::Core
