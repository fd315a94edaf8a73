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
    // Both sides moved (or there is no agreed base yet): ownership decides where it can.
    if (owner.isEmpty()) {
        return SyncDecision::Conflict;
    }
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
