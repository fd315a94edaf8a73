#pragma once

#include <core/domain/timestamp.h>
#include <core/error.h>

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

class Store;

// One time slice of a system's sync activity.
struct SyncHistoryBucket
{
    UtcMillis start = 0;
    qint64 applied = 0;          // inbox events applied in the slice
    qint64 exceptionsRaised = 0; // exceptions created in the slice
    qint64 openExceptions = 0;   // exceptions open at the slice's end
};

// Sync activity over recent hours, bucketed for a chart. The console draws it; the numbers are
// computed here so the chart code only paints.
class SyncHistory final
{
    Q_DECLARE_TR_FUNCTIONS(SyncHistory)

public:
    static constexpr qint64 defaultBucketMs = 10 * 60 * 1000;
    static constexpr int defaultBucketCount = 36; // six hours

    explicit SyncHistory(Store &store);

    // Oldest bucket first; the last bucket ends at `now`. An empty system means every system.
    Result<QList<SyncHistoryBucket>> buckets(const QString &system,
                                             UtcMillis now,
                                             qint64 bucketMs = defaultBucketMs,
                                             int count = defaultBucketCount) const;
    // The newest applied inbox event or delivered outbox row of a system; nullopt if none.
    Result<std::optional<UtcMillis>> lastSuccess(const QString &system) const;

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
