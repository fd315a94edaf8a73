#pragma once

#include <QString>

namespace Ledgerdesk::Core {

// $LEDGERDESK_LEDGER if set, otherwise ledger.db in the user's application data folder.
QString defaultLedgerPath();

} // namespace Ledgerdesk::Core
