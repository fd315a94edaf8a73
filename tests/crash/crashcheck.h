#pragma once

#include "crashworkload.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <utility>

namespace Ledgerdesk::Testing {

// What one child said before it was killed.
struct ChildReport
{
    bool ready = false;
    QList<qint64> newAcks; // acknowledged as first postings, in order
    QList<qint64> dupAcks; // acknowledged as duplicates of an earlier posting
    QList<qint64> lastTry; // the attempt in flight when the child died
    qint64 nextNumber = 0; // one past the highest number the child tried
    QStringList problems;
};

ChildReport readChildReport(const QByteArray &output, const CrashWorld &world, qint64 first);

// Everything known to be committed so far, and the balances that must follow from it.
struct CrashLedgerState
{
    CrashWorld world;
    QSet<qint64> committed;
    QHash<std::pair<Core::VariantId, Core::LocationId>, Core::Quantities> expected;
    Core::PostingId lastCheckedPosting = 0;
    qint64 inFlightCommitted = 0; // committed before the kill but never acknowledged
};

CrashLedgerState initialCrashState(const CrashWorld &world);

// Reopens the ledger after a kill and checks it against the acknowledgements; returns findings.
QStringList
checkCrashedLedger(const QString &path, CrashLedgerState &state, const ChildReport &child);

} // namespace Ledgerdesk::Testing
