#pragma once

#include <QStringList>

namespace Ledgerdesk::Cli {

class CliContext;

// `bench pricing`: quote latency through the PriceBook (one load, then the in-memory engine,
// against loading the list, rates and variant for every quote) and allocation throughput
// through OrderAllocator as a ratio to posting the same movements straight to the ledger.
int benchPricingCommand(CliContext &context, const QStringList &arguments);

} // namespace Ledgerdesk::Cli
