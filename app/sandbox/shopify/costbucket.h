#pragma once

#include "../faultplan.h"

#include <QElapsedTimer>
#include <QJsonObject>

namespace Ledgerdesk::Sandbox {

// Shopify's leaky bucket for one app on one shop, refilled in real time.
class CostBucket final
{
public:
    explicit CostBucket(const ThrottleKnob &knob);

    void setKnob(const ThrottleKnob &knob);

    const ThrottleKnob &knob() const { return m_knob; }

    // Takes `requested` points if the bucket holds them; false means throttled.
    bool take(double requested);
    void refund(double points);
    double available();
    // Seconds until `requested` points are available again.
    double secondsUntil(double requested);

    QJsonObject throttleStatus();

    qint64 throttledCount() const { return m_throttled; }

    qint64 acceptedCount() const { return m_accepted; }

private:
    void refill();

    ThrottleKnob m_knob;
    double m_available = 0;
    QElapsedTimer m_clock;
    qint64 m_lastMs = 0;
    qint64 m_throttled = 0;
    qint64 m_accepted = 0;
};

} // namespace Ledgerdesk::Sandbox
