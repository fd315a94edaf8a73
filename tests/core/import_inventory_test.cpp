#include <core/importing/inventoryimporter.h>
#include <core/importing/locationimporter.h>
#include <core/importing/productimporter.h>
#include <core/store/sql.h>
#include <tests/support/tempstore.h>

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

const QByteArray kHeader
    = "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 "
      "Value,SKU,HS Code,COO,Location,Bin name,Incoming (not editable),Unavailable (not "
      "editable),Committed (not editable),Available (not editable),On hand (current),On hand "
      "(new)\n";

QByteArray row(const char *sku, const char *location, const char *onHandNew)
{
    return QByteArray("tee,Tee,Size,S,,,,,") + sku + ",,," + location + ",,0,0,0,0,0," + onHandNew
           + "\n";
}

class InventoryImport : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_FALSE(importWith<LocationImporter>(QStringLiteral("locations.csv"),
                                                  "Code,Name,Kind\nWH-EAST,East Coast "
                                                  "Warehouse,warehouse\nSTORE-SOHO,SoHo,retail\n")
                         .hasIssues());
        ASSERT_FALSE(importWith<ProductImporter>(QStringLiteral("products.csv"),
                                                 "URL handle,Title,SKU\ntee,Tee,T-S\ntee,,T-M\n")
                         .hasIssues());
        tS = t.variant(QStringLiteral("T-S"));
        tM = t.variant(QStringLiteral("T-M"));
        east = t.location(QStringLiteral("WH-EAST"));
        soho = t.location(QStringLiteral("STORE-SOHO"));
    }

    template <typename Importer>
    ImportReport
    importWith(const QString &name, const QByteArray &content, ImportOptions options = {})
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        auto report = Importer(t.store()).importFile(path, options);
        EXPECT_TRUE(report.ok()) << report.error().message.toStdString();
        return report.ok() ? report.value() : ImportReport{};
    }

    ImportReport inventory(const QByteArray &rows, ImportOptions options = {})
    {
        return importWith<InventoryImporter>(
            QStringLiteral("inventory.csv"), kHeader + rows, options);
    }

    qint64 movements()
    {
        auto q = runQuery(t.store().connection(), QStringLiteral("SELECT COUNT(*) FROM movements"));
        return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
    }

    Quantities balance(VariantId v, LocationId l) { return t.ledger().balance(v, l).value(); }

    QTemporaryDir dir;
    TempStore t;
    VariantId tS = 0;
    VariantId tM = 0;
    LocationId east = 0;
    LocationId soho = 0;
};

} // namespace

TEST_F(InventoryImport, onHandNew_isAppliedAsCountPostingsByLocationNameOrCode)
{
    const ImportReport r
        = inventory(row("T-S", "East Coast Warehouse", "12") + row("T-M", "STORE-SOHO", "3"));
    EXPECT_FALSE(r.hasIssues()) << r.issues.value(0).toString().toStdString();
    EXPECT_EQ(r.rowsApplied, 2);
    EXPECT_EQ(r.postings, 2);
    EXPECT_EQ(balance(tS, east).onHand(), 12);
    EXPECT_EQ(balance(tS, east).available(), 12);
    EXPECT_EQ(balance(tM, soho).onHand(), 3);
    auto q = runQuery(t.store().connection(),
                      QStringLiteral("SELECT source, reason, actor FROM postings ORDER BY id"));
    ASSERT_TRUE(q.ok());
    ASSERT_TRUE(q.value().next());
    EXPECT_EQ(q.value().value(0).toString(), QStringLiteral("csv:inventory.csv"));
    EXPECT_EQ(q.value().value(1).toString(), QStringLiteral("count"));
    EXPECT_EQ(q.value().value(2).toString(), QStringLiteral("import"));
}

TEST_F(InventoryImport, availableAbsorbsTheDifferenceAndCommittedStays)
{
    PostingRequest sale = Ledgerdesk::Testing::adjustment(QStringLiteral("seed"), tS, east, 10);
    sale.lines.first().delta.set(QuantityName::Committed, 3);
    ASSERT_TRUE(t.ledger().post(sale).ok()); // available 10, committed 3, on hand 13
    const ImportReport r = inventory(row("T-S", "WH-EAST", "8"));
    EXPECT_FALSE(r.hasIssues()) << r.issues.value(0).toString().toStdString();
    EXPECT_EQ(balance(tS, east).onHand(), 8);
    EXPECT_EQ(balance(tS, east).committed(), 3);
    EXPECT_EQ(balance(tS, east).available(), 5);
}

TEST_F(InventoryImport, onHandBelowCommitted_isARowErrorAndNothingApplies)
{
    PostingRequest sale = Ledgerdesk::Testing::adjustment(QStringLiteral("seed"), tS, east, 2);
    sale.lines.first().delta.set(QuantityName::Committed, 3);
    ASSERT_TRUE(t.ledger().post(sale).ok());
    const ImportReport r = inventory(row("T-M", "WH-EAST", "4") + row("T-S", "WH-EAST", "1"));
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_EQ(r.issues[0].line, 3);
    EXPECT_EQ(r.issues[0].field, QStringLiteral("On hand (new)"));
    EXPECT_TRUE(r.issues[0].reason.contains(QStringLiteral("available at -2")))
        << r.issues[0].reason.toStdString();
    EXPECT_FALSE(r.written);
    EXPECT_EQ(balance(tM, east).onHand(), 0) << "all or nothing";
    EXPECT_EQ(movements(), 1);
}

TEST_F(InventoryImport, negativeOrZeroOnHand_isAllowedOnlyWhileAvailableStaysAtOrAboveZero)
{
    inventory(row("T-S", "WH-EAST", "5"));
    const ImportReport zero = importWith<InventoryImporter>(QStringLiteral("zero.csv"),
                                                            kHeader + row("T-S", "WH-EAST", "0"));
    EXPECT_FALSE(zero.hasIssues());
    EXPECT_EQ(balance(tS, east).onHand(), 0);
    const ImportReport negative = importWith<InventoryImporter>(
        QStringLiteral("negative.csv"), kHeader + row("T-S", "WH-EAST", "-1"));
    ASSERT_EQ(negative.issues.size(), 1);
    EXPECT_EQ(balance(tS, east).onHand(), 0);
}

TEST_F(InventoryImport, emptyAndNotStockedCells_areSkipped)
{
    const ImportReport r
        = inventory(row("T-S", "WH-EAST", "") + row("T-M", "WH-EAST", "not stocked")
                    + row("NOPE", "Nowhere", "Not Stocked"));
    EXPECT_FALSE(r.hasIssues());
    EXPECT_EQ(r.rowsUnchanged, 3);
    EXPECT_EQ(r.postings, 0);
    EXPECT_EQ(movements(), 0);
}

TEST_F(InventoryImport, sameFileAgain_changesNothing)
{
    const QByteArray rows = row("T-S", "WH-EAST", "7") + row("T-M", "WH-EAST", "2");
    EXPECT_EQ(inventory(rows).postings, 2);
    // Stock moves between the two imports; the repeat must not reset it.
    ASSERT_TRUE(t.ledger()
                    .post(Ledgerdesk::Testing::adjustment(QStringLiteral("sale"), tS, east, -1))
                    .ok());
    const ImportReport again = inventory(rows);
    EXPECT_FALSE(again.hasIssues()) << again.issues.value(0).toString().toStdString();
    EXPECT_EQ(again.postings, 0);
    EXPECT_EQ(again.rowsAlreadyImported, 2);
    EXPECT_EQ(balance(tS, east).onHand(), 6);
    EXPECT_EQ(movements(), 3);
    // A new count (different content) under the same file name applies.
    EXPECT_EQ(inventory(row("T-S", "WH-EAST", "9")).postings, 1);
    EXPECT_EQ(balance(tS, east).onHand(), 9);
}

TEST_F(InventoryImport, unchangedValue_postsNothing)
{
    inventory(row("T-S", "WH-EAST", "4"));
    const ImportReport r = importWith<InventoryImporter>(QStringLiteral("other.csv"),
                                                         kHeader + row("T-S", "WH-EAST", "4"));
    EXPECT_EQ(r.rowsUnchanged, 1);
    EXPECT_EQ(r.postings, 0);
}

TEST_F(InventoryImport, badCells_eachGetTheirLineAndReason)
{
    const ImportReport r = inventory(row("T-S", "WH-EAST", "3.5") + row("T-S", "WH-EAST", "abc")
                                     + row("T-S", "WH-EAST", "1e3") + row("GHOST", "WH-EAST", "1")
                                     + row("T-S", "Atlantis", "1") + row("", "WH-EAST", "1")
                                     + row("T-M", "WH-EAST", "99999999999"));
    ASSERT_EQ(r.issues.size(), 7);
    EXPECT_EQ(r.rowsSkipped, 7);
    EXPECT_TRUE(r.issues[0].reason.contains(QStringLiteral("no decimals")));
    EXPECT_EQ(r.issues[0].line, 2);
    EXPECT_TRUE(r.issues[1].reason.contains(QStringLiteral("not a quantity")));
    EXPECT_TRUE(r.issues[2].reason.contains(QStringLiteral("not a quantity")));
    EXPECT_EQ(r.issues[3].field, QStringLiteral("SKU"));
    EXPECT_TRUE(r.issues[3].reason.contains(QStringLiteral("unknown SKU \"GHOST\"")));
    EXPECT_EQ(r.issues[4].field, QStringLiteral("Location"));
    EXPECT_TRUE(r.issues[4].reason.contains(QStringLiteral("Atlantis")));
    EXPECT_EQ(r.issues[5].field, QStringLiteral("SKU"));
    EXPECT_EQ(r.issues[6].line, 8);
    EXPECT_EQ(movements(), 0);
}

TEST_F(InventoryImport, applyValidRows_appliesTheGoodRowsAndReportsTheBad)
{
    ImportOptions options;
    options.applyValidRows = true;
    const ImportReport r = inventory(row("T-S", "WH-EAST", "5") + row("GHOST", "WH-EAST", "1")
                                         + row("T-M", "WH-EAST", "x"),
                                     options);
    EXPECT_EQ(r.issues.size(), 2);
    EXPECT_TRUE(r.written);
    EXPECT_EQ(r.postings, 1);
    EXPECT_EQ(balance(tS, east).onHand(), 5);
}

TEST_F(InventoryImport, unknownLocation_isCreatedWhenAllowed)
{
    ImportOptions options;
    options.createLocations = true;
    const ImportReport r
        = inventory(row("T-S", "Reno 3PL", "4") + row("T-M", "Reno 3PL", "6"), options);
    EXPECT_FALSE(r.hasIssues());
    EXPECT_EQ(r.locationsCreated, 1);
    const auto reno = t.catalog().locationByCodeOrName(QStringLiteral("RENO-3PL")).value();
    ASSERT_TRUE(reno);
    EXPECT_EQ(reno->name, QStringLiteral("Reno 3PL"));
    EXPECT_EQ(reno->kind, LocationKind::Warehouse);
    EXPECT_EQ(balance(tM, reno->id).onHand(), 6);
}

TEST_F(InventoryImport, rowsForTheSameCell_applyInOrder)
{
    const ImportReport r = inventory(row("T-S", "WH-EAST", "5") + row("T-S", "WH-EAST", "2"));
    EXPECT_EQ(r.postings, 2);
    EXPECT_EQ(balance(tS, east).onHand(), 2);
}

TEST_F(InventoryImport, dryRun_validatesAgainstTheLedgerButWritesNothing)
{
    ImportOptions options;
    options.dryRun = true;
    options.createLocations = true;
    const ImportReport r
        = inventory(row("T-S", "WH-EAST", "5") + row("T-M", "Depot", "1"), options);
    EXPECT_FALSE(r.hasIssues());
    EXPECT_EQ(r.rowsApplied, 2);
    EXPECT_EQ(r.locationsCreated, 1);
    EXPECT_FALSE(r.written);
    EXPECT_EQ(movements(), 0);
    EXPECT_FALSE(t.catalog().locationByCodeOrName(QStringLiteral("Depot")).value());
}

TEST_F(InventoryImport, missingOnHandNewColumn_isAFileError)
{
    const ImportReport r = importWith<InventoryImporter>(
        QStringLiteral("old.csv"), "Handle,SKU,Location,Available\ntee,T-S,WH-EAST,4\n");
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_TRUE(r.fileError);
    EXPECT_TRUE(r.issues[0].reason.contains(QStringLiteral("On hand (new)")));
}
