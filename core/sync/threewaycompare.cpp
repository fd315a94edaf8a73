#include "threewaycompare.h"

namespace Ledgerdesk::Core {

SyncDecision
compareThreeWay(const ThreeWayValues &values, const QString &owner, const QString &system)
{
    if (values.ours == values.theirs) {
        return SyncDecision::InSync;
    }
    if (values.base) {
        if (*values.base == values.ours) {
            return SyncDecision::TakeTheirs;
        }
        if (*values.base == values.theirs) {
            return SyncDecision::PushOurs;
        }
    }
    if (owner.isEmpty()) {
        return SyncDecision::Conflict;
    }
    if (!values.base) {
        // First contact: the owner's figure is adopted, and a figure the other system reported
        // is never overwritten before the two sides have agreed once; a person decides.
        return owner == system ? SyncDecision::OwnerTheirs : SyncDecision::Conflict;
    }
    // Both sides moved: ownership decides.
    return owner == system ? SyncDecision::OwnerTheirs : SyncDecision::OwnerOurs;
}

QString syncDecisionKey(SyncDecision decision)
{
    switch (decision) {
    case SyncDecision::InSync:
        return QStringLiteral("in-sync");
    case SyncDecision::TakeTheirs:
        return QStringLiteral("take-theirs");
    case SyncDecision::PushOurs:
        return QStringLiteral("push-ours");
    case SyncDecision::OwnerTheirs:
        return QStringLiteral("owner-theirs");
    case SyncDecision::OwnerOurs:
        return QStringLiteral("owner-ours");
    case SyncDecision::Conflict:
        return QStringLiteral("conflict");
    }
    return QStringLiteral("conflict");
}

} // namespace Ledgerdesk::Core
