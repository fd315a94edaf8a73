#pragma once

#include <core/catalog/product.h>

#include <QHash>
#include <QList>
#include <QString>

namespace Ledgerdesk::Core {

struct ShopifyLocationLink
{
    LocationId locationId = 0;
    QString code;
    QString shopifyId; // gid://shopify/Location/…
};

struct ShopifyItemLink
{
    VariantId variantId = 0;
    QString sku;
    QString shopifyId; // gid://shopify/InventoryItem/…
};

// What one cycle knows about how Shopify's ids map onto the ledger's.
struct ShopifyIndex
{
    QList<ShopifyLocationLink> locations;
    QHash<QString, ShopifyLocationLink> locationsById;
    QHash<QString, ShopifyLocationLink> locationsByCode;
    QHash<QString, ShopifyItemLink> itemsById;
    QHash<QString, ShopifyItemLink> itemsBySku;
};

} // namespace Ledgerdesk::Core
