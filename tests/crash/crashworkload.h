#pragma once

#include <core/error.h>
#include <core/ledger/posting.h>

#include <QList>
#include <QString>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Testing {

// The crash loop's fixed world: a few variants and locations, each pair opened with enough stock
// that no generated posting can drive a quantity below zero.
inline constexpr int kCrashVariants = 6;
inline constexpr int kCrashLocations = 3;
inline constexpr qint64 kCrashOpeningStock = 1000000;
inline const char *const kCrashSource = "crash";

struct CrashWorld
{
    QList<Core::VariantId> variants;
    QList<Core::LocationId> locations;
};

// Creates the master data and the opening stock (first run) and returns the ids either way.
Core::Result<CrashWorld> seedCrashWorld(Core::Store &store);
Core::Result<CrashWorld> loadCrashWorld(Core::Store &store);

// Posting number `n` is always the same request, so a retry of it is an exact duplicate.
Core::PostingRequest crashRequest(const CrashWorld &world, qint64 n);
bool isCrashTransfer(const Core::PostingRequest &request);
QString crashReference(qint64 n);
// "variant:location:available:committed:incoming" per line, joined with ','.
QString describeLines(const Core::PostingRequest &request);

} // namespace Ledgerdesk::Testing
