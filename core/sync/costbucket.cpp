#include "costbucket.h"

#include <algorithm>
#include <cmath>

namespace Ledgerdesk::Core {

CostBucket::CostBucket(double maximumAvailable, double restoreRate)
    : m_maximum(maximumAvailable)
    , m_restoreRate(restoreRate)
    , m_available(maximumAvailable)
{}

void CostBucket::observe(double maximumAvailable,
                         double currentlyAvailable,
                         double restoreRate,
                         qint64 nowMs)
{
    m_maximum = maximumAvailable;
    m_restoreRate = restoreRate;
    m_available = std::clamp(currentlyAvailable, 0.0, maximumAvailable);
    m_atMs = nowMs;
}

double CostBucket::available(qint64 nowMs) const
{
    const double elapsed = static_cast<double>(std::max<qint64>(0, nowMs - m_atMs)) / 1000.0;
    return std::min(m_maximum, m_available + elapsed * m_restoreRate);
}

qint64 CostBucket::waitMs(double cost, qint64 nowMs) const
{
    const double missing = cost - available(nowMs);
    if (missing <= 0 || m_restoreRate <= 0) {
        return 0;
    }
    return static_cast<qint64>(std::ceil(missing / m_restoreRate * 1000.0));
}

void CostBucket::spend(double cost, qint64 nowMs)
{
    m_available = available(nowMs) - cost;
    m_atMs = nowMs;
}

} // namespace Ledgerdesk::Core
