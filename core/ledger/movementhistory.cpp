#include "movementhistory.h"

#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSqlDriver>
#include <QSqlQuery>

namespace Ledgerdesk::Core {

namespace {

const QString kDeltas = QStringLiteral(
    "m.d_available, m.d_committed, m.d_reserved, m.d_damaged, m.d_quality_control, "
    "m.d_safety_stock, m.d_incoming");

// One snapshot for the whole read, closed on every path; a read needs no commit, so rolling back
// is enough. PostgreSQL's default isolation takes a new snapshot per statement, so ask for more.
class ReadSnapshot final
{
public:
    ReadSnapshot(QSqlDatabase db, const Dialect &dialect)
        : m_db(db)
        , m_open(db.driver()->hasFeature(QSqlDriver::Transactions) && db.transaction())
    {
        if (m_open && dialect.backend() == Backend::Postgres) {
            QSqlQuery(m_db).exec(
                QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        }
    }

    ~ReadSnapshot()
    {
        if (m_open) {
            m_db.rollback();
        }
    }

    Q_DISABLE_COPY_MOVE(ReadSnapshot)

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace

MovementHistory::MovementHistory(Store &store)
    : m_store(store)
{}

QString MovementHistory::pageSql()
{
    return QStringLiteral("SELECT m.id, m.posting_id, p.occurred_at, p.recorded_at, p.source, "
                          "p.reference, p.reason, p.actor, p.note, p.override_reason, ")
           + kDeltas
           + QStringLiteral(" FROM movements m JOIN postings p ON p.id = m.posting_id WHERE "
                            "m.variant_id = ? AND m.location_id = ? ORDER BY m.id DESC LIMIT ? "
                            "OFFSET ?");
}

Result<MovementHistoryPage>
MovementHistory::fetch(const QString &sku, const QString &locationCode, qint64 limit, qint64 offset)
{
    QSqlDatabase db = m_store.connection();
    auto q = runQuery(db,
                      QStringLiteral("SELECT (SELECT id FROM variants WHERE sku = ?), (SELECT id "
                                     "FROM locations WHERE code = ?)"),
                      {nonNull(sku), nonNull(locationCode)});
    if (!q) {
        return q.error();
    }
    q.value().next();
    if (q.value().isNull(0)) {
        return makeError(ErrorCode::NotFound, tr("no variant has the SKU “%1”").arg(sku));
    }
    if (q.value().isNull(1)) {
        return makeError(ErrorCode::NotFound,
                         tr("no location has the code “%1”").arg(locationCode));
    }
    return fetch(q.value().value(0).toLongLong(), q.value().value(1).toLongLong(), limit, offset);
}

Result<MovementHistoryPage>
MovementHistory::fetch(VariantId variant, LocationId location, qint64 limit, qint64 offset)
{
    if (limit <= 0 || offset < 0) {
        return makeError(ErrorCode::Validation,
                         tr("a history page needs a positive limit and an offset of zero or "
                            "more (got %1 and %2)")
                             .arg(limit)
                             .arg(offset));
    }
    QSqlDatabase db = m_store.connection();
    // The balance, the newer deltas and the page must come from one snapshot, or a posting
    // landing in between would skew every running total.
    const ReadSnapshot snapshot(db, m_store.dialect());

    // The balance after the newest movement on this page: today's balance less every newer one.
    auto newer = runQuery(db,
                          QStringLiteral("SELECT b.available, b.committed, b.reserved, b.damaged, "
                                         "b.quality_control, b.safety_stock, b.incoming, "
                                         "n.a, n.c, n.r, n.d, n.q, n.s, n.i FROM (SELECT 1 AS one) "
                                         "o LEFT JOIN balances b ON b.variant_id = ? AND "
                                         "b.location_id = ? CROSS JOIN (SELECT "
                                         "COALESCE(SUM(d_available), 0) AS a, "
                                         "COALESCE(SUM(d_committed), 0) AS c, "
                                         "COALESCE(SUM(d_reserved), 0) AS r, "
                                         "COALESCE(SUM(d_damaged), 0) AS d, "
                                         "COALESCE(SUM(d_quality_control), 0) AS q, "
                                         "COALESCE(SUM(d_safety_stock), 0) AS s, "
                                         "COALESCE(SUM(d_incoming), 0) AS i FROM (SELECT "
                                         "d_available, d_committed, d_reserved, d_damaged, "
                                         "d_quality_control, d_safety_stock, d_incoming FROM "
                                         "movements WHERE variant_id = ? AND location_id = ? "
                                         "ORDER BY id DESC LIMIT ?) t) n"),
                          {variant, location, variant, location, offset});
    if (!newer) {
        return newer.error();
    }
    Quantities after;
    if (newer.value().next()) {
        for (int i = 0; i < kStoredQuantityCount; ++i) {
            after.values[static_cast<std::size_t>(i)]
                = newer.value().value(i).toLongLong()
                  - newer.value().value(kStoredQuantityCount + i).toLongLong();
        }
    }

    // One row more than asked tells whether older movements follow, without counting them all.
    auto q = runQuery(db, pageSql(), {variant, location, limit + 1, offset});
    if (!q) {
        return q.error();
    }
    MovementHistoryPage page;
    page.variantId = variant;
    page.locationId = location;
    page.offset = offset;
    while (q.value().next()) {
        if (page.entries.size() == limit) {
            page.more = true;
            break;
        }
        const QSqlQuery &r = q.value();
        MovementHistoryEntry e;
        e.movementId = r.value(0).toLongLong();
        e.postingId = r.value(1).toLongLong();
        e.occurredAt = r.value(2).toLongLong();
        e.recordedAt = r.value(3).toLongLong();
        e.source = r.value(4).toString();
        e.reference = r.value(5).toString();
        e.reason = r.value(6).toString();
        e.actor = r.value(7).toString();
        e.note = r.value(8).toString();
        if (!r.isNull(9)) {
            e.overrideReason = r.value(9).toString();
        }
        for (int i = 0; i < kStoredQuantityCount; ++i) {
            e.delta.values[static_cast<std::size_t>(i)] = r.value(10 + i).toLongLong();
        }
        e.after = after;
        after = after - e.delta;
        page.entries << e;
    }
    return page;
}

} // namespace Ledgerdesk::Core
