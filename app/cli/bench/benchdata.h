#pragma once

#include <app/cli/bench/rawledger.h>
#include <core/error.h>
#include <core/ledger/posting.h>

#include <QString>

namespace Ledgerdesk::Cli {

// The master data every benchmark ledger holds: variants × locations balance keys.
struct BenchShape
{
    qint64 variants = 20000;
    qint64 locations = 10;

    qint64 pairs() const { return variants * locations; }
};

struct BenchKey
{
    qint64 variantId = 0;
    qint64 locationId = 0;
    qint64 available = 0;
};

// Creates a ledger through the core (so the real migrations build tables, indexes and triggers)
// and fills its master data with set-based SQL.
Core::Status createBenchLedger(const QString &path, const BenchShape &shape);

// Appends `movements` one-line movements (ten to a posting) and builds the balances from them the
// way Ledger::rebuild does. Setup only: it is fast because nothing here is measured.
Core::Status fillBenchLedger(const QString &path, const BenchShape &shape, qint64 movements);

// The i-th generated posting: keys spread over every pair, a positive receipt.
BenchKey benchKey(const BenchShape &shape, qint64 i);
Core::PostingRequest benchRequest(const BenchShape &shape, const QString &prefix, qint64 i);
RawPosting rawBenchPosting(const BenchShape &shape, const char *prefix, qint64 i, qint64 at);

// The SQL AvailabilityQuery::fetch runs for an unfiltered stock report sorted by SKU.
QString availabilityPageSql();
// The same rows' keys in SKU × location order, the plain way: what the report must match.
QString stockOrderSql();

} // namespace Ledgerdesk::Cli
