#include <core/importing/productimporter.h>
#include <tests/support/tempstore.h>

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

const char kCurrent[]
    = "Title,URL handle,Description,Vendor,Product category,Type,Tags,Published on online "
      "store,Status,SKU,Barcode,Option1 name,Option1 value,Option1 Linked To,Option2 "
      "name,Option2 value,Option2 Linked To,Option3 name,Option3 value,Option3 Linked "
      "To,Price,Compare-at price,Continue selling when out of stock,Google Shopping / Gender\n"
      "Field Jacket,field-jacket,\"<p>Waxed, warm</p>\",Northwind,,Outerwear,,TRUE,Active,FJ-NAV-M,"
      "400001,Color,Navy,,Size,M,,,,,189.00,,DENY,unisex\n"
      ",field-jacket,,,,,,,,FJ-NAV-L,400002,,Navy,,,L,,,,,189.5,,CONTINUE,\n"
      ",field-jacket,,,,,,,,,,,,,,,,,,,,,,\n"
      "Rib Tee,rib-tee,,Northwind,,Tops,,TRUE,Active,RT-BLK-S,,Color,Black,,Size,S,,,,,34,,,\n";

const char kLegacy[]
    = "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Option2 "
      "Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,Variant Inventory "
      "Tracker,Variant Inventory Qty,Variant Inventory Policy,Variant Fulfillment Service,Variant "
      "Price,Variant Compare At Price,Variant Requires Shipping,Variant Taxable,Variant "
      "Barcode,Image Src\n"
      "wool-cap,Wool Cap,<b>warm</b>,Northwind,Accessories,,TRUE,Title,Default "
      "Title,,,,,CP-1,80,shopify,4,continue,manual,39.00,,TRUE,TRUE,7001,http://x/cap.jpg\n"
      "scarf,Scarf,,Northwind,Accessories,,TRUE,Color,Red,,,,,SC-RED,,shopify,,deny,manual,69,,,,"
      "7002,\n"
      "scarf,,,,,,,,Blue,,,,,SC-BLU,,shopify,,deny,manual,69,,,,7003,\n"
      "scarf,,,,,,,,,,,,,,,,,,,,,,,,http://x/scarf2.jpg\n";

class ProductImport : public ::testing::Test
{
protected:
    QString file(const QString &name, const QByteArray &content)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
        return path;
    }

    ImportReport run(const QByteArray &content, ImportOptions options = {})
    {
        auto report = ProductImporter(t.store()).importFile(
            file(QStringLiteral("products.csv"), content), options);
        EXPECT_TRUE(report.ok()) << report.error().message.toStdString();
        return report.ok() ? report.value() : ImportReport{};
    }

    std::optional<Variant> variant(const char *sku)
    {
        return t.catalog().variantBySku(QString::fromLatin1(sku)).value();
    }

    qint64 styleCount() { return t.catalog().styles().value().size(); }

    QTemporaryDir dir;
    TempStore t;
};

} // namespace

TEST_F(ProductImport, currentHeaders_rowsSharingAHandleFormOneStyle)
{
    const ImportReport r = run(kCurrent);
    EXPECT_FALSE(r.hasIssues()) << r.issues.value(0).toString().toStdString();
    EXPECT_TRUE(r.written);
    EXPECT_EQ(r.rowsRead, 4);
    EXPECT_EQ(r.rowsApplied, 3);
    EXPECT_EQ(r.stylesCreated, 2);
    EXPECT_EQ(r.variantsCreated, 3);
    const auto jacket = t.catalog().styleByHandle(QStringLiteral("field-jacket")).value();
    ASSERT_TRUE(jacket);
    EXPECT_EQ(jacket->title, QStringLiteral("Field Jacket"));
    EXPECT_EQ(jacket->vendor, QStringLiteral("Northwind"));
    EXPECT_EQ(jacket->productType, QStringLiteral("Outerwear"));
    const auto large = variant("FJ-NAV-L");
    ASSERT_TRUE(large);
    EXPECT_EQ(large->styleId, jacket->id);
    // Option names given on the first row only carry over to the product's later rows.
    EXPECT_EQ(large->options[0], (VariantOption{QStringLiteral("Color"), QStringLiteral("Navy")}));
    EXPECT_EQ(large->options[1], (VariantOption{QStringLiteral("Size"), QStringLiteral("L")}));
    EXPECT_EQ(large->price, Money(18950, QStringLiteral("USD")));
    EXPECT_TRUE(large->allowOversell);
    EXPECT_FALSE(variant("FJ-NAV-M")->allowOversell);
    EXPECT_EQ(variant("FJ-NAV-M")->barcode, QStringLiteral("400001"));
    EXPECT_EQ(variant("RT-BLK-S")->price, Money(3400, QStringLiteral("USD")));
}

TEST_F(ProductImport, legacyHeaders_areAccepted)
{
    const ImportReport r = run(kLegacy);
    EXPECT_FALSE(r.hasIssues()) << r.issues.value(0).toString().toStdString();
    EXPECT_EQ(r.stylesCreated, 2);
    EXPECT_EQ(r.variantsCreated, 3);
    const auto cap = variant("CP-1");
    ASSERT_TRUE(cap);
    EXPECT_TRUE(cap->options[0].name.isEmpty()) << "Shopify's Title/Default Title is no option";
    EXPECT_TRUE(cap->allowOversell);
    EXPECT_EQ(cap->barcode, QStringLiteral("7001"));
    EXPECT_EQ(cap->price, Money(3900, QStringLiteral("USD")));
    const auto blue = variant("SC-BLU");
    ASSERT_TRUE(blue);
    EXPECT_EQ(blue->options[0], (VariantOption{QStringLiteral("Color"), QStringLiteral("Blue")}));
    EXPECT_EQ(blue->styleId, t.catalog().styleByHandle(QStringLiteral("scarf")).value()->id);
}

TEST_F(ProductImport, headerNames_matchCaseInsensitively)
{
    const ImportReport r = run("url HANDLE,title,sku,PRICE\nh1,Hat,H-1,5\n");
    EXPECT_FALSE(r.hasIssues());
    EXPECT_EQ(variant("H-1")->price, Money(500, QStringLiteral("USD")));
}

TEST_F(ProductImport, currencyOption_isUsedForPrices)
{
    ImportOptions options;
    options.currency = QStringLiteral("EUR");
    run("Handle,Title,Variant SKU,Variant Price\nh1,Hat,H-1,5.25\n", options);
    EXPECT_EQ(variant("H-1")->price, Money(525, QStringLiteral("EUR")));
}

TEST_F(ProductImport, missingRequiredColumns_areNamedInOneIssueAndNothingIsStored)
{
    const ImportReport r = run("Title,Vendor,Price\nHat,Acme,5\n");
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_TRUE(r.fileError);
    EXPECT_EQ(r.issues[0].line, 1);
    EXPECT_TRUE(r.issues[0].reason.contains(QStringLiteral("URL handle")));
    EXPECT_TRUE(r.issues[0].reason.contains(QStringLiteral("SKU")));
    EXPECT_FALSE(r.issues[0].reason.contains(QStringLiteral("Title")));
    EXPECT_EQ(styleCount(), 0);
}

TEST_F(ProductImport, badPrice_failsTheWholeFileWithFileLineAndColumn)
{
    const ImportReport r = run("URL handle,Title,SKU,Price\na,A,A-1,10\nb,B,B-1,ten\nc,C,C-1,3\n");
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_EQ(r.issues[0].line, 3);
    EXPECT_EQ(r.issues[0].field, QStringLiteral("Price"));
    EXPECT_TRUE(r.issues[0].toString().startsWith(dir.filePath(QStringLiteral("products.csv"))
                                                  + QStringLiteral(":3: Price: ")))
        << r.issues[0].toString().toStdString();
    EXPECT_FALSE(r.written);
    EXPECT_EQ(r.rowsApplied, 0);
    EXPECT_EQ(r.rowsSkipped, 1);
    EXPECT_EQ(styleCount(), 0);
}

TEST_F(ProductImport, applyValidRows_storesTheGoodRowsOnly)
{
    ImportOptions options;
    options.applyValidRows = true;
    const ImportReport r
        = run("URL handle,Title,SKU,Price\na,A,A-1,10\nb,B,B-1,ten\nc,C,C-1,3\n", options);
    EXPECT_EQ(r.issues.size(), 1);
    EXPECT_TRUE(r.written);
    EXPECT_EQ(r.rowsApplied, 2);
    EXPECT_TRUE(variant("A-1"));
    EXPECT_TRUE(variant("C-1"));
    EXPECT_FALSE(variant("B-1"));
}

TEST_F(ProductImport, newProductWithoutTitle_failsItsRows)
{
    const ImportReport r = run("URL handle,Title,SKU\nnew-thing,,N-1\nnew-thing,,N-2\n");
    ASSERT_EQ(r.issues.size(), 2);
    EXPECT_EQ(r.issues[0].line, 2);
    EXPECT_EQ(r.issues[0].field, QStringLiteral("Title"));
    EXPECT_EQ(r.issues[1].line, 3);
    EXPECT_TRUE(r.issues[1].reason.contains(QStringLiteral("line 2")));
    EXPECT_EQ(styleCount(), 0);
}

TEST_F(ProductImport, duplicateSkuAndVariantWithoutSku_areRowErrors)
{
    const ImportReport r = run("URL handle,Title,SKU,Option1 name,Option1 value\n"
                               "a,A,A-1,Size,S\n"
                               "a,,A-1,Size,M\n"
                               "a,,,Size,L\n");
    ASSERT_EQ(r.issues.size(), 2);
    EXPECT_EQ(r.issues[0].line, 3);
    EXPECT_TRUE(r.issues[0].reason.contains(QStringLiteral("line 2")));
    EXPECT_EQ(r.issues[1].line, 4);
    EXPECT_TRUE(r.issues[1].reason.contains(QStringLiteral("needs a SKU")));
    EXPECT_EQ(styleCount(), 0);
}

TEST_F(ProductImport, optionValueWithoutAName_isARowError)
{
    const ImportReport r = run("URL handle,Title,SKU,Option1 value\na,A,A-1,Red\n");
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_EQ(r.issues[0].field, QStringLiteral("Option1 value"));
}

TEST_F(ProductImport, reimport_updatesInsteadOfDuplicating)
{
    run(kCurrent);
    const ImportReport again = run(QByteArray(kCurrent).replace("189.00", "199.00"));
    EXPECT_EQ(again.stylesCreated, 0);
    EXPECT_EQ(again.stylesUpdated, 2);
    EXPECT_EQ(again.variantsUpdated, 3);
    EXPECT_EQ(styleCount(), 2);
    EXPECT_EQ(variant("FJ-NAV-M")->price, Money(19900, QStringLiteral("USD")));
    // A later file may add variants to an existing product without repeating its title.
    const ImportReport added = run("URL handle,Title,SKU\nfield-jacket,,FJ-NAV-XL\n");
    EXPECT_FALSE(added.hasIssues());
    EXPECT_EQ(variant("FJ-NAV-XL")->styleId, variant("FJ-NAV-M")->styleId);
    EXPECT_EQ(t.catalog().styleByHandle(QStringLiteral("field-jacket")).value()->title,
              QStringLiteral("Field Jacket"));
}

TEST_F(ProductImport, dryRun_countsButStoresNothing)
{
    ImportOptions options;
    options.dryRun = true;
    const ImportReport r = run(kCurrent, options);
    EXPECT_FALSE(r.written);
    EXPECT_EQ(r.rowsApplied, 3);
    EXPECT_EQ(r.stylesCreated, 2);
    EXPECT_EQ(styleCount(), 0);
}

TEST_F(ProductImport, unreadableFile_isAnIoError)
{
    const auto r = ProductImporter(t.store()).importFile(
        dir.filePath(QStringLiteral("missing.csv")), ImportOptions{});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Io);
}
