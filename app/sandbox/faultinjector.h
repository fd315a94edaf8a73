#pragma once

#include "faultknobs.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

namespace Ledgerdesk::Sandbox {

struct FaultDecision
{
    enum class Kind { Pass, Down, ServerError, Reset };
    Kind kind = Kind::Pass;
    int status = 200;
    int delayMs = 0;
    bool truncate = false;
    bool malform = false;
    bool wrongShape = false;
};

// Draws the transport faults for one system from its own seeded generator.
class FaultInjector final
{
public:
    explicit FaultInjector(quint32 seed);

    void setFaults(const HttpFaults &faults) { m_faults = faults; }

    const HttpFaults &faults() const { return m_faults; }

    HttpFaults &faults() { return m_faults; }

    FaultDecision decide();
    bool isDown() const;

    QRandomGenerator &rng() { return m_rng; }

private:
    HttpFaults m_faults;
    QRandomGenerator m_rng;
    QElapsedTimer m_since;
};

} // namespace Ledgerdesk::Sandbox
