#include "costbucket.h"

#include <algorithm>
#include <cmath>

namespace Ledgerdesk::Sandbox {

CostBucket::CostBucket(const ThrottleKnob &knob)
    : m_knob(knob)
    , m_available(knob.maximumAvailable)
{
    m_clock.start();
}

void CostBucket::setKnob(const ThrottleKnob &knob)
{
    refill();
    m_knob = knob;
    m_available = std::min(m_available, knob.maximumAvailable);
}

void CostBucket::refill()
{
    const qint64 now = m_clock.elapsed();
    // Another app on the same shop uses `pressure` of the restore rate.
    const double rate = m_knob.restoreRate * (1.0 - m_knob.pressure);
    m_available
        = std::min(m_knob.maximumAvailable, m_available + double(now - m_lastMs) / 1000.0 * rate);
    m_lastMs = now;
}

double CostBucket::available()
{
    refill();
    return m_available;
}

bool CostBucket::take(double requested)
{
    refill();
    if (requested > m_available) {
        ++m_throttled;
        return false;
    }
    m_available -= requested;
    ++m_accepted;
    return true;
}

void CostBucket::refund(double points)
{
    refill();
    m_available = std::min(m_knob.maximumAvailable, m_available + std::max(0.0, points));
}

double CostBucket::secondsUntil(double requested)
{
    refill();
    const double rate = m_knob.restoreRate * (1.0 - m_knob.pressure);
    return std::max(0.0, (requested - m_available) / rate);
}

QJsonObject CostBucket::throttleStatus()
{
    refill();
    return {{QStringLiteral("maximumAvailable"), m_knob.maximumAvailable},
            {QStringLiteral("currentlyAvailable"), std::floor(m_available)},
            {QStringLiteral("restoreRate"), m_knob.restoreRate}};
}

} // namespace Ledgerdesk::Sandbox
