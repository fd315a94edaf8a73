#pragma once

#include <QtGlobal>

namespace Ledgerdesk::Core {

// The client's model of Shopify's leaky bucket, fed by every response's throttleStatus, so a
// request is only sent once the bucket can afford it.
class CostBucket final
{
public:
    CostBucket(double maximumAvailable = 1000, double restoreRate = 100);

    // From `extensions.cost.throttleStatus`, observed at `nowMs`.
    void
    observe(double maximumAvailable, double currentlyAvailable, double restoreRate, qint64 nowMs);
    // Milliseconds to wait before a request costing `cost` points may be sent.
    qint64 waitMs(double cost, qint64 nowMs) const;
    // Books the request's cost locally until the response corrects it.
    void spend(double cost, qint64 nowMs);

    double available(qint64 nowMs) const;

    double restoreRate() const { return m_restoreRate; }

    double maximumAvailable() const { return m_maximum; }

private:
    double m_maximum;
    double m_restoreRate;
    double m_available;
    qint64 m_atMs = 0;
};

} // namespace Ledgerdesk::Core
