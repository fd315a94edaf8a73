#include "rawledger.h"

#include <app/cli/bench/benchsql.h>

#include <QFile>

#include <sqlite3.h>

namespace Ledgerdesk::Cli {

RawLedger::~RawLedger()
{
    for (sqlite3_stmt *s :
         {m_begin, m_commit, m_insertPosting, m_insertMovement, m_upsertBalance, m_lookup}) {
        sqlite3_finalize(s);
    }
    sqlite3_close(m_db);
}

Core::Error RawLedger::error(const QString &context) const
{
    return Core::makeError(Core::ErrorCode::Storage,
                           context + QStringLiteral(": ")
                               + QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : "not open"));
}

Core::Status RawLedger::open(const QString &path, const QStringList &pragmas)
{
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr) != SQLITE_OK) {
        return error(QStringLiteral("cannot open ") + path);
    }
    sqlite3_busy_timeout(m_db, 10000);
    for (const QString &pragma : pragmas) {
        if (const Core::Status done = exec(pragma); !done) {
            return done;
        }
    }
    return Core::success();
}

Core::Status RawLedger::exec(const QString &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message);
        sqlite3_free(message);
        return Core::makeError(Core::ErrorCode::Storage,
                               sql.left(60) + QStringLiteral(": ") + text);
    }
    return Core::success();
}

Core::Status RawLedger::prepare(sqlite3_stmt **statement, const char *sql)
{
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, statement, nullptr)
        != SQLITE_OK) {
        return error(QString::fromLatin1(sql).left(60));
    }
    return Core::success();
}

Core::Status RawLedger::stepDone(sqlite3_stmt *statement, const char *context)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        return error(QString::fromLatin1(context));
    }
    return Core::success();
}

Core::Status RawLedger::preparePostings()
{
    for (const auto &[statement, sql] : {std::pair{&m_begin, "BEGIN IMMEDIATE"},
                                         std::pair{&m_commit, "COMMIT"},
                                         std::pair{&m_insertPosting, kInsertPosting},
                                         std::pair{&m_insertMovement, kInsertMovement},
                                         std::pair{&m_upsertBalance, kUpsertBalance}}) {
        if (const Core::Status prepared = prepare(statement, sql); !prepared) {
            return prepared;
        }
    }
    return Core::success();
}

Core::Status RawLedger::begin()
{
    return stepDone(m_begin, "begin");
}

Core::Status RawLedger::commit()
{
    return stepDone(m_commit, "commit");
}

Core::Status RawLedger::post(const RawPosting &posting)
{
    sqlite3_stmt *p = m_insertPosting;
    sqlite3_bind_text(p, 1, posting.source, -1, SQLITE_STATIC);
    sqlite3_bind_text(p, 2, posting.reference.constData(), -1, SQLITE_STATIC);
    sqlite3_bind_text(p, 3, kHash, -1, SQLITE_STATIC);
    sqlite3_bind_text(p, 4, posting.reason, -1, SQLITE_STATIC);
    sqlite3_bind_text(p, 5, posting.actor, -1, SQLITE_STATIC);
    sqlite3_bind_int64(p, 6, posting.at);
    sqlite3_bind_int64(p, 7, posting.at);
    sqlite3_bind_text(p, 8, "", 0, SQLITE_STATIC);
    sqlite3_bind_null(p, 9);
    if (sqlite3_step(p) != SQLITE_ROW) {
        sqlite3_reset(p);
        return error(QStringLiteral("recording posting"));
    }
    const sqlite3_int64 postingId = sqlite3_column_int64(p, 0);
    sqlite3_reset(p);

    sqlite3_stmt *m = m_insertMovement;
    sqlite3_bind_int64(m, 1, postingId);
    sqlite3_bind_int64(m, 2, posting.variantId);
    sqlite3_bind_int64(m, 3, posting.locationId);
    for (int i = 0; i < Core::kStoredQuantityCount; ++i) {
        sqlite3_bind_int64(m, 4 + i, posting.delta.values[static_cast<std::size_t>(i)]);
    }
    if (const Core::Status done = stepDone(m, "recording movement"); !done) {
        return done;
    }

    sqlite3_stmt *b = m_upsertBalance;
    sqlite3_bind_int64(b, 1, posting.variantId);
    sqlite3_bind_int64(b, 2, posting.locationId);
    for (int i = 0; i < Core::kStoredQuantityCount; ++i) {
        sqlite3_bind_int64(b, 3 + i, posting.delta.values[static_cast<std::size_t>(i)]);
    }
    sqlite3_bind_int64(b, 10, posting.delta.onHand());
    sqlite3_bind_int64(b, 11, posting.at);
    if (sqlite3_step(b) != SQLITE_ROW) {
        sqlite3_reset(b);
        return error(QStringLiteral("updating balance"));
    }
    // Read the balance back and check it, as the app does.
    bool negative = false;
    for (int i = 0; i < Core::kStoredQuantityCount; ++i) {
        negative = negative || sqlite3_column_int64(b, i) < 0;
    }
    sqlite3_reset(b);
    if (negative) {
        return Core::makeError(Core::ErrorCode::InsufficientStock,
                               QStringLiteral("negative stock"));
    }
    return Core::success();
}

Core::Status RawLedger::prepareLookup()
{
    return prepare(&m_lookup, kLookup);
}

Core::Result<qint64> RawLedger::lookup(qint64 variantId, qint64 locationId)
{
    sqlite3_bind_int64(m_lookup, 1, variantId);
    sqlite3_bind_int64(m_lookup, 2, locationId);
    qint64 available = -1;
    const int rc = sqlite3_step(m_lookup);
    if (rc == SQLITE_ROW) {
        Core::Quantities q;
        for (int i = 0; i < Core::kStoredQuantityCount; ++i) {
            q.values[static_cast<std::size_t>(i)] = sqlite3_column_int64(m_lookup, i);
        }
        available = q.available();
    }
    sqlite3_reset(m_lookup);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return error(QStringLiteral("lookup"));
    }
    return available;
}

Core::Result<qint64> RawLedger::iterate(const QString &sql)
{
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, text.constData(), -1, &statement, nullptr) != SQLITE_OK) {
        return error(sql.left(60));
    }
    qint64 rows = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        // Every value is fetched in its stored type, as a caller building rows would.
        const int columns = sqlite3_column_count(statement);
        for (int c = 0; c < columns; ++c) {
            if (sqlite3_column_type(statement, c) == SQLITE_TEXT) {
                sqlite3_column_text(statement, c);
                sqlite3_column_bytes(statement, c);
            } else {
                sqlite3_column_int64(statement, c);
            }
        }
        ++rows;
    }
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) {
        return error(sql.left(60));
    }
    return rows;
}

Core::Result<QList<std::pair<qint64, qint64>>> RawLedger::keys(const QString &sql)
{
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, text.constData(), -1, &statement, nullptr) != SQLITE_OK) {
        return error(sql.left(60));
    }
    QList<std::pair<qint64, qint64>> keys;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        keys.append({sqlite3_column_int64(statement, 0), sqlite3_column_int64(statement, 1)});
    }
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) {
        return error(sql.left(60));
    }
    return keys;
}

} // namespace Ledgerdesk::Cli
