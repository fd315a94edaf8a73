#include "benchdata.h"

#include <core/store/sql.h>
#include <core/store/store.h>

namespace Ledgerdesk::Cli {

namespace {

// Multiplying by a large prime visits the pairs in a scattered but repeatable order.
constexpr qint64 kSpread = 1000003;

QStringList masterDataSql(const BenchShape &shape)
{
    const qint64 styles = (shape.variants + 9) / 10;
    const QString numbers
        = QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i "
                         "< %1) ");
    return {
        numbers.arg(styles)
            + QStringLiteral("INSERT INTO styles (id, handle, title, vendor, product_type) SELECT "
                             "i, printf('bench-style-%06d', i), printf('Bench Style %d', i), "
                             "'Bench', 'Apparel' FROM n"),
        numbers.arg(shape.variants)
            + QStringLiteral(
                "INSERT INTO variants (id, style_id, sku, barcode, option1_name, option1_value, "
                "option2_name, option2_value, price_minor, currency) SELECT i, (i - 1) / 10 + 1, "
                "printf('BENCH-%07d', i), printf('99%011d', i), 'Color', 'Navy', 'Size', "
                "printf('%d', i % 10), 4900, 'USD' FROM n"),
        numbers.arg(shape.locations)
            + QStringLiteral("INSERT INTO locations (id, code, name, kind) SELECT i, "
                             "printf('LOC-%03d', i), printf('Bench Location %d', i), 'warehouse' "
                             "FROM n"),
    };
}

} // namespace

Core::Status createBenchLedger(const QString &path, const BenchShape &shape)
{
    Core::Store store(Core::StoreConfig::sqlite(path));
    if (const Core::Status opened = store.open(); !opened) {
        return opened;
    }
    QSqlDatabase db = store.connection();
    Core::WriteTransaction tx(db, store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    if (const Core::Status seeded = Core::execAll(db, masterDataSql(shape)); !seeded) {
        return seeded;
    }
    return tx.commit();
}

Core::Status fillBenchLedger(const QString &path, const BenchShape &shape, qint64 movements)
{
    RawLedger raw;
    // Setup only: no journal, no syncs, a large cache; the ledger returns to WAL afterwards.
    if (const Core::Status opened = raw.open(path,
                                             {QStringLiteral("PRAGMA journal_mode=DELETE"),
                                              QStringLiteral("PRAGMA journal_mode=OFF"),
                                              QStringLiteral("PRAGMA synchronous=OFF"),
                                              QStringLiteral("PRAGMA cache_size=-1048576")});
        !opened) {
        return opened;
    }
    const qint64 postings = (movements + 9) / 10;
    const QString numbers
        = QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i "
                         "< %1) ");
    const QString pair = QStringLiteral("(i * %1 / %2)").arg(shape.pairs()).arg(movements);
    const QStringList steps = {
        QStringLiteral("BEGIN"),
        numbers.arg(postings - 1)
            + QStringLiteral("INSERT INTO postings (id, source, reference, request_hash, reason, "
                             "actor, occurred_at, recorded_at, note) SELECT i + 1, 'seed', "
                             "printf('seed-%010d', i), printf('%032d', i), 'receipt', 'bench', "
                             "1700000000000 + i, 1700000000000 + i, '' FROM n"),
        numbers.arg(movements - 1)
            + QStringLiteral("INSERT INTO movements (id, posting_id, variant_id, location_id, "
                             "d_available, d_committed, d_reserved, d_damaged, d_quality_control, "
                             "d_safety_stock, d_incoming) SELECT i + 1, i / 10 + 1, %1 / %2 + 1, "
                             "%1 % %2 + 1, 1 + i % 5, 0, 0, 0, 0, 0, i % 3 FROM n")
                  .arg(pair)
                  .arg(shape.locations),
        // The statement Ledger::rebuild runs.
        QStringLiteral(
            "INSERT INTO balances (variant_id, location_id, available, committed, reserved, "
            "damaged, quality_control, safety_stock, incoming, on_hand, updated_at) SELECT "
            "variant_id, location_id, available, committed, reserved, damaged, quality_control, "
            "safety_stock, incoming, available + committed + reserved + damaged + quality_control "
            "+ safety_stock, 1700000000000 FROM (SELECT variant_id, location_id, SUM(d_available) "
            "AS available, SUM(d_committed) AS committed, SUM(d_reserved) AS reserved, "
            "SUM(d_damaged) AS damaged, SUM(d_quality_control) AS quality_control, "
            "SUM(d_safety_stock) AS safety_stock, SUM(d_incoming) AS incoming FROM movements GROUP "
            "BY variant_id, location_id) AS sums"),
        QStringLiteral("COMMIT"),
        QStringLiteral("PRAGMA journal_mode=WAL"),
    };
    for (const QString &step : steps) {
        if (const Core::Status done = raw.exec(step); !done) {
            return done;
        }
    }
    return Core::success();
}

BenchKey benchKey(const BenchShape &shape, qint64 i)
{
    const qint64 pair = (i % shape.pairs()) * kSpread % shape.pairs();
    return {pair / shape.locations + 1, pair % shape.locations + 1, 1 + i % 7};
}

Core::PostingRequest benchRequest(const BenchShape &shape, const QString &prefix, qint64 i)
{
    static const QString source = QStringLiteral("bench");
    static const QString actor = QStringLiteral("bench");
    const BenchKey key = benchKey(shape, i);
    Core::PostingRequest request;
    request.source = source;
    request.reference = prefix + QString::number(i);
    request.reason = Core::MovementReason::Receipt;
    request.actor = actor;
    Core::MovementLine line{key.variantId, key.locationId, {}};
    line.delta.set(Core::QuantityName::Available, key.available);
    request.lines = {line};
    return request;
}

RawPosting rawBenchPosting(const BenchShape &shape, const char *prefix, qint64 i, qint64 at)
{
    const BenchKey key = benchKey(shape, i);
    RawPosting posting;
    posting.reference = QByteArray(prefix) + QByteArray::number(i);
    posting.at = at;
    posting.variantId = key.variantId;
    posting.locationId = key.locationId;
    posting.delta.set(Core::QuantityName::Available, key.available);
    return posting;
}

QString availabilityPageSql()
{
    return QStringLiteral(
        "SELECT b.variant_id, b.location_id, v.sku, s.handle, s.title, v.option1_value, "
        "v.option2_value, v.barcode, l.code, l.name, b.available, b.committed, b.reserved, "
        "b.damaged, b.quality_control, b.safety_stock, b.incoming, b.updated_at FROM variants v "
        "CROSS JOIN locations l CROSS JOIN balances b JOIN styles s ON s.id = v.style_id AND "
        "b.variant_id = v.id AND b.location_id = l.id ORDER BY v.sku ASC, l.code");
}

QString stockOrderSql()
{
    return QStringLiteral("SELECT b.variant_id, b.location_id FROM balances b JOIN variants v ON "
                          "v.id = b.variant_id JOIN locations l ON l.id = b.location_id ORDER BY "
                          "v.sku, l.code");
}

} // namespace Ledgerdesk::Cli
