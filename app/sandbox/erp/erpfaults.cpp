#include "erpfaults.h"

#include <algorithm>

namespace Ledgerdesk::Sandbox {

ErpFaults ErpFaults::fromJson(const QJsonObject &json)
{
    ErpFaults faults;
    faults.latencyMinMs = std::max(0, json.value(QStringLiteral("latencyMinMs")).toInt(0));
    faults.latencyMaxMs
        = std::max(faults.latencyMinMs, json.value(QStringLiteral("latencyMaxMs")).toInt(0));
    faults.errorRate = std::clamp(json.value(QStringLiteral("errorRate")).toDouble(0), 0.0, 1.0);
    faults.resetRate = std::clamp(json.value(QStringLiteral("resetRate")).toDouble(0), 0.0, 1.0);
    faults.concurrencyLimit = json.value(QStringLiteral("concurrencyLimit")).toInt(5);
    faults.down = json.value(QStringLiteral("down")).toBool(false);
    faults.clockSkewMs = json.value(QStringLiteral("clockSkewMs")).toInteger(0);
    return faults;
}

QJsonObject ErpFaults::toJson() const
{
    return {
        {QStringLiteral("latencyMinMs"), latencyMinMs},
        {QStringLiteral("latencyMaxMs"), latencyMaxMs},
        {QStringLiteral("errorRate"), errorRate},
        {QStringLiteral("resetRate"), resetRate},
        {QStringLiteral("concurrencyLimit"), concurrencyLimit},
        {QStringLiteral("down"), down},
        {QStringLiteral("clockSkewMs"), clockSkewMs},
    };
}

} // namespace Ledgerdesk::Sandbox
