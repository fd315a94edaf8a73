#pragma once

#include <core/error.h>
#include <core/ledger/posting.h>

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

struct sqlite3_stmt;

namespace Ledgerdesk::Core {

class Store;

// Writes postings inside a transaction someone else opened, reusing prepared statements.
// It holds no QSqlDatabase handle, so the connection can still be closed and removed.
class PostingWriter final
{
    Q_DECLARE_TR_FUNCTIONS(PostingWriter)

public:
    // With a store on SQLite, the three statements every posting runs are stepped natively
    // (Qt's binding costs about twice the engine's own work on bulk imports).
    explicit PostingWriter(const QSqlDatabase &db, Store *store = nullptr);

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
    Result<std::optional<PostingId>> insertPosting(const PostingRequest &request, UtcMillis at);
    Result<Quantities> applyLineNatively(sqlite3_stmt *movement,
                                         sqlite3_stmt *balance,
                                         const MovementLine &line,
                                         PostingId posting,
                                         UtcMillis at);
    Error nativeError(sqlite3_stmt *statement, const MovementLine *line) const;
    Status checkBalance(const PostingRequest &request,
                        const MovementLine &line,
                        const Quantities &after) const;
    // Systems that follow the ledger's on-hand hear of the posting in its own transaction.
    Status
    queueForFollowers(const PostingRequest &request, const PostingResult &result, UtcMillis at);

    QSqlQuery m_insertPosting;
    QSqlQuery m_insertMovement;
    QSqlQuery m_upsertBalance;
    QSqlQuery m_existing;
    bool m_prepared = false;
    QString m_connectionName;
    std::optional<QStringList> m_followers; // read once per transaction
    Store *m_store;
};

} // namespace Ledgerdesk::Core
