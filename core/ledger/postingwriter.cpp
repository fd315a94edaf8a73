#include "postingwriter.h"

#include <core/audit/auditlog.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/ledgerfollowers.h>

#include <sqlite3.h>

#include <cstdlib>

namespace Ledgerdesk::Core {

namespace {

const QString kInsertPosting = QStringLiteral(
    "INSERT INTO postings (source, reference, request_hash, reason, actor, occurred_at, "
    "recorded_at, note, override_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, "
    "reference) DO NOTHING RETURNING id");

const QString kInsertMovement = QStringLiteral(
    "INSERT INTO movements (posting_id, variant_id, location_id, d_available, d_committed, "
    "d_reserved, d_damaged, d_quality_control, d_safety_stock, d_incoming) VALUES (?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?)");

const QString kUpsertBalance = QStringLiteral(
    "INSERT INTO balances (variant_id, location_id, available, committed, reserved, damaged, "
    "quality_control, safety_stock, incoming, on_hand, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?) ON CONFLICT (variant_id, location_id) DO UPDATE SET available = "
    "balances.available + excluded.available, committed = balances.committed + "
    "excluded.committed, reserved = balances.reserved + excluded.reserved, damaged = "
    "balances.damaged + excluded.damaged, quality_control = balances.quality_control + "
    "excluded.quality_control, safety_stock = balances.safety_stock + excluded.safety_stock, "
    "incoming = balances.incoming + excluded.incoming, on_hand = balances.on_hand + "
    "excluded.on_hand, updated_at = excluded.updated_at RETURNING available, committed, "
    "reserved, damaged, quality_control, safety_stock, incoming");

void bindText(sqlite3_stmt *statement, int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(
        statement, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

Status prepareQuery(QSqlQuery &query, const QString &sql)
{
    if (!query.prepare(sql)) {
        return storageError(query, sql.left(60));
    }
    return success();
}

} // namespace

PostingWriter::PostingWriter(const QSqlDatabase &db, Store *store)
    : m_insertPosting(db)
    , m_insertMovement(db)
    , m_upsertBalance(db)
    , m_existing(db)
    , m_connectionName(db.connectionName())
    , m_store(store)
{}

Status PostingWriter::prepare()
{
    const struct
    {
        QSqlQuery &query;
        QString sql;
    } statements[] = {
        {m_insertPosting, kInsertPosting},
        {m_insertMovement, kInsertMovement},
        {m_upsertBalance, kUpsertBalance},
        {m_existing,
         QStringLiteral("SELECT id, request_hash FROM postings WHERE source = ? AND reference = "
                        "?")},
    };

    m_prepared = false;
    for (const auto &statement : statements) {
        statement.query.setForwardOnly(true);
        if (const Status prepared = prepareQuery(statement.query, statement.sql); !prepared) {
            return prepared;
        }
    }
    m_prepared = true;
    return success();
}

bool PostingWriter::preparedOn(const QSqlDatabase &db) const
{
    // The queries track their driver weakly: once the connection is removed it reads as null.
    return m_prepared && db.isOpen() && m_insertPosting.driver() != nullptr
           && m_insertPosting.driver() == db.driver();
}

void PostingWriter::release()
{
    for (QSqlQuery *query : {&m_insertPosting, &m_insertMovement, &m_upsertBalance, &m_existing}) {
        query->finish();
    }
    m_followers.reset(); // read again in the next transaction
}

Status PostingWriter::validate(const PostingRequest &request) const
{
    if (request.source.trimmed().isEmpty() || request.reference.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("a posting needs a source and a reference"));
    }
    if (request.actor.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("a posting needs an actor"));
    }
    if (request.lines.isEmpty()) {
        return makeError(ErrorCode::Validation, tr("a posting needs at least one line"));
    }
    if (request.override && request.override->reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("an override needs a reason"));
    }
    for (const MovementLine &line : request.lines) {
        if (line.delta.isZero()) {
            return makeError(ErrorCode::Validation, tr("a movement line must change a quantity"));
        }
        for (const auto v : line.delta.values) {
            if (std::llabs(v) > kMaxAbsoluteQuantity) {
                return makeError(ErrorCode::Validation,
                                 tr("quantity change %1 is beyond the %2 limit")
                                     .arg(v)
                                     .arg(kMaxAbsoluteQuantity));
            }
        }
    }
    return success();
}

Result<PostingResult> PostingWriter::existing(const PostingRequest &request)
{
    QSqlQuery &q = m_existing;
    q.bindValue(0, request.source);
    q.bindValue(1, request.reference);
    if (!q.exec()) {
        return storageError(q, tr("finding the earlier posting"));
    }
    if (!q.next()) {
        return makeError(ErrorCode::Storage, tr("posting vanished during the transaction"));
    }
    const PostingId id = q.value(0).toLongLong();
    const QString hash = q.value(1).toString();
    q.finish();
    if (hash != request.contentHash()) {
        return makeError(ErrorCode::Conflict,
                         tr("%1/%2 was already posted with different lines")
                             .arg(request.source, request.reference));
    }
    PostingResult result;
    result.postingId = id;
    result.duplicate = true;
    return result;
}

Result<PostingResult> PostingWriter::write(const PostingRequest &request, UtcMillis recordedAt)
{
    if (const Status valid = validate(request); !valid) {
        return valid.error();
    }
    auto inserted = insertPosting(request, recordedAt);
    if (!inserted) {
        return inserted.error();
    }
    if (!inserted.value()) {
        return existing(request); // idempotent: the first posting stands
    }
    PostingResult result;
    result.postingId = *inserted.value();
    sqlite3_stmt *movement = m_store ? m_store->nativeStatement(kInsertMovement) : nullptr;
    sqlite3_stmt *balance = movement ? m_store->nativeStatement(kUpsertBalance) : nullptr;
    for (const MovementLine &line : request.lines) {
        auto after = balance
                         ? applyLineNatively(movement, balance, line, result.postingId, recordedAt)
                         : applyLine(line, result.postingId, recordedAt);
        if (!after) {
            return after.error();
        }
        if (const Status ok = checkBalance(request, line, after.value()); !ok) {
            return ok.error();
        }
        result.balances << BalanceAfter{line.variantId, line.locationId, after.value()};
    }
    if (const Status told = queueForFollowers(request, result, recordedAt); !told) {
        return told.error();
    }
    if (request.override) {
        if (const Status audited
            = AuditLog::record(QSqlDatabase::database(m_connectionName, false),
                               {recordedAt,
                                request.actor,
                                QStringLiteral("ledger.override"),
                                QStringLiteral("posting:%1").arg(result.postingId),
                                request.override->reason});
            !audited) {
            return audited.error();
        }
    }
    return result;
}

Status PostingWriter::queueForFollowers(const PostingRequest &request,
                                        const PostingResult &result,
                                        UtcMillis at)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!m_followers) {
        auto followers = LedgerFollowers::followers(db);
        if (!followers) {
            return followers.error();
        }
        m_followers = followers.value();
    }
    if (m_followers->isEmpty()) {
        return success();
    }
    return LedgerFollowers::queueFor(db, *m_followers, request, result, at);
}

Result<std::optional<PostingId>> PostingWriter::insertPosting(const PostingRequest &request,
                                                              UtcMillis at)
{
    const UtcMillis occurred = request.occurredAt != 0 ? request.occurredAt : at;
    if (sqlite3_stmt *p = m_store ? m_store->nativeStatement(kInsertPosting) : nullptr) {
        bindText(p, 1, request.source);
        bindText(p, 2, request.reference);
        bindText(p, 3, request.contentHash());
        bindText(p, 4, movementReasonKey(request.reason));
        bindText(p, 5, request.actor);
        sqlite3_bind_int64(p, 6, occurred);
        sqlite3_bind_int64(p, 7, at);
        bindText(p, 8, nonNull(request.note));
        if (request.override) {
            bindText(p, 9, request.override->reason);
        } else {
            sqlite3_bind_null(p, 9);
        }
        const int step = sqlite3_step(p);
        if (step == SQLITE_ROW) {
            const PostingId id = sqlite3_column_int64(p, 0);
            sqlite3_reset(p);
            return std::optional<PostingId>(id);
        }
        if (step == SQLITE_DONE) {
            sqlite3_reset(p);
            return std::optional<PostingId>();
        }
        return nativeError(p, nullptr);
    }
    QSqlQuery &q = m_insertPosting;
    q.bindValue(0, request.source);
    q.bindValue(1, request.reference);
    q.bindValue(2, request.contentHash());
    q.bindValue(3, movementReasonKey(request.reason));
    q.bindValue(4, request.actor);
    q.bindValue(5, occurred);
    q.bindValue(6, at);
    q.bindValue(7, nonNull(request.note));
    q.bindValue(8, request.override ? QVariant(request.override->reason) : QVariant());
    if (!q.exec()) {
        return storageError(q, tr("recording posting"));
    }
    std::optional<PostingId> id;
    if (q.next()) {
        id = q.value(0).toLongLong();
    }
    q.finish();
    return id;
}

Error PostingWriter::nativeError(sqlite3_stmt *statement, const MovementLine *line) const
{
    const QString text = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(statement)));
    const int code = sqlite3_extended_errcode(sqlite3_db_handle(statement));
    sqlite3_reset(statement);
    if (line && code == SQLITE_CONSTRAINT_FOREIGNKEY) {
        return makeError(
            ErrorCode::NotFound,
            tr("unknown variant %1 or location %2").arg(line->variantId).arg(line->locationId));
    }
    const bool constraint = (code & 0xff) == SQLITE_CONSTRAINT;
    return makeError(constraint ? ErrorCode::Conflict : ErrorCode::Storage,
                     tr("writing the ledger: %1").arg(text));
}

Result<Quantities> PostingWriter::applyLineNatively(sqlite3_stmt *movement,
                                                    sqlite3_stmt *balance,
                                                    const MovementLine &line,
                                                    PostingId posting,
                                                    UtcMillis at)
{
    sqlite3_bind_int64(movement, 1, posting);
    sqlite3_bind_int64(movement, 2, line.variantId);
    sqlite3_bind_int64(movement, 3, line.locationId);
    for (int i = 0; i < kStoredQuantityCount; ++i) {
        sqlite3_bind_int64(movement, 4 + i, line.delta.values[static_cast<std::size_t>(i)]);
    }
    if (sqlite3_step(movement) != SQLITE_DONE) {
        return nativeError(movement, &line);
    }
    sqlite3_reset(movement);
    sqlite3_bind_int64(balance, 1, line.variantId);
    sqlite3_bind_int64(balance, 2, line.locationId);
    for (int i = 0; i < kStoredQuantityCount; ++i) {
        sqlite3_bind_int64(balance, 3 + i, line.delta.values[static_cast<std::size_t>(i)]);
    }
    sqlite3_bind_int64(balance, 10, line.delta.onHand());
    sqlite3_bind_int64(balance, 11, at);
    if (sqlite3_step(balance) != SQLITE_ROW) {
        return nativeError(balance, &line);
    }
    Quantities after;
    for (int i = 0; i < kStoredQuantityCount; ++i) {
        after.values[static_cast<std::size_t>(i)] = sqlite3_column_int64(balance, i);
    }
    // Step to the end so the upsert is complete before the statement is reset.
    sqlite3_step(balance);
    sqlite3_reset(balance);
    return after;
}

Result<Quantities>
PostingWriter::applyLine(const MovementLine &line, PostingId posting, UtcMillis at)
{
    QSqlQuery &m = m_insertMovement;
    m.bindValue(0, posting);
    m.bindValue(1, line.variantId);
    m.bindValue(2, line.locationId);
    for (int i = 0; i < kStoredQuantityCount; ++i) {
        m.bindValue(3 + i, line.delta.values[static_cast<std::size_t>(i)]);
    }
    if (!m.exec()) {
        const Error e = storageError(m, QString());
        if (e.message.contains(QLatin1String("FOREIGN KEY"), Qt::CaseInsensitive)
            || e.message.contains(QLatin1String("foreign key"), Qt::CaseInsensitive)) {
            return makeError(
                ErrorCode::NotFound,
                tr("unknown variant %1 or location %2").arg(line.variantId).arg(line.locationId));
        }
        return e;
    }
    QSqlQuery &b = m_upsertBalance;
    b.bindValue(0, line.variantId);
    b.bindValue(1, line.locationId);
    for (int i = 0; i < kStoredQuantityCount; ++i) {
        b.bindValue(2 + i, line.delta.values[static_cast<std::size_t>(i)]);
    }
    b.bindValue(9, line.delta.onHand());
    b.bindValue(10, at);
    if (!b.exec() || !b.next()) {
        return storageError(b, tr("updating balance"));
    }
    Quantities after;
    for (int i = 0; i < kStoredQuantityCount; ++i) {
        after.values[static_cast<std::size_t>(i)] = b.value(i).toLongLong();
    }
    b.finish();
    return after;
}

Status PostingWriter::checkBalance(const PostingRequest &request,
                                   const MovementLine &line,
                                   const Quantities &after) const
{
    for (int i = 1; i < kStoredQuantityCount; ++i) {
        const auto name = static_cast<QuantityName>(i);
        if (after.get(name) < 0) {
            return makeError(ErrorCode::InsufficientStock,
                             tr("%1 would become %2 (variant %3, location %4)")
                                 .arg(quantityNameKey(name))
                                 .arg(after.get(name))
                                 .arg(line.variantId)
                                 .arg(line.locationId));
        }
    }
    const bool lowersAvailable = line.delta.available() < 0;
    if (after.available() < 0 && lowersAvailable && !request.override) {
        return makeError(ErrorCode::InsufficientStock,
                         tr("available would become %1 (variant %2, location %3); an override "
                            "with a reason is required")
                             .arg(after.available())
                             .arg(line.variantId)
                             .arg(line.locationId));
    }
    return success();
}

} // namespace Ledgerdesk::Core
