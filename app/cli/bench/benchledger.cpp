#include "benchledger.h"

#include <app/cli/bench/fsyncprobe.h>
#include <app/cli/bench/latency.h>
#include <app/cli/bench/qtbaseline.h>
#include <app/cli/bench/rawledger.h>
#include <core/ledger/ledger.h>
#include <core/store/dialect.h>
#include <core/store/store.h>

#include <QDir>
#include <QElapsedTimer>
#include <QStorageInfo>

#include <algorithm>

namespace Ledgerdesk::Cli {

namespace {

// Rough bytes on disk per movement, measured on this schema (indexes and WAL included).
constexpr qint64 kLookupBytesPerMovement = 160;
constexpr qint64 kBulkBytesPerMovement = 700;

double micros(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1000.0;
}

QStringList appPragmas()
{
    return Core::Dialect(Core::Backend::Sqlite).connectionSettings();
}

} // namespace

BenchLedger::BenchLedger(BenchOptions options, QTextStream &log)
    : m_options(std::move(options))
    , m_log(log)
{
    m_shape.locations = 10;
    m_shape.variants = std::max<qint64>(1, (m_options.reportBalances + 9) / 10);
}

QString BenchLedger::path(const QString &name) const
{
    return QDir(m_options.dir).filePath(name);
}

void BenchLedger::fitToDisk()
{
    const qint64 free = QStorageInfo(m_options.dir).bytesAvailable();
    const qint64 budget = free / 10 * 8 - m_options.movements * kBulkBytesPerMovement;
    const qint64 fits = budget / kLookupBytesPerMovement;
    if (free > 0 && fits < m_options.lookupMovements) {
        const qint64 reduced = std::max<qint64>(m_shape.pairs(), fits);
        m_notes << QStringLiteral("only %1 MB free: the lookup ledger holds %2 movements instead "
                                  "of %3")
                       .arg(free / 1000000)
                       .arg(reduced)
                       .arg(m_options.lookupMovements);
        m_options.lookupMovements = reduced;
    }
}

Core::Status BenchLedger::run()
{
    fitToDisk();
    m_log << "benchmark ledgers in " << m_options.dir << ": " << m_shape.variants << " variants x "
          << m_shape.locations << " locations\n";
    m_log.flush();
    for (const auto step : {&BenchLedger::measureFsync,
                            &BenchLedger::measureCommits,
                            &BenchLedger::measureBulk,
                            &BenchLedger::measureLookups,
                            &BenchLedger::measureReport}) {
        if (const Core::Status done = (this->*step)(); !done) {
            return done;
        }
    }
    return Core::success();
}

Core::Status BenchLedger::measureFsync()
{
    m_log << "fsync probe: " << m_options.fsyncSamples << " x (4 KiB write + fdatasync)\n";
    m_log.flush();
    const auto probe = runFsyncProbe(m_options.dir, m_options.fsyncSamples);
    if (!probe) {
        return probe.error();
    }
    m_fsyncP50 = probe.value().p50;
    const QString section = QStringLiteral("fsync probe");
    m_rows << BenchRow::info(
        section, QStringLiteral("p50"), QStringLiteral("µs"), probe.value().p50);
    m_rows << BenchRow::info(
        section, QStringLiteral("p99"), QStringLiteral("µs"), probe.value().p99);
    return Core::success();
}

Core::Status BenchLedger::measureCommits()
{
    m_log << "commits: " << m_options.commits << " single postings, one transaction each\n";
    m_log.flush();
    const QString rawPath = path(QStringLiteral("commits-raw.db"));
    const QString appPath = path(QStringLiteral("commits-app.db"));
    for (const QString &p : {rawPath, appPath}) {
        if (const Core::Status created = createBenchLedger(p, m_shape); !created) {
            return created;
        }
    }
    RawLedger raw;
    if (const Core::Status opened = raw.open(rawPath, appPragmas()); !opened) {
        return opened;
    }
    if (const Core::Status prepared = raw.preparePostings(); !prepared) {
        return prepared;
    }
    Core::Store store(Core::StoreConfig::sqlite(appPath));
    if (const Core::Status opened = store.open(); !opened) {
        return opened;
    }
    Core::Ledger ledger(store);

    std::vector<double> rawSamples;
    std::vector<double> appSamples;
    const auto n = static_cast<std::size_t>(m_options.commits);
    rawSamples.reserve(n);
    appSamples.reserve(n);
    QElapsedTimer timer;
    // Interleaved, so both paths see the same machine load.
    for (qint64 i = 0; i < m_options.commits; ++i) {
        const RawPosting posting = rawBenchPosting(m_shape, "commit-", i, Core::nowUtcMillis());
        timer.start();
        Core::Status done = raw.begin();
        if (done) {
            done = raw.post(posting);
        }
        if (done) {
            done = raw.commit();
        }
        rawSamples.push_back(micros(timer));
        if (!done) {
            return done;
        }

        const Core::PostingRequest request = benchRequest(m_shape, QStringLiteral("commit-"), i);
        timer.start();
        const auto posted = ledger.post(request);
        appSamples.push_back(micros(timer));
        if (!posted) {
            return posted.error();
        }
    }
    const LatencyStats r = latencyStats(std::move(rawSamples));
    const LatencyStats a = latencyStats(std::move(appSamples));
    const QString section = QStringLiteral("commit");
    const QString us = QStringLiteral("µs");
    const QString rawName = QStringLiteral("raw");
    m_rows << BenchRow::info(section, QStringLiteral("p50"), us, a.p50)
                  .against(rawName, r.p50)
                  .target(TargetKind::Ratio, 2.0);
    m_rows << BenchRow::info(section, QStringLiteral("p50 vs fsync"), us, a.p50)
                  .against(QStringLiteral("fsync"), m_fsyncP50)
                  .target(TargetKind::Ratio, 3.0);
    m_rows << BenchRow::info(section, QStringLiteral("p99"), us, a.p99).against(rawName, r.p99);
    m_rows << BenchRow::info(section, QStringLiteral("max"), us, a.max).against(rawName, r.max);
    return Core::success();
}

Core::Status BenchLedger::measureBulk()
{
    m_log << "bulk: " << m_options.movements << " one-line postings in one transaction\n";
    m_log.flush();
    const QString rawPath = path(QStringLiteral("bulk-raw.db"));
    const QString appPath = path(QStringLiteral("bulk-app.db"));
    const QString qtPath = path(QStringLiteral("bulk-qt.db"));
    for (const QString &p : {rawPath, appPath, qtPath}) {
        if (const Core::Status created = createBenchLedger(p, m_shape); !created) {
            return created;
        }
    }
    double rawSeconds = 0;
    {
        RawLedger raw;
        if (const Core::Status opened = raw.open(rawPath, appPragmas()); !opened) {
            return opened;
        }
        if (const Core::Status prepared = raw.preparePostings(); !prepared) {
            return prepared;
        }
        QElapsedTimer timer;
        timer.start();
        const qint64 at = Core::nowUtcMillis();
        Core::Status done = raw.begin();
        for (qint64 i = 0; done && i < m_options.movements; ++i) {
            done = raw.post(rawBenchPosting(m_shape, "bulk-", i, at));
        }
        if (done) {
            done = raw.commit();
        }
        if (!done) {
            return done;
        }
        rawSeconds = micros(timer) / 1e6;
    }
    double appSeconds = 0;
    {
        QList<Core::PostingRequest> requests;
        requests.reserve(m_options.movements);
        const QString prefix = QStringLiteral("bulk-");
        for (qint64 i = 0; i < m_options.movements; ++i) {
            requests << benchRequest(m_shape, prefix, i);
        }
        Core::Store store(Core::StoreConfig::sqlite(appPath));
        if (const Core::Status opened = store.open(); !opened) {
            return opened;
        }
        Core::Ledger ledger(store);
        QElapsedTimer timer;
        timer.start();
        const auto posted = ledger.postBatch(requests);
        appSeconds = micros(timer) / 1e6;
        if (!posted) {
            return posted.error();
        }
    }
    const auto qtSeconds = qtBulkSeconds(qtPath, m_shape, m_options.movements);
    if (!qtSeconds) {
        return qtSeconds.error();
    }
    const QString section = QStringLiteral("bulk");
    m_rows << BenchRow::info(section, QStringLiteral("wall"), QStringLiteral("s"), appSeconds)
                  .against(QStringLiteral("raw"), rawSeconds)
                  .target(TargetKind::Ratio, 3.0);
    const auto rate = [&](double seconds) {
        return seconds > 0 ? static_cast<double>(m_options.movements) / seconds : 0.0;
    };
    m_rows << BenchRow::info(
                  section, QStringLiteral("rows/s"), QStringLiteral("rows/s"), rate(appSeconds))
                  .against(QStringLiteral("raw"), rate(rawSeconds));
    m_rows << BenchRow::info(
                  section, QStringLiteral("bare QSqlQuery"), QStringLiteral("s"), qtSeconds.value())
                  .against(QStringLiteral("raw"), rawSeconds);
    m_rows << BenchRow::info(section, QStringLiteral("app vs Qt"), QStringLiteral("s"), appSeconds)
                  .against(QStringLiteral("qt"), qtSeconds.value());
    for (const QString &p : {rawPath, appPath, qtPath}) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(p + suffix);
        }
    }
    return Core::success();
}

} // namespace Ledgerdesk::Cli
