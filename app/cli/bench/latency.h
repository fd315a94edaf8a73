#pragma once

#include <QtGlobal>

#include <vector>

namespace Ledgerdesk::Cli {

struct LatencyStats
{
    double p50 = 0; // microseconds
    double p99 = 0;
    double max = 0;
    qint64 count = 0;
};

// Nearest-rank percentiles of per-operation samples in microseconds.
LatencyStats latencyStats(std::vector<double> samples);

double median(std::vector<double> samples);

} // namespace Ledgerdesk::Cli
