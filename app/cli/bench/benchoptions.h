#pragma once

#include <QString>

namespace Ledgerdesk::Cli {

struct BenchOptions
{
    qint64 commits = 2000;
    qint64 movements = 1000000;        // bulk import size
    qint64 lookupMovements = 10000000; // ledger size behind the point lookups
    qint64 lookups = 100000;
    qint64 reportBalances = 200000;
    int fsyncSamples = 1000;
    int reportRuns = 5;
    QString dir; // where the benchmark ledgers are written; a disk, not a RAM disk

    static BenchOptions quick()
    {
        BenchOptions o;
        o.commits = 200;
        o.movements = 20000;
        o.lookupMovements = 100000;
        o.lookups = 10000;
        o.reportBalances = 20000;
        o.reportRuns = 3;
        return o;
    }
};

} // namespace Ledgerdesk::Cli
