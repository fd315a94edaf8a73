#pragma once

#include "shopifystore.h"

#include <QRandomGenerator>

#include <functional>

namespace Ledgerdesk::Sandbox {

class SandboxClock;

// The living shop: DTC and B2B orders arrive, get fulfilled and sometimes refunded, products
// and companies change; every change is published as the webhook topic Shopify would send.
class ShopifyActivity final
{
public:
    using Publish = std::function<void(const QString &topic, const QByteArray &body)>;
    using Skew = std::function<qint64()>;

    ShopifyActivity(
        ShopifyStore &store, const SandboxClock &clock, quint32 seed, Publish publish, Skew skew);

    // Advances the business by the business time since the last call.
    void tick(double countDriftPerHour);

    int createOrder(bool b2b);
    int fulfilOldest();
    int refundOne();
    int touchProduct();
    int touchCompany();
    int createCompany();
    int receiveStock();
    bool drift();
    void levelChanged(int variant, int location);

    qint64 ordersCreated() const { return m_ordersCreated; }

    qint64 driftEvents() const { return m_drifts; }

private:
    bool happens(double perHour, double hours);
    int pickLine(int location, qint64 quantity);

    ShopifyStore &m_store;
    const SandboxClock &m_clock;
    QRandomGenerator m_rng;
    Publish m_publish;
    Skew m_skew;
    qint64 m_lastTick = 0;
    qint64 m_ordersCreated = 0;
    qint64 m_drifts = 0;
};

} // namespace Ledgerdesk::Sandbox
