#pragma once

#include "shopifystore.h"

namespace Ledgerdesk::Sandbox {

// Builds the seeded shop: the demo catalogue, its locations and levels, and the B2B side
// (companies, their locations, catalogs, price lists in several currencies, payment terms).
class ShopifySeed final
{
public:
    static void build(ShopifyStore &store, quint32 seed, qint64 now);

private:
    static void buildCatalog(ShopifyStore &store, quint32 seed, qint64 now);
    static void buildPaymentTerms(ShopifyStore &store);
    static void buildB2b(ShopifyStore &store, quint32 seed, qint64 now);
};

} // namespace Ledgerdesk::Sandbox
