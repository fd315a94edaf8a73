#pragma once

#include <app/cli/bench/benchdata.h>
#include <core/error.h>

#include <QString>

#include <utility>
#include <vector>

namespace Ledgerdesk::Cli {

using BalanceKey = std::pair<qint64, qint64>; // variant, location

// The app's statements through bare QSqlQuery objects prepared once, on a connection the core's
// Store opened: what Qt alone adds to the engine, so a gap can be told apart as Qt's or ours.
Core::Result<double> qtBulkSeconds(const QString &path, const BenchShape &shape, qint64 count);
Core::Result<double> qtLookupMicros(const QString &path, const std::vector<BalanceKey> &keys);
// Milliseconds to step through every row of `sql`, reading each value once.
Core::Result<double> qtIterateMs(const QString &path, const QString &sql);

} // namespace Ledgerdesk::Cli
