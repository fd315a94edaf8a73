#include "stallprobe.h"

namespace Ledgerdesk::Bench {

StallProbe::StallProbe()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, &StallProbe::tick);
}

void StallProbe::start()
{
    m_clock.start();
    m_last = m_clock.nsecsElapsed();
    m_timer.start();
}

void StallProbe::stop()
{
    tick();
    m_timer.stop();
}

void StallProbe::setPhase(const QString &phase)
{
    tick(); // a gap that ends now belongs to the phase before
    m_phase = phase;
}

double StallProbe::takePhaseLongestMs()
{
    tick();
    const double ms = m_phaseLongestNs / 1e6;
    m_phaseLongestNs = 0;
    return ms;
}

void StallProbe::tick()
{
    if (!m_timer.isActive()) {
        return;
    }
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 gap = now - m_last;
    m_last = now;
    m_phaseLongestNs = std::max(m_phaseLongestNs, gap);
    if (gap > m_longestNs) {
        m_longestNs = gap;
        m_longestPhase = m_phase;
    }
}

} // namespace Ledgerdesk::Bench
