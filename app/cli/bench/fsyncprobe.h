#pragma once

#include <app/cli/bench/latency.h>
#include <core/error.h>

#include <QString>

namespace Ledgerdesk::Cli {

// The disk's own price for one durable commit: `count` × (4 KiB write + fdatasync) in `dir`.
Core::Result<LatencyStats> runFsyncProbe(const QString &dir, int count);

} // namespace Ledgerdesk::Cli
