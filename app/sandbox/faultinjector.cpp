#include "faultinjector.h"

namespace Ledgerdesk::Sandbox {

FaultInjector::FaultInjector(quint32 seed)
    : m_rng(seed)
{
    m_since.start();
}

bool FaultInjector::isDown() const
{
    if (m_faults.forcedDown) {
        return true;
    }
    const qint64 at = m_since.elapsed();
    for (const DownWindow &w : m_faults.down) {
        if (at >= w.startMs && at < w.startMs + w.durationMs) {
            return true;
        }
    }
    return false;
}

FaultDecision FaultInjector::decide()
{
    FaultDecision d;
    d.delayMs = m_faults.latency.sample(m_rng);
    if (isDown()) {
        d.kind = FaultDecision::Kind::Down;
        d.status = 503;
        return d;
    }
    // Every draw happens in a fixed order so one seed gives one sequence of faults.
    const double serverError = m_rng.generateDouble();
    const double reset = m_rng.generateDouble();
    const double truncate = m_rng.generateDouble();
    const double malform = m_rng.generateDouble();
    const double wrongShape = m_rng.generateDouble();
    if (serverError < m_faults.serverErrorRate) {
        static const int kStatuses[] = {500, 502, 503, 504};
        d.kind = FaultDecision::Kind::ServerError;
        d.status = kStatuses[m_rng.bounded(4)];
        return d;
    }
    if (reset < m_faults.resetRate) {
        d.kind = FaultDecision::Kind::Reset;
        return d;
    }
    d.truncate = truncate < m_faults.truncatedRate;
    d.malform = malform < m_faults.malformedRate;
    d.wrongShape = wrongShape < m_faults.wrongShapeRate;
    return d;
}

} // namespace Ledgerdesk::Sandbox
