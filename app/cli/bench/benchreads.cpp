// The read half of BenchLedger: point lookups and the stock report on a large ledger.
#include "benchledger.h"

#include <app/cli/bench/latency.h>
#include <app/cli/bench/qtbaseline.h>
#include <app/cli/bench/rawledger.h>
#include <core/ledger/availability.h>
#include <core/ledger/ledger.h>
#include <core/ledger/stockreport.h>
#include <core/store/dialect.h>
#include <core/store/store.h>

#include <QElapsedTimer>

#include <random>
#include <vector>

namespace Ledgerdesk::Cli {

namespace {

const QString kLookupLedger = QStringLiteral("lookup.db");
constexpr qint64 kPageRows = 200;

std::vector<BalanceKey> randomKeys(const BenchShape &shape, qint64 count)
{
    std::mt19937_64 random(20261123);
    std::uniform_int_distribution<qint64> variant(1, shape.variants);
    std::uniform_int_distribution<qint64> location(1, shape.locations);
    std::vector<BalanceKey> keys;
    keys.reserve(static_cast<std::size_t>(count));
    for (qint64 i = 0; i < count; ++i) {
        keys.push_back({variant(random), location(random)});
    }
    return keys;
}

double microsPer(const QElapsedTimer &timer, qint64 count)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1000.0 / static_cast<double>(count);
}

} // namespace

Core::Status BenchLedger::measureLookups()
{
    const QString ledgerPath = path(kLookupLedger);
    m_log << "lookup: filling a ledger with " << m_options.lookupMovements
          << " movements (setup, not measured)\n";
    m_log.flush();
    QElapsedTimer setup;
    setup.start();
    if (const Core::Status created = createBenchLedger(ledgerPath, m_shape); !created) {
        return created;
    }
    if (const Core::Status filled = fillBenchLedger(ledgerPath, m_shape, m_options.lookupMovements);
        !filled) {
        return filled;
    }
    m_log << "lookup: setup took " << setup.elapsed() / 1000.0 << " s; " << m_options.lookups
          << " random point lookups each way\n";
    m_log.flush();

    const std::vector<BalanceKey> keys = randomKeys(m_shape, m_options.lookups);
    const qint64 warmup = std::min<qint64>(1000, m_options.lookups);
    qint64 rawSum = 0;
    double rawMicros = 0;
    {
        RawLedger raw;
        if (const Core::Status opened
            = raw.open(ledgerPath, Core::Dialect(Core::Backend::Sqlite).connectionSettings());
            !opened) {
            return opened;
        }
        if (const Core::Status prepared = raw.prepareLookup(); !prepared) {
            return prepared;
        }
        QElapsedTimer timer;
        for (const bool measured : {false, true}) {
            const qint64 n = measured ? m_options.lookups : warmup;
            rawSum = 0;
            timer.start();
            for (qint64 i = 0; i < n; ++i) {
                const auto &[variant, location] = keys[static_cast<std::size_t>(i)];
                const auto available = raw.lookup(variant, location);
                if (!available) {
                    return available.error();
                }
                rawSum += available.value();
            }
            rawMicros = microsPer(timer, n);
        }
    }
    qint64 appSum = 0;
    double appMicros = 0;
    {
        Core::Store store(Core::StoreConfig::sqlite(ledgerPath));
        if (const Core::Status opened = store.open(); !opened) {
            return opened;
        }
        Core::Ledger ledger(store);
        QElapsedTimer timer;
        for (const bool measured : {false, true}) {
            const qint64 n = measured ? m_options.lookups : warmup;
            appSum = 0;
            timer.start();
            for (qint64 i = 0; i < n; ++i) {
                const auto &[variant, location] = keys[static_cast<std::size_t>(i)];
                const auto balance = ledger.balance(variant, location);
                if (!balance) {
                    return balance.error();
                }
                appSum += balance.value().available();
            }
            appMicros = microsPer(timer, n);
        }
    }
    const auto qtMicros = qtLookupMicros(ledgerPath, keys);
    if (!qtMicros) {
        return qtMicros.error();
    }
    if (appSum != rawSum) {
        return Core::makeError(
            Core::ErrorCode::Storage,
            QStringLiteral("lookups disagree: app read %1 units, raw %2").arg(appSum).arg(rawSum));
    }
    const QString section = QStringLiteral("lookup");
    m_rows << BenchRow::info(section, QStringLiteral("per lookup"), QStringLiteral("µs"), appMicros)
                  .against(QStringLiteral("raw"), rawMicros)
                  .target(TargetKind::Ratio, 2.0);
    m_rows << BenchRow::info(
                  section, QStringLiteral("bare QSqlQuery"), QStringLiteral("µs"), qtMicros.value())
                  .against(QStringLiteral("raw"), rawMicros);
    m_rows << BenchRow::info(section, QStringLiteral("app vs Qt"), QStringLiteral("µs"), appMicros)
                  .against(QStringLiteral("qt"), qtMicros.value());
    m_notes << QStringLiteral("lookup ledger: %1 movements, %2 balances")
                   .arg(m_options.lookupMovements)
                   .arg(std::min(m_shape.pairs(), m_options.lookupMovements));
    return Core::success();
}

Core::Status BenchLedger::measureReport()
{
    // The lookup ledger holds one balance per (variant, location) pair.
    const QString ledgerPath = path(kLookupLedger);
    m_log << "report: stock by SKU x location, " << m_options.reportRuns << " runs each way\n";
    m_log.flush();
    std::vector<double> rawMs;
    std::vector<double> appMs;
    qint64 rawRows = 0;
    qint64 appRows = 0;
    RawLedger raw;
    if (const Core::Status opened
        = raw.open(ledgerPath, Core::Dialect(Core::Backend::Sqlite).connectionSettings());
        !opened) {
        return opened;
    }
    Core::Store store(Core::StoreConfig::sqlite(ledgerPath));
    if (const Core::Status opened = store.open(); !opened) {
        return opened;
    }
    Core::AvailabilityQuery query(store);
    Core::StockReport report(store);
    QElapsedTimer timer;
    // Run 0 warms the page cache for both and is not counted.
    for (int run = 0; run <= m_options.reportRuns; ++run) {
        timer.start();
        const auto iterated = raw.iterate(Core::StockReport::sql());
        const double r = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (!iterated) {
            return iterated.error();
        }
        rawRows = iterated.value();

        timer.start();
        const auto fetched = report.fetch();
        qint64 units = 0;
        if (fetched) {
            for (const Core::StockRow &row : fetched.value()) {
                units += row.quantities.available();
            }
        }
        const double a = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (!fetched) {
            return fetched.error();
        }
        if (units <= 0) {
            return Core::makeError(Core::ErrorCode::Storage,
                                   QStringLiteral("the report shows no stock"));
        }
        appRows = fetched.value().size();
        if (run == 0) {
            // The app's rows must be the raw statement's rows in the same order.
            const auto expected = raw.keys(stockOrderSql());
            if (!expected) {
                return expected.error();
            }
            if (expected.value().size() != fetched.value().size()) {
                return Core::makeError(Core::ErrorCode::Storage,
                                       QStringLiteral("the report has %1 rows, the ledger %2")
                                           .arg(fetched.value().size())
                                           .arg(expected.value().size()));
            }
            for (qsizetype i = 0; i < fetched.value().size(); ++i) {
                const Core::StockRow &row = fetched.value()[i];
                if (expected.value()[i] != std::pair{row.variantId, row.locationId}) {
                    return Core::makeError(
                        Core::ErrorCode::Storage,
                        QStringLiteral("report row %1 differs from the raw statement's").arg(i));
                }
            }
        }
        if (run > 0) {
            rawMs.push_back(r);
            appMs.push_back(a);
        }
    }
    if (appRows != rawRows) {
        return Core::makeError(
            Core::ErrorCode::Storage,
            QStringLiteral("reports disagree: app read %1 rows, raw %2").arg(appRows).arg(rawRows));
    }
    std::vector<double> qtMs;
    for (int run = 0; run < m_options.reportRuns; ++run) {
        const auto iterated = qtIterateMs(ledgerPath, Core::StockReport::sql());
        if (!iterated) {
            return iterated.error();
        }
        qtMs.push_back(iterated.value());
    }
    // What the console asks for first: one page in SKU order.
    std::vector<double> pageRawMs;
    std::vector<double> pageAppMs;
    for (int run = 0; run <= m_options.reportRuns; ++run) {
        timer.start();
        const auto iterated
            = raw.iterate(availabilityPageSql() + QStringLiteral(" LIMIT %1").arg(kPageRows));
        const double r = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        timer.start();
        const auto fetched = query.fetch(
            Core::AvailabilityFilter{}, Core::AvailabilitySort::Sku, false, kPageRows, 0);
        const double a = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (!iterated || !fetched) {
            return iterated ? fetched.error() : iterated.error();
        }
        if (run > 0) {
            pageRawMs.push_back(r);
            pageAppMs.push_back(a);
        }
    }
    const QString section = QStringLiteral("report");
    const QString ms = QStringLiteral("ms");
    m_rows << BenchRow::info(section, QStringLiteral("%1 balances").arg(appRows), ms, median(appMs))
                  .against(QStringLiteral("raw"), median(rawMs))
                  .target(TargetKind::Absolute, 150.0);
    m_rows << BenchRow::info(section, QStringLiteral("bare QSqlQuery"), ms, median(qtMs))
                  .against(QStringLiteral("raw"), median(rawMs));
    m_rows << BenchRow::info(section, QStringLiteral("app vs Qt"), ms, median(appMs))
                  .against(QStringLiteral("qt"), median(qtMs));
    m_rows << BenchRow::info(
                  section, QStringLiteral("first %1 rows").arg(kPageRows), ms, median(pageAppMs))
                  .against(QStringLiteral("raw"), median(pageRawMs));
    return Core::success();
}

} // namespace Ledgerdesk::Cli
