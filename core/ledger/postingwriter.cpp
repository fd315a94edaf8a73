#include "postingwriter.h"

#include <core/store/sql.h>

#include <cstdlib>

namespace Ledgerdesk::Core {

namespace {

Status prepareQuery(QSqlQuery &query, const QString &sql)
{
    if (!query.prepare(sql)) {
        return storageError(query, sql.left(60));
    }
    return success();
}

} // namespace

PostingWriter::PostingWriter(const QSqlDatabase &db)
    : m_insertPosting(db)
    , m_insertMovement(db)
    , m_upsertBalance(db)
    , m_audit(db)
    , m_existing(db)
{}

Status PostingWriter::prepare()
{
    const struct
    {
        QSqlQuery &query;
        QString sql;
    } statements[] = {
        {m_insertPosting,
         QStringLiteral("INSERT INTO postings (source, reference, request_hash, reason, actor, "
                        "occurred_at, recorded_at, note, override_reason) VALUES (?, ?, ?, ?, ?, "
                        "?, ?, ?, ?) ON CONFLICT (source, reference) DO NOTHING RETURNING id")},
        {m_insertMovement,
         QStringLiteral("INSERT INTO movements (posting_id, variant_id, location_id, d_available, "
                        "d_committed, d_reserved, d_damaged, d_quality_control, d_safety_stock, "
                        "d_incoming) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")},
        {m_upsertBalance,
         QStringLiteral(
             "INSERT INTO balances (variant_id, location_id, available, committed, reserved, "
             "damaged, quality_control, safety_stock, incoming, on_hand, updated_at) VALUES (?, ?, "
             "?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (variant_id, location_id) DO UPDATE SET "
             "available = balances.available + excluded.available, committed = balances.committed "
             "+ excluded.committed, reserved = balances.reserved + excluded.reserved, damaged = "
             "balances.damaged + excluded.damaged, quality_control = balances.quality_control + "
             "excluded.quality_control, safety_stock = balances.safety_stock + "
             "excluded.safety_stock, incoming = balances.incoming + excluded.incoming, on_hand = "
             "balances.on_hand + excluded.on_hand, updated_at = excluded.updated_at RETURNING "
             "available, committed, reserved, damaged, quality_control, safety_stock, incoming")},
        {m_audit,
         QStringLiteral("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, "
                        "?, ?, ?)")},
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
    for (QSqlQuery *query :
         {&m_insertPosting, &m_insertMovement, &m_upsertBalance, &m_audit, &m_existing}) {
        query->finish();
    }
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
    QSqlQuery &p = m_insertPosting;
    p.bindValue(0, request.source);
    p.bindValue(1, request.reference);
    p.bindValue(2, request.contentHash());
    p.bindValue(3, movementReasonKey(request.reason));
    p.bindValue(4, request.actor);
    p.bindValue(5, request.occurredAt != 0 ? request.occurredAt : recordedAt);
    p.bindValue(6, recordedAt);
    p.bindValue(7, nonNull(request.note));
    p.bindValue(8, request.override ? QVariant(request.override->reason) : QVariant());
    if (!p.exec()) {
        return storageError(p, tr("recording posting"));
    }
    if (!p.next()) {
        p.finish();
        return existing(request); // idempotent: the first posting stands
    }
    PostingResult result;
    result.postingId = p.value(0).toLongLong();
    p.finish();
    for (const MovementLine &line : request.lines) {
        auto after = applyLine(line, result.postingId, recordedAt);
        if (!after) {
            return after.error();
        }
        if (const Status ok = checkBalance(request, line, after.value()); !ok) {
            return ok.error();
        }
        result.balances << BalanceAfter{line.variantId, line.locationId, after.value()};
    }
    if (request.override) {
        m_audit.bindValue(0, recordedAt);
        m_audit.bindValue(1, request.actor);
        m_audit.bindValue(2, QStringLiteral("ledger.override"));
        m_audit.bindValue(3, QStringLiteral("posting:%1").arg(result.postingId));
        m_audit.bindValue(4, request.override->reason);
        if (!m_audit.exec()) {
            return storageError(m_audit, tr("auditing override"));
        }
    }
    return result;
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
