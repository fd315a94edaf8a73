#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace Ledgerdesk::Sandbox {

// The business clock: starts at a given instant and runs `speed` times faster than real time.
class SandboxClock final
{
public:
    SandboxClock(qint64 startUtcMillis, double speed);

    qint64 now() const;

    double speed() const { return m_speed; }

    // Real milliseconds until `businessMillis` of business time has passed.
    qint64 realDelay(qint64 businessMillis) const;

private:
    qint64 m_start = 0;
    double m_speed = 1.0;
    QElapsedTimer m_elapsed;
};

} // namespace Ledgerdesk::Sandbox
