#include "ledger.h"

#include <core/audit/auditlog.h>
#include <core/ledger/postingwriter.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcLedger, "ledgerdesk.core.ledger")

namespace {

const QString kSums = QStringLiteral(
    "SELECT variant_id, location_id, SUM(d_available) AS available, SUM(d_committed) AS "
    "committed, SUM(d_reserved) AS reserved, SUM(d_damaged) AS damaged, SUM(d_quality_control) "
    "AS quality_control, SUM(d_safety_stock) AS safety_stock, SUM(d_incoming) AS incoming FROM "
    "movements GROUP BY variant_id, location_id");

const QString kQuantityColumns = QStringLiteral(
    "available, committed, reserved, damaged, quality_control, safety_stock, incoming");

Quantities quantitiesAt(const QSqlQuery &q, int first)
{
    Quantities result;
    for (int i = 0; i < kStoredQuantityCount; ++i) {
        result.values[static_cast<std::size_t>(i)] = q.value(first + i).toLongLong();
    }
    return result;
}

} // namespace

Ledger::Ledger(Store &store)
    : m_store(store)
{}

Ledger::~Ledger() = default;

Result<PostingWriter *> Ledger::writerFor(const QSqlDatabase &db)
{
    // Preparing the four posting statements costs more than a posting itself; do it once per
    // connection.
    if (!m_writer || !m_writer->preparedOn(db)) {
        m_writer.reset();
        auto writer = std::make_unique<PostingWriter>(db, &m_store);
        if (const Status prepared = writer->prepare(); !prepared) {
            return prepared.error();
        }
        m_writer = std::move(writer);
    }
    return m_writer.get();
}

Result<PostingResult> Ledger::post(const PostingRequest &request)
{
    auto results = postBatch({request});
    if (!results) {
        return results.error();
    }
    return results.value().first();
}

Result<QList<PostingResult>> Ledger::postBatch(const QList<PostingRequest> &requests,
                                               const ProgressCallback &progress)
{
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    const auto prepared = writerFor(db);
    if (!prepared) {
        return prepared.error();
    }
    PostingWriter &writer = *prepared.value();
    // Whatever happens below, no statement keeps a snapshot open after this call.
    const auto release = qScopeGuard([&writer] { writer.release(); });
    QList<PostingResult> results;
    results.reserve(requests.size());
    const qint64 total = requests.size();
    const UtcMillis recordedAt = nowUtcMillis();
    for (qint64 i = 0; i < total; ++i) {
        auto result = writer.write(requests[i], recordedAt);
        if (!result) {
            Error error = result.error();
            if (total > 1) {
                error.message = tr("posting %1 (%2/%3): %4")
                                    .arg(i + 1)
                                    .arg(requests[i].source, requests[i].reference, error.message);
            }
            return error;
        }
        results << std::move(result).value();
        if (progress && (i % 4096 == 0 || i + 1 == total) && !progress(i + 1, total)) {
            return makeError(ErrorCode::Validation, tr("cancelled; nothing was posted"));
        }
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    return results;
}

Result<PostingResult> Ledger::transfer(VariantId variant,
                                       LocationId from,
                                       LocationId to,
                                       qint64 quantity,
                                       const QString &source,
                                       const QString &reference,
                                       const QString &actor)
{
    if (quantity <= 0) {
        return makeError(ErrorCode::Validation, tr("a transfer moves a positive quantity"));
    }
    if (from == to) {
        return makeError(ErrorCode::Validation, tr("a transfer needs two different locations"));
    }
    PostingRequest request;
    request.source = source;
    request.reference = reference;
    request.reason = MovementReason::Transfer;
    request.actor = actor;
    request.occurredAt = nowUtcMillis();
    MovementLine out{variant, from, {}};
    out.delta.set(QuantityName::Available, -quantity);
    MovementLine in{variant, to, {}};
    in.delta.set(QuantityName::Available, quantity);
    request.lines = {out, in};
    return post(request);
}

Result<Quantities> Ledger::balance(VariantId variant, LocationId location)
{
    static const QString sql = QStringLiteral("SELECT ") + kQuantityColumns
                               + QStringLiteral(" FROM balances WHERE variant_id = ? AND "
                                                "location_id = ?");
    if (sqlite3_stmt *native = m_store.nativeStatement(sql)) {
        sqlite3_bind_int64(native, 1, variant);
        sqlite3_bind_int64(native, 2, location);
        Quantities result;
        const int step = sqlite3_step(native);
        if (step == SQLITE_ROW) {
            for (int i = 0; i < kStoredQuantityCount; ++i) {
                result.values[static_cast<std::size_t>(i)] = sqlite3_column_int64(native, i);
            }
        }
        sqlite3_reset(native);
        if (step != SQLITE_ROW && step != SQLITE_DONE) {
            return makeError(ErrorCode::Storage,
                             tr("reading a balance failed (SQLite error %1)").arg(step));
        }
        return result;
    }
    // A point lookup costs less than preparing its statement, or even than finding this thread's
    // connection by name: the same thread with a live driver is the connection Store would give.
    const bool reusable = m_balance && m_balanceThread == QThread::currentThread()
                          && m_balance->driver() != nullptr && m_balance->driver()->isOpen();
    if (!reusable) {
        auto query = std::make_unique<QSqlQuery>(m_store.connection());
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            return storageError(*query, QStringLiteral("balance"));
        }
        m_balance = std::move(query);
        m_balanceThread = QThread::currentThread();
    }
    QSqlQuery &q = *m_balance;
    q.bindValue(0, variant);
    q.bindValue(1, location);
    if (!q.exec()) {
        return storageError(q, QStringLiteral("balance"));
    }
    const Quantities result = q.next() ? quantitiesAt(q, 0) : Quantities{};
    q.finish();
    return result;
}

Result<VerifyReport> Ledger::verify()
{
    QSqlDatabase db = m_store.connection();
    VerifyReport report;
    auto counts = runQuery(db,
                           QStringLiteral("SELECT (SELECT COUNT(*) FROM movements), (SELECT "
                                          "COUNT(*) FROM balances)"));
    if (!counts) {
        return counts.error();
    }
    counts.value().next();
    report.movementCount = counts.value().value(0).toLongLong();
    report.balanceCount = counts.value().value(1).toLongLong();

    const QString diff
        = QStringLiteral(
              "WITH s AS (%1) SELECT COALESCE(s.variant_id, b.variant_id), COALESCE(s.location_id, "
              "b.location_id), s.available, s.committed, s.reserved, s.damaged, s.quality_control, "
              "s.safety_stock, s.incoming, b.available, b.committed, b.reserved, b.damaged, "
              "b.quality_control, b.safety_stock, b.incoming, v.sku, l.code FROM s FULL OUTER JOIN "
              "balances b ON b.variant_id = s.variant_id AND b.location_id = s.location_id LEFT "
              "JOIN "
              "variants v ON v.id = COALESCE(s.variant_id, b.variant_id) LEFT JOIN locations l ON "
              "l.id "
              "= COALESCE(s.location_id, b.location_id) WHERE s.variant_id IS NULL OR b.variant_id "
              "IS "
              "NULL OR s.available <> b.available OR s.committed <> b.committed OR s.reserved <> "
              "b.reserved OR s.damaged <> b.damaged OR s.quality_control <> b.quality_control OR "
              "s.safety_stock <> b.safety_stock OR s.incoming <> b.incoming OR b.on_hand <> "
              "b.available + b.committed + b.reserved + b.damaged + b.quality_control + "
              "b.safety_stock")
              .arg(kSums);
    auto q = runQuery(db, diff);
    if (!q) {
        return q.error();
    }
    while (q.value().next()) {
        BalanceMismatch m;
        m.variantId = q.value().value(0).toLongLong();
        m.locationId = q.value().value(1).toLongLong();
        m.fromMovements = quantitiesAt(q.value(), 2);
        m.stored = quantitiesAt(q.value(), 9);
        m.sku = q.value().value(16).toString();
        m.locationCode = q.value().value(17).toString();
        report.mismatches << m;
    }
    return report;
}

Result<VerifyReport> Ledger::rebuild(const QString &actor)
{
    auto before = verify();
    if (!before) {
        return before.error();
    }
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    const QString rebuildSql
        = QStringLiteral("INSERT INTO balances (variant_id, location_id, %1, on_hand, updated_at) "
                         "SELECT variant_id, location_id, %1, available + committed + reserved + "
                         "damaged + quality_control + safety_stock, %2 FROM (%3) AS sums")
              .arg(kQuantityColumns)
              .arg(nowUtcMillis())
              .arg(kSums);
    const QString detail = tr("%1 balance(s) recomputed from %2 movement(s)")
                               .arg(before.value().mismatches.size())
                               .arg(before.value().movementCount);
    if (const Status audited = AuditLog::record(db,
                                                {nowUtcMillis(),
                                                 actor,
                                                 QStringLiteral("ledger.rebuild"),
                                                 QStringLiteral("balances"),
                                                 detail});
        !audited) {
        return audited.error();
    }
    if (const Status done = execAll(db, {QStringLiteral("DELETE FROM balances"), rebuildSql});
        !done) {
        return done.error();
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    qCInfo(lcLedger) << detail;
    return before;
}

} // namespace Ledgerdesk::Core
