#pragma once

#include <core/catalog/product.h>
#include <core/error.h>

#include <QCoreApplication>
#include <QList>

namespace Ledgerdesk::Core {

class Store;

// Master data: styles, their variants and the locations stock can sit in.
class Catalog final
{
    Q_DECLARE_TR_FUNCTIONS(Catalog)

public:
    explicit Catalog(Store &store);

    // Inserts or updates by handle / SKU / code and returns the row's id.
    Result<StyleId> saveStyle(const Style &style);
    Result<VariantId> saveVariant(const Variant &variant);
    Result<LocationId> saveLocation(const Location &location);

    Result<std::optional<Variant>> variantBySku(const QString &sku);
    Result<std::optional<Style>> styleByHandle(const QString &handle);
    Result<std::optional<Location>> locationByCodeOrName(const QString &codeOrName);
    Result<QList<Location>> locations();
    Result<QList<Style>> styles();
    Result<QList<Variant>> variantsOfStyle(StyleId style);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
