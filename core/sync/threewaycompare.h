#pragma once

#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

// What to do with one synced value, given the value both sides last agreed on.
enum class SyncDecision {
    InSync,      // nothing changed, or both changed to the same value
    TakeTheirs,  // only the external system changed it
    PushOurs,    // only the ledger changed it
    OwnerTheirs, // both changed; the external system owns this data
    OwnerOurs,   // both changed; the ledger (or another system) owns it and pushes
    Conflict,    // both changed and nobody owns it: a person decides
};

struct ThreeWayValues
{
    std::optional<QString> base; // absent until the first agreement
    QString ours;
    QString theirs;
};

// `owner` is the system of record for this kind of data; `system` is the one being compared.
SyncDecision
compareThreeWay(const ThreeWayValues &values, const QString &owner, const QString &system);

QString syncDecisionKey(SyncDecision decision);

} // namespace Ledgerdesk::Core
