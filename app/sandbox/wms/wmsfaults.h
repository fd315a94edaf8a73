#pragma once

#include <QJsonObject>

namespace Ledgerdesk::Sandbox {

// Fault knobs of the WMS/3PL drop folder. Random choices come from the folder's seeded generator.
struct WmsFaults
{
    double malformedRate = 0; // share of outbound files written with one broken row
    double driftRate = 0;     // share of counted rows whose cycle count drifts by a few units
    bool down = false;        // the WMS neither consumes nor writes files

    static WmsFaults fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

} // namespace Ledgerdesk::Sandbox
