#pragma once

#include "erprecords.h"

#include <core/demo/democatalog.h>

namespace Ledgerdesk::Sandbox {

// Builds the ERP's starting books from the demo catalogue: locations, items with price levels in
// two currencies, item-location quantities, B2B customers, sales orders, invoices and payments.
// The same catalogue and seed always give the same books.
class ErpSeeder final
{
public:
    static ErpRecords seed(const Core::DemoCatalog &catalog, quint32 seed);
    // Timestamp every seeded record carries; later writes are newer.
    static QString seedTimestamp();
};

} // namespace Ledgerdesk::Sandbox
