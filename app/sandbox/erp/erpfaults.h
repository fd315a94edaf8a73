#pragma once

#include <QJsonObject>

namespace Ledgerdesk::Sandbox {

// Fault knobs of the ERP stand-in. Random choices come from the stand-in's seeded generator.
struct ErpFaults
{
    int latencyMinMs = 0;
    int latencyMaxMs = 0;
    double errorRate = 0;     // share of requests answered with a 500
    double resetRate = 0;     // share of requests whose connection is closed without an answer
    int concurrencyLimit = 5; // requests in flight per account; <= 0 means unlimited
    bool down = false;        // every request gets a 503
    qint64 clockSkewMs = 0;   // added to the timestamps the ERP writes

    static ErpFaults fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

} // namespace Ledgerdesk::Sandbox
