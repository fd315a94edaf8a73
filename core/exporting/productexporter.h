#pragma once

#include <core/catalog/product.h>
#include <core/error.h>

#include <QCoreApplication>
#include <QStringList>

class QIODevice;

namespace Ledgerdesk::Core {

class Store;

// Writes the catalogue as a Shopify product CSV in the current (2024+) header layout.
class ProductExporter final
{
    Q_DECLARE_TR_FUNCTIONS(ProductExporter)

public:
    explicit ProductExporter(Store &store);

    // Returns the number of data rows written.
    Result<qint64> write(QIODevice &device);

    static QStringList header();
    // Product-level columns are filled on a style's first row only, as Shopify exports them.
    static QStringList row(const Style &style, const Variant &variant, bool firstOfStyle);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
