#pragma once

#include <QString>

namespace Ledgerdesk::Core {

// $LEDGERDESK_LEDGER if set, otherwise ledger.db in the user's application data folder.
QString defaultLedgerPath();

// The console's saved connections (addresses, no secrets): connections.json in the folder of
// the default ledger.
QString defaultConnectionBookPath();

} // namespace Ledgerdesk::Core
