#include "productexporter.h"

#include <core/catalog/catalog.h>
#include <core/io/csvwriter.h>

namespace Ledgerdesk::Core {

namespace {

enum Column {
    Title,
    Handle,
    Description,
    Vendor,
    ProductCategory,
    Type,
    Tags,
    Published,
    StatusColumn,
    Sku,
    Barcode,
    Option1Name,
    Option1Value,
    Option1LinkedTo,
    Option2Name,
    Option2Value,
    Option2LinkedTo,
    Option3Name,
    Option3Value,
    Option3LinkedTo,
    Price,
    CompareAtPrice,
    CostPerItem,
    ChargeTax,
    TaxCode,
    UnitPriceTotalMeasure,
    UnitPriceTotalMeasureUnit,
    UnitPriceBaseMeasure,
    UnitPriceBaseMeasureUnit,
    InventoryTracker,
    InventoryQuantity,
    ContinueSelling,
    WeightGrams,
    WeightUnit,
    RequiresShipping,
    FulfillmentService,
    ProductImageUrl,
    ImagePosition,
    ImageAltText,
    VariantImageUrl,
    GiftCard,
    SeoTitle,
    SeoDescription,
    ColumnCount,
};

constexpr const char *kHeader[ColumnCount] = {
    "Title",
    "URL handle",
    "Description",
    "Vendor",
    "Product category",
    "Type",
    "Tags",
    "Published on online store",
    "Status",
    "SKU",
    "Barcode",
    "Option1 name",
    "Option1 value",
    "Option1 Linked To",
    "Option2 name",
    "Option2 value",
    "Option2 Linked To",
    "Option3 name",
    "Option3 value",
    "Option3 Linked To",
    "Price",
    "Compare-at price",
    "Cost per item",
    "Charge tax",
    "Tax code",
    "Unit price total measure",
    "Unit price total measure unit",
    "Unit price base measure",
    "Unit price base measure unit",
    "Inventory tracker",
    "Inventory quantity",
    "Continue selling when out of stock",
    "Weight value (grams)",
    "Weight unit for display",
    "Requires shipping",
    "Fulfillment service",
    "Product image URL",
    "Image position",
    "Image alt text",
    "Variant image URL",
    "Gift card",
    "SEO title",
    "SEO description",
};

} // namespace

ProductExporter::ProductExporter(Store &store)
    : m_store(store)
{}

QStringList ProductExporter::header()
{
    QStringList names;
    for (const char *name : kHeader) {
        names << QString::fromLatin1(name);
    }
    return names;
}

QStringList ProductExporter::row(const Style &style, const Variant &variant, bool firstOfStyle)
{
    QStringList cells(ColumnCount, QString());
    cells[Handle] = style.handle;
    if (firstOfStyle) {
        cells[Title] = style.title;
        cells[Vendor] = style.vendor;
        cells[Type] = style.productType;
        cells[GiftCard] = QStringLiteral("FALSE");
    }
    cells[Sku] = variant.sku;
    cells[Barcode] = variant.barcode;
    const int nameColumns[3] = {Option1Name, Option2Name, Option3Name};
    const int valueColumns[3] = {Option1Value, Option2Value, Option3Value};
    for (std::size_t i = 0; i < 3; ++i) {
        cells[nameColumns[i]] = variant.options[i].name;
        cells[valueColumns[i]] = variant.options[i].value;
    }
    if (variant.price) {
        cells[Price] = variant.price->amountString();
    }
    cells[InventoryTracker] = QStringLiteral("shopify");
    cells[ContinueSelling]
        = variant.allowOversell ? QStringLiteral("CONTINUE") : QStringLiteral("DENY");
    cells[RequiresShipping] = QStringLiteral("TRUE");
    cells[FulfillmentService] = QStringLiteral("manual");
    return cells;
}

Result<qint64> ProductExporter::write(QIODevice &device)
{
    Catalog catalog(m_store);
    const auto styles = catalog.styles();
    if (!styles) {
        return styles.error();
    }
    CsvWriter writer(device);
    writer.writeRecord(header());
    for (const Style &style : styles.value()) {
        const auto variants = catalog.variantsOfStyle(style.id);
        if (!variants) {
            return variants.error();
        }
        if (variants.value().isEmpty()) {
            QStringList cells(ColumnCount, QString());
            cells[Title] = style.title;
            cells[Handle] = style.handle;
            cells[Vendor] = style.vendor;
            cells[Type] = style.productType;
            writer.writeRecord(cells); // a style without variants still round-trips
        }
        bool first = true;
        for (const Variant &variant : variants.value()) {
            writer.writeRecord(row(style, variant, first));
            first = false;
        }
    }
    if (const Status written = writer.status(); !written) {
        return written.error();
    }
    return writer.recordsWritten() - 1;
}

} // namespace Ledgerdesk::Core
