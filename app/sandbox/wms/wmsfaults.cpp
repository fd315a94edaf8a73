#include "wmsfaults.h"

#include <algorithm>

namespace Ledgerdesk::Sandbox {

WmsFaults WmsFaults::fromJson(const QJsonObject &json)
{
    WmsFaults faults;
    faults.malformedRate
        = std::clamp(json.value(QStringLiteral("malformedRate")).toDouble(0), 0.0, 1.0);
    faults.driftRate = std::clamp(json.value(QStringLiteral("driftRate")).toDouble(0), 0.0, 1.0);
    faults.down = json.value(QStringLiteral("down")).toBool(false);
    return faults;
}

QJsonObject WmsFaults::toJson() const
{
    return {{QStringLiteral("malformedRate"), malformedRate},
            {QStringLiteral("driftRate"), driftRate},
            {QStringLiteral("down"), down}};
}

} // namespace Ledgerdesk::Sandbox
