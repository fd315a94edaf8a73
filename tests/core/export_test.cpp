#include <core/exporting/inventoryexporter.h>
#include <core/exporting/locationexporter.h>
#include <core/exporting/movementexporter.h>
#include <core/exporting/productexporter.h>
#include <core/importing/inventoryimporter.h>
#include <core/importing/locationimporter.h>
#include <core/importing/productimporter.h>
#include <core/io/csvreader.h>
#include <core/store/sql.h>
#include <tests/support/tempstore.h>

#include <QBuffer>
#include <QMap>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

template <typename Exporter, typename... Args> QByteArray exported(TempStore &t, Args... args)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const auto rows = Exporter(t.store()).write(buffer, args...);
    EXPECT_TRUE(rows.ok()) << rows.error().message.toStdString();
    return bytes;
}

template <typename Importer>
ImportReport imported(TempStore &t, QByteArray bytes, const QString &name)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    auto report = Importer(t.store()).importDevice(buffer, name, ImportOptions{});
    EXPECT_TRUE(report.ok()) << report.error().message.toStdString();
    EXPECT_FALSE(report.ok() && report.value().hasIssues())
        << report.value().issues.value(0).toString().toStdString();
    return report.ok() ? report.value() : ImportReport{};
}

QList<CsvRecord> records(QByteArray bytes)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return CsvReader::readAll(buffer).value();
}

// Everything a round trip must keep, keyed by business identifiers rather than row ids.
QStringList snapshot(TempStore &t)
{
    QStringList lines;
    const QList<Location> locations = t.catalog().locations().value();
    for (const Location &l : locations) {
        lines << QStringLiteral("location %1|%2|%3").arg(l.code, l.name, locationKindKey(l.kind));
    }
    const QList<Style> styles = t.catalog().styles().value();
    for (const Style &s : styles) {
        lines
            << QStringLiteral("style %1|%2|%3|%4").arg(s.handle, s.title, s.vendor, s.productType);
        const QList<Variant> variants = t.catalog().variantsOfStyle(s.id).value();
        for (const Variant &v : variants) {
            QString line = QStringLiteral("variant %1|%2|%3|%4")
                               .arg(v.sku,
                                    v.barcode,
                                    s.handle,
                                    v.allowOversell ? QStringLiteral("y") : QStringLiteral("n"));
            for (const VariantOption &o : v.options) {
                line += u'|' + o.name + u'=' + o.value;
            }
            line += u'|' + (v.price ? v.price->toString() : QStringLiteral("-"));
            lines << line;
        }
    }
    auto q = runQuery(t.store().connection(),
                      QStringLiteral("SELECT v.sku, l.code, b.on_hand FROM balances b JOIN "
                                     "variants v ON v.id = b.variant_id JOIN locations l ON l.id "
                                     "= b.location_id WHERE b.on_hand <> 0 ORDER BY 1, 2"));
    while (q.value().next()) {
        lines << QStringLiteral("on_hand %1@%2=%3")
                     .arg(q.value().value(0).toString(), q.value().value(1).toString())
                     .arg(q.value().value(2).toLongLong());
    }
    return lines;
}

void seedLedgerA(TempStore &a)
{
    imported<LocationImporter>(a,
                               "Code,Name,Kind\nWH-EAST,East Coast Warehouse,warehouse\n"
                               "SOHO,\"SoHo, Flagship\",retail\nSHOW,Trade Show Case,trade_show\n",
                               QStringLiteral("locations.csv"));
    imported<ProductImporter>(
        a,
        "URL handle,Title,Vendor,Type,SKU,Barcode,Option1 name,Option1 value,Option2 name,"
        "Option2 value,Price,Continue selling when out of stock\n"
        "field-jacket,\"Field Jacket, \"\"Waxed\"\"\",Northwind,Outerwear,FJ-NAV-M,4001,Color,"
        "Navy,Size,M,189.00,DENY\n"
        "field-jacket,,,,FJ-NAV-L,4002,Color,Navy,Size,L,189.00,CONTINUE\n"
        "wool-cap,Wool Cap,Northwind,Accessories,CP-1,,,,,,39.5,\n"
        "empty-style,Not Yet Stocked,Northwind,Tops,,,,,,,,\n",
        QStringLiteral("products.csv"));
    // Stock with committed and damaged units, so on hand differs from available.
    const VariantId m = a.variant(QStringLiteral("FJ-NAV-M"));
    PostingRequest request = Ledgerdesk::Testing::adjustment(
        QStringLiteral("a1"), m, a.location(QStringLiteral("WH-EAST")), 20);
    request.lines.first().delta.set(QuantityName::Committed, 4);
    request.lines.first().delta.set(QuantityName::Damaged, 1);
    ASSERT_TRUE(a.ledger().post(request).ok());
    ASSERT_TRUE(a.ledger()
                    .post(Ledgerdesk::Testing::adjustment(QStringLiteral("a2"),
                                                          a.variant(QStringLiteral("CP-1")),
                                                          a.location(QStringLiteral("SOHO")),
                                                          7))
                    .ok());
}

} // namespace

TEST(ExportRoundTrip, exportFromOneLedgerImportIntoAnEmptyOne_keepsCatalogueAndOnHand)
{
    TempStore a;
    seedLedgerA(a);
    TempStore b;
    imported<LocationImporter>(b, exported<LocationExporter>(a), QStringLiteral("locations.csv"));
    imported<ProductImporter>(b, exported<ProductExporter>(a), QStringLiteral("products.csv"));
    const ImportReport stock = imported<InventoryImporter>(
        b, exported<InventoryExporter>(a, true), QStringLiteral("inventory.csv"));
    EXPECT_EQ(stock.postings, 2);
    const QStringList before = snapshot(a);
    EXPECT_EQ(snapshot(b), before);
    EXPECT_TRUE(before.contains(QStringLiteral("on_hand FJ-NAV-M@WH-EAST=25")));
    EXPECT_TRUE(
        before.contains(QStringLiteral("style empty-style|Not Yet Stocked|Northwind|Tops")));
    // Exporting B gives the same product file again.
    EXPECT_EQ(exported<ProductExporter>(b), exported<ProductExporter>(a));
}

TEST(ExportInventory, shopifyLayoutWithCurrentFilledAndNewEmpty)
{
    TempStore a;
    seedLedgerA(a);
    const QList<CsvRecord> rows = records(exported<InventoryExporter>(a, false));
    ASSERT_EQ(rows.first().fields, InventoryExporter::header());
    EXPECT_EQ(rows.first().fields.last(), QStringLiteral("On hand (new)"));
    ASSERT_EQ(rows.size(), 1 + 3 * 3); // three variants at three locations
    const int sku = 8;
    const int location = 11;
    bool sawStocked = false;
    for (const CsvRecord &row : rows.mid(1)) {
        EXPECT_TRUE(row.fields.last().isEmpty());
        if (row.fields[sku] == QLatin1String("FJ-NAV-M")
            && row.fields[location] == QLatin1String("East Coast Warehouse")) {
            sawStocked = true;
            EXPECT_EQ(row.fields.mid(13, 5),
                      (QStringList{QStringLiteral("0"),
                                   QStringLiteral("1"),
                                   QStringLiteral("4"),
                                   QStringLiteral("20"),
                                   QStringLiteral("25")}));
        }
        if (row.fields[sku] == QLatin1String("CP-1")
            && row.fields[location] == QLatin1String("Trade Show Case")) {
            EXPECT_EQ(row.fields[17], QStringLiteral("not stocked"));
        }
    }
    EXPECT_TRUE(sawStocked);
}

TEST(ExportProducts, currentHeaderWithProductColumnsOnTheFirstRow)
{
    TempStore a;
    seedLedgerA(a);
    const QList<CsvRecord> rows = records(exported<ProductExporter>(a));
    ASSERT_EQ(rows.first().fields, ProductExporter::header());
    EXPECT_EQ(rows.first().fields.mid(0, 2),
              (QStringList{QStringLiteral("Title"), QStringLiteral("URL handle")}));
    ASSERT_EQ(rows.size(), 5);
    // Styles come ordered by handle: empty-style, field-jacket (two rows), wool-cap.
    EXPECT_EQ(rows.at(1).fields[1], QStringLiteral("empty-style"));
    EXPECT_TRUE(rows.at(1).fields[9].isEmpty()) << "a style without variants has no SKU";
    EXPECT_EQ(rows.at(2).fields[0], QStringLiteral("Field Jacket, \"Waxed\""));
    EXPECT_EQ(rows.at(3).fields[0], QStringLiteral("")) << "title on a product's first row only";
    EXPECT_EQ(rows.at(3).fields[1], QStringLiteral("field-jacket"));
    EXPECT_EQ(rows.at(3).fields[20], QStringLiteral("189.00"));
}

TEST(ExportMovements, everyLineWithItsPosting)
{
    TempStore a;
    seedLedgerA(a);
    const QList<CsvRecord> rows = records(exported<MovementExporter>(a));
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[0].fields, MovementExporter::header());
    const QStringList first = rows[1].fields;
    EXPECT_EQ(first[4], QStringLiteral("a1"));
    EXPECT_EQ(first[7], QStringLiteral("FJ-NAV-M"));
    EXPECT_EQ(first[8], QStringLiteral("WH-EAST"));
    EXPECT_EQ(
        first.mid(9, 4),
        (QStringList{
            QStringLiteral("20"), QStringLiteral("4"), QStringLiteral("0"), QStringLiteral("1")}));
    EXPECT_TRUE(first[1].endsWith(u'Z'));
}
