#include <core/importing/inventoryimporter.h>
#include <core/importing/locationimporter.h>
#include <core/importing/productimporter.h>
#include <tests/support/tempstore.h>

#include <QBuffer>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

template <typename Importer>
ImportReport importBytes(TempStore &t, QByteArray bytes, ImportOptions options = {})
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    auto report = Importer(t.store()).importDevice(buffer, QStringLiteral("in.csv"), options);
    EXPECT_TRUE(report.ok()) << report.error().message.toStdString();
    return report.ok() ? report.value() : ImportReport{};
}

qint64 locationCount(TempStore &t)
{
    return t.catalog().locations().value().size();
}

} // namespace

TEST(LocationImport, codesNamesAndKinds_areStored)
{
    TempStore t;
    const ImportReport r = importBytes<LocationImporter>(
        t,
        "Code,Name,Kind\nWH-EAST,East Coast Warehouse,warehouse\nSOHO,SoHo Flagship,Retail\n"
        "RENO,Reno 3PL,3pl\nCASE,Trade Show Case,trade_show\nSPARE,Spare Room,\n");
    EXPECT_FALSE(r.hasIssues()) << r.issues.value(0).toString().toStdString();
    EXPECT_EQ(r.locationsCreated, 5);
    const auto soho = t.catalog().locationByCodeOrName(QStringLiteral("SOHO")).value();
    ASSERT_TRUE(soho);
    EXPECT_EQ(soho->kind, LocationKind::Retail);
    EXPECT_EQ(t.catalog().locationByCodeOrName(QStringLiteral("RENO")).value()->kind,
              LocationKind::ThirdPartyLogistics);
    EXPECT_EQ(t.catalog().locationByCodeOrName(QStringLiteral("SPARE")).value()->kind,
              LocationKind::Warehouse);
    const ImportReport again
        = importBytes<LocationImporter>(t, "Code,Name,Kind\nSOHO,SoHo Flagship Store,retail\n");
    EXPECT_EQ(again.locationsUpdated, 1);
    EXPECT_EQ(locationCount(t), 5);
}

TEST(LocationImport, badRows_areReportedAndNothingIsStored)
{
    TempStore t;
    importBytes<LocationImporter>(t, "Code,Name\nWH-EAST,East\n");
    const ImportReport r = importBytes<LocationImporter>(t,
                                                         "Code,Name,Kind\n"
                                                         "A,Alpha,warehouse\n"
                                                         "B,Beta,castle\n"
                                                         "A,Another,retail\n"
                                                         ",Nameless,retail\n"
                                                         "C,,retail\n"
                                                         "D,East,retail\n"
                                                         "E F,Spaced,retail\n");
    ASSERT_EQ(r.issues.size(), 6);
    EXPECT_EQ(r.issues[0].line, 3);
    EXPECT_EQ(r.issues[0].field, QStringLiteral("Kind"));
    EXPECT_EQ(r.issues[1].line, 4);
    EXPECT_TRUE(r.issues[1].reason.contains(QStringLiteral("line 2")));
    EXPECT_EQ(r.issues[4].line, 7);
    EXPECT_TRUE(r.issues[4].reason.contains(QStringLiteral("WH-EAST")));
    EXPECT_EQ(locationCount(t), 1);
}

TEST(ImportMalformedFiles, emptyFile_isOneFileIssue)
{
    TempStore t;
    for (const QByteArray &bytes : {QByteArray(), QByteArray("\n\n"), QByteArray("\xEF\xBB\xBF")}) {
        const ImportReport r = importBytes<ProductImporter>(t, bytes);
        ASSERT_EQ(r.issues.size(), 1);
        EXPECT_TRUE(r.fileError);
        EXPECT_TRUE(r.issues[0].reason.contains(QStringLiteral("empty")));
        EXPECT_EQ(r.issues[0].toString(), QStringLiteral("in.csv: ") + r.issues[0].reason);
    }
}

TEST(ImportMalformedFiles, headerOnly_importsNothingWithoutComplaint)
{
    TempStore t;
    const ImportReport r = importBytes<InventoryImporter>(
        t, "Handle,SKU,Location,On hand (current),On hand (new)\r\n");
    EXPECT_FALSE(r.hasIssues());
    EXPECT_EQ(r.rowsRead, 0);
    EXPECT_EQ(r.postings, 0);
}

TEST(ImportMalformedFiles, wrongHeader_namesTheMissingColumns)
{
    TempStore t;
    const ImportReport r
        = importBytes<InventoryImporter>(t, "Name,Email,Phone\nAda,ada@example.com,555\n");
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_EQ(r.issues[0].line, 1);
    for (const char *column : {"SKU", "Location", "On hand (new)"}) {
        EXPECT_TRUE(r.issues[0].reason.contains(QLatin1String(column))) << column;
    }
    const ImportReport locations = importBytes<LocationImporter>(t, "Name,Kind\nX,retail\n");
    ASSERT_EQ(locations.issues.size(), 1);
    EXPECT_TRUE(locations.issues[0].reason.contains(QStringLiteral("Code")));
    EXPECT_EQ(locationCount(t), 0);
}

TEST(ImportMalformedFiles, binaryGarbage_isRejectedWithALine)
{
    TempStore t;
    QByteArray garbage("URL handle,Title,SKU\n");
    QRandomGenerator rng(7);
    for (int i = 0; i < 4096; ++i) {
        garbage += static_cast<char>(rng.bounded(256));
    }
    const ImportReport r = importBytes<ProductImporter>(t, garbage);
    ASSERT_FALSE(r.issues.isEmpty());
    EXPECT_TRUE(r.fileError);
    EXPECT_GE(r.issues[0].line, 2);
    EXPECT_TRUE(t.catalog().styles().value().isEmpty());
    const ImportReport png
        = importBytes<LocationImporter>(t, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    ASSERT_EQ(png.issues.size(), 1);
    EXPECT_EQ(png.issues[0].line, 1);
}

TEST(ImportMalformedFiles, unterminatedQuote_failsTheFile)
{
    TempStore t;
    ImportOptions options;
    options.applyValidRows = true;
    const ImportReport r = importBytes<ProductImporter>(
        t, "URL handle,Title,SKU\na,A,A-1\nb,\"B,B-1\nc,C,C-1\n", options);
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_EQ(r.issues[0].line, 3);
    EXPECT_TRUE(r.fileError);
    EXPECT_TRUE(t.catalog().styles().value().isEmpty()) << "even with applyValidRows";
}

TEST(ImportMalformedFiles, rowWithMoreFieldsThanTheHeader_isARowError)
{
    TempStore t;
    const ImportReport r
        = importBytes<LocationImporter>(t, "Code,Name\nA,Alpha\nB,Beta,extra\nC,Gamma,,\n");
    ASSERT_EQ(r.issues.size(), 1);
    EXPECT_EQ(r.issues[0].line, 3);
    EXPECT_EQ(locationCount(t), 0);
}

TEST(ImportMalformedFiles, blankSeparatorRows_areIgnored)
{
    TempStore t;
    const ImportReport r = importBytes<LocationImporter>(t, "Code,Name\nA,Alpha\n,\n\nB,Beta\n");
    EXPECT_FALSE(r.hasIssues());
    EXPECT_EQ(r.rowsRead, 2);
    EXPECT_EQ(locationCount(t), 2);
}
