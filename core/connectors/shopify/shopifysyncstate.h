#pragma once

#include <core/domain/timestamp.h>
#include <core/error.h>

#include <QString>

namespace Ledgerdesk::Core {

class Store;

// Cursors the Shopify connector keeps between cycles, in the ledger's `meta` table so they
// survive restarts and move with the ledger.
class ShopifySyncState final
{
public:
    static Result<QString> read(Store &store, const QString &name);
    static Status write(Store &store, const QString &name, const QString &value);

    // An `updated_at` cursor is the first second still to read. Shopify shows whole seconds
    // but keeps finer times, so the newest second read is read again until it lies safely
    // before the read began; only then can nothing more be written in it and the cursor moves
    // past it. `seenNewest` is the newest time this pass read (empty: keep `previous`).
    static QString searchTerm(const QString &cursor); // empty for a full pull
    static QString
    cursorAfter(const QString &previous, const QString &seenNewest, UtcMillis readStart);
};

} // namespace Ledgerdesk::Core
