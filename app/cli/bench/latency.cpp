#include "latency.h"

#include <algorithm>
#include <cmath>

namespace Ledgerdesk::Cli {

namespace {

double rank(const std::vector<double> &sorted, double fraction)
{
    const auto n = static_cast<double>(sorted.size());
    const auto index = static_cast<std::size_t>(std::max(0.0, std::ceil(fraction * n) - 1));
    return sorted[std::min(index, sorted.size() - 1)];
}

} // namespace

LatencyStats latencyStats(std::vector<double> samples)
{
    LatencyStats stats;
    if (samples.empty()) {
        return stats;
    }
    std::sort(samples.begin(), samples.end());
    stats.p50 = rank(samples, 0.50);
    stats.p99 = rank(samples, 0.99);
    stats.max = samples.back();
    stats.count = static_cast<qint64>(samples.size());
    return stats;
}

double median(std::vector<double> samples)
{
    return latencyStats(std::move(samples)).p50;
}

} // namespace Ledgerdesk::Cli
