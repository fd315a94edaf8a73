#include "sandboxclock.h"

#include <algorithm>
#include <cmath>

namespace Ledgerdesk::Sandbox {

SandboxClock::SandboxClock(qint64 startUtcMillis, double speed)
    : m_start(startUtcMillis)
    , m_speed(speed)
{
    m_elapsed.start();
}

qint64 SandboxClock::now() const
{
    return m_start + static_cast<qint64>(std::llround(double(m_elapsed.elapsed()) * m_speed));
}

qint64 SandboxClock::realDelay(qint64 businessMillis) const
{
    return std::max<qint64>(0, std::llround(double(businessMillis) / m_speed));
}

} // namespace Ledgerdesk::Sandbox
