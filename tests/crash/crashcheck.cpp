#include "crashcheck.h"

#include <core/ledger/ledger.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSqlQuery>

namespace Ledgerdesk::Testing {

using namespace Core;

namespace {

struct StoredPosting
{
    PostingId id = 0;
    qint64 movements = 0;
};

qint64 numberOf(const QString &reference)
{
    return reference.mid(1).toLongLong();
}

Quantities quantitiesAt(const QSqlQuery &q, int first)
{
    Quantities result;
    for (int i = 0; i < kStoredQuantityCount; ++i) {
        result.values[static_cast<std::size_t>(i)] = q.value(first + i).toLongLong();
    }
    return result;
}

// The attempt in flight is all or nothing: of its numbers not committed before, none or all are.
void checkInFlight(const CrashLedgerState &before,
                   const ChildReport &child,
                   const QHash<qint64, StoredPosting> &stored,
                   QStringList &findings)
{
    qsizetype fresh = 0;
    qsizetype present = 0;
    for (const qint64 n : child.lastTry) {
        if (!before.committed.contains(n)) {
            ++fresh;
            present += stored.contains(n) ? 1 : 0;
        }
    }
    if (present != 0 && present != fresh) {
        findings << QStringLiteral("attempt in flight was half committed: %1 of %2 postings")
                        .arg(present)
                        .arg(fresh);
    }
}

void checkMovements(QSqlDatabase db,
                    CrashLedgerState &state,
                    const QHash<qint64, StoredPosting> &stored,
                    QStringList &findings)
{
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const qint64 lines = crashRequest(state.world, it.key()).lines.size();
        if (it.value().movements != lines) {
            findings << QStringLiteral("%1 has %2 movement(s), its request %3")
                            .arg(crashReference(it.key()))
                            .arg(it.value().movements)
                            .arg(lines);
        }
    }
    // The new postings' movements must be exactly their requests' lines.
    auto q = runQuery(db,
                      QStringLiteral("SELECT p.id, p.reference, m.variant_id, m.location_id, "
                                     "m.d_available, m.d_committed, m.d_reserved, m.d_damaged, "
                                     "m.d_quality_control, m.d_safety_stock, m.d_incoming FROM "
                                     "movements m JOIN postings p ON p.id = m.posting_id WHERE "
                                     "p.source = ? AND p.id > ? ORDER BY m.id"),
                      {QString::fromLatin1(kCrashSource), state.lastCheckedPosting});
    if (!q) {
        findings << q.error().message;
        return;
    }
    QHash<qint64, QList<MovementLine>> lines;
    while (q.value().next()) {
        state.lastCheckedPosting
            = std::max(state.lastCheckedPosting, q.value().value(0).toLongLong());
        lines[numberOf(q.value().value(1).toString())]
            << MovementLine{q.value().value(2).toLongLong(),
                            q.value().value(3).toLongLong(),
                            quantitiesAt(q.value(), 4)};
    }
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        const PostingRequest request = crashRequest(state.world, it.key());
        bool same = request.lines.size() == it.value().size();
        for (qsizetype i = 0; same && i < request.lines.size(); ++i) {
            const MovementLine &a = request.lines[i];
            const MovementLine &b = it.value()[i];
            same = a.variantId == b.variantId && a.locationId == b.locationId && a.delta == b.delta;
        }
        if (!same) {
            findings << QStringLiteral("%1 was stored with other lines than requested")
                            .arg(crashReference(it.key()));
        }
    }
}

void checkBalances(QSqlDatabase db, const CrashLedgerState &state, QStringList &findings)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT variant_id, location_id, available, committed, "
                                     "reserved, damaged, quality_control, safety_stock, incoming "
                                     "FROM balances"));
    if (!q) {
        findings << q.error().message;
        return;
    }
    qsizetype seen = 0;
    while (q.value().next()) {
        ++seen;
        const std::pair key{q.value().value(0).toLongLong(), q.value().value(1).toLongLong()};
        const Quantities stored = quantitiesAt(q.value(), 2);
        if (state.expected.value(key) != stored) {
            findings << QStringLiteral("balance %1@%2: available %3, acknowledged postings give %4")
                            .arg(key.first)
                            .arg(key.second)
                            .arg(stored.available())
                            .arg(state.expected.value(key).available());
        }
    }
    if (seen != state.expected.size()) {
        findings << QStringLiteral("%1 balances, expected %2").arg(seen).arg(state.expected.size());
    }
}

} // namespace

CrashLedgerState initialCrashState(const CrashWorld &world)
{
    CrashLedgerState state;
    state.world = world;
    for (const VariantId v : world.variants) {
        for (const LocationId l : world.locations) {
            state.expected[{v, l}].set(QuantityName::Available, kCrashOpeningStock);
        }
    }
    return state;
}

ChildReport readChildReport(const QByteArray &output, const CrashWorld &world, qint64 first)
{
    ChildReport report;
    report.nextNumber = first;
    // A line without its newline cannot exist (one write per message); ignore it if it did.
    const QList<QByteArray> lines = output.left(output.lastIndexOf('\n') + 1).split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw);
        const QStringList f = line.split(u' ', Qt::SkipEmptyParts);
        if (f.isEmpty()) {
            continue;
        }
        if (f[0] == QLatin1String("READY")) {
            report.ready = true;
        } else if (f[0] == QLatin1String("TRY")) {
            report.lastTry.clear();
            for (qsizetype i = 1; i < f.size(); ++i) {
                report.lastTry << f[i].toLongLong();
                report.nextNumber = std::max(report.nextNumber, f[i].toLongLong() + 1);
            }
        } else if (f[0] == QLatin1String("ACK") && f.size() == 5) {
            const qint64 n = numberOf(f[2]);
            const QString expected = describeLines(crashRequest(world, n));
            if (f[1] != QLatin1String(kCrashSource) || f[4] != expected) {
                report.problems << QStringLiteral("ack \"%1\" does not match request %2 (%3)")
                                       .arg(line, crashReference(n), expected);
            }
            (f[3] == QLatin1String("dup") ? report.dupAcks : report.newAcks) << n;
        } else {
            report.problems << QStringLiteral("child said: ") + line;
        }
    }
    return report;
}

QStringList
checkCrashedLedger(const QString &path, CrashLedgerState &state, const ChildReport &child)
{
    QStringList findings = child.problems;
    // A "new" ack for a number committed before would be a double posting; a "dup" ack must
    // name one that was.
    QSet<qint64> known = state.committed;
    for (const qint64 n : child.newAcks) {
        if (known.contains(n)) {
            findings << QStringLiteral("%1 acknowledged as new twice").arg(crashReference(n));
        }
        known.insert(n);
    }
    for (const qint64 n : child.dupAcks) {
        if (!known.contains(n)) {
            findings << QStringLiteral("%1 acknowledged as a duplicate of nothing")
                            .arg(crashReference(n));
        }
    }

    Store store(StoreConfig::sqlite(path));
    if (const Status opened = store.open(); !opened) {
        return findings << QStringLiteral("reopen: ") + opened.error().message;
    }
    QSqlDatabase db = store.connection();
    auto integrity = runQuery(db, QStringLiteral("PRAGMA integrity_check"));
    if (!integrity || !integrity.value().next()
        || integrity.value().value(0).toString() != QLatin1String("ok")) {
        findings << QStringLiteral("integrity_check failed");
    }
    auto doubled
        = runQuery(db,
                   QStringLiteral("SELECT source, reference FROM postings GROUP BY source, "
                                  "reference HAVING COUNT(*) > 1"));
    while (doubled && doubled.value().next()) {
        findings << QStringLiteral("posting %1/%2 stored twice")
                        .arg(doubled.value().value(0).toString(),
                             doubled.value().value(1).toString());
    }
    auto postings = runQuery(db,
                             QStringLiteral("SELECT p.id, p.reference, (SELECT COUNT(*) FROM "
                                            "movements m WHERE m.posting_id = p.id) FROM postings "
                                            "p WHERE p.source = ?"),
                             {QString::fromLatin1(kCrashSource)});
    if (!postings) {
        return findings << postings.error().message;
    }
    QHash<qint64, StoredPosting> stored;
    while (postings.value().next()) {
        stored.insert(
            numberOf(postings.value().value(1).toString()),
            {postings.value().value(0).toLongLong(), postings.value().value(2).toLongLong()});
    }
    for (const qint64 n : std::as_const(known)) {
        if (!stored.contains(n)) {
            findings << QStringLiteral("%1 was acknowledged but is lost").arg(crashReference(n));
        }
    }
    checkInFlight(state, child, stored, findings);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (known.contains(it.key())) {
            continue;
        }
        if (!child.lastTry.contains(it.key())) {
            findings << QStringLiteral("%1 is stored but was never acknowledged nor in flight")
                            .arg(crashReference(it.key()));
        }
        ++state.inFlightCommitted;
    }
    checkMovements(db, state, stored, findings);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (state.committed.contains(it.key())) {
            continue;
        }
        state.committed.insert(it.key());
        for (const MovementLine &line : crashRequest(state.world, it.key()).lines) {
            Quantities &q = state.expected[{line.variantId, line.locationId}];
            q = q + line.delta;
        }
    }
    checkBalances(db, state, findings);
    const auto verified = Ledger(store).verify();
    if (!verified || !verified.value().consistent()) {
        findings << QStringLiteral("ledger verify found balances that differ from the movements");
    }
    return findings;
}

} // namespace Ledgerdesk::Testing
