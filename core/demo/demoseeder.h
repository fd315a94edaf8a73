#pragma once

#include <core/demo/democatalog.h>
#include <core/error.h>

#include <QStringList>

namespace Ledgerdesk::Core {

class Store;

struct DemoSeedSummary
{
    int styles = 0;
    int variants = 0;
    int locations = 0;
    qint64 balances = 0; // SKU × location rows the opening postings touched
};

struct DemoSeedOptions
{
    // Units promised to open orders the ledger made up. A ledger that syncs with
    // ledgerdesk-sandbox leaves them out: the sandbox's shop has no such orders, so its
    // available figures would disagree with every one of those cells.
    bool committedToOpenOrders = true;
    // Systems that start from the same catalogue figures (ledgerdesk-sandbox's shop, ERP and
    // WMS): the opening figures are recorded as agreed with each, so the first sync compares
    // three ways instead of meeting every figure for the first time; one that keeps its own
    // on-hand (the ERP) follows the ledger from that moment.
    QStringList agreedWith;
};

// Writes the demo catalogue's master data and opening stock straight into a ledger: one
// transaction for the master data, one ledger batch for the stock. Running it again changes
// nothing, because the postings are idempotent on their references.
// Besides on-hand stock it leaves some units committed to open orders and some incoming on
// purchase orders, so every column of the availability view has something to show.
Result<DemoSeedSummary> seedDemoLedger(Store &store,
                                       const DemoCatalog &catalog = DemoCatalog::generate(),
                                       DemoSeedOptions options = {});

} // namespace Ledgerdesk::Core
