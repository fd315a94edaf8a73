#include <tests/cli/clirunner.h>

#include <QRandomGenerator>

#include <gtest/gtest.h>

using Ledgerdesk::Testing::CliResult;
using Ledgerdesk::Testing::CliRunner;
using Ledgerdesk::Testing::kInventoryHeader;

namespace {

QByteArray stockRow(const char *sku, const char *location, const char *onHand)
{
    return QByteArray("rib-tee,Rib Tee,,,,,,,") + sku + ",,," + location + ",,,,,,," + onHand
           + "\n";
}

// On hand of one SKU at one location, read back through the CLI's JSON.
QString onHandText(const CliRunner &cli, const char *sku, const char *location)
{
    const CliResult r = cli.run({QStringLiteral("availability"),
                                 QStringLiteral("--sku"),
                                 QString::fromLatin1(sku),
                                 QStringLiteral("--location"),
                                 QString::fromLatin1(location),
                                 QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const qsizetype at = r.out.indexOf(QStringLiteral("\"on_hand\": "));
    return at < 0 ? QStringLiteral("none") : r.out.mid(at + 11).section(u',', 0, 0).trimmed();
}

class CliImport : public ::testing::Test
{
protected:
    void SetUp() override { cli.seedShop(); }

    CliResult importInventory(const QByteArray &rows, QStringList extra = {})
    {
        return cli.run(QStringList{QStringLiteral("import"),
                                   QStringLiteral("inventory"),
                                   cli.write(QStringLiteral("inventory.csv"),
                                             QByteArray(kInventoryHeader) + rows)}
                       + extra);
    }

    CliRunner cli;
};

} // namespace

TEST_F(CliImport, goodFile_exitsZeroWithASummaryOnStdout)
{
    const CliResult r = importInventory(stockRow("RT-NAV-S", "WH-EAST", "12")
                                        + stockRow("RT-NAV-M", "SoHo Flagship", "3"));
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("2 rows read, 2 applied"))) << r.out.toStdString();
    EXPECT_EQ(onHandText(cli, "RT-NAV-S", "WH-EAST"), QStringLiteral("12"));
    EXPECT_EQ(onHandText(cli, "RT-NAV-M", "SOHO"), QStringLiteral("3"));
    const CliResult again = importInventory(stockRow("RT-NAV-S", "WH-EAST", "12")
                                            + stockRow("RT-NAV-M", "SoHo Flagship", "3"));
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.out.contains(QStringLiteral("2 already imported")))
        << again.out.toStdString();
}

TEST_F(CliImport, badRows_areReportedAsFileLineReasonAndNothingIsApplied)
{
    const CliResult r
        = importInventory(stockRow("RT-NAV-S", "WH-EAST", "5") + stockRow("NO-SUCH", "WH-EAST", "1")
                          + stockRow("RT-NAV-M", "WH-EAST", "2.5"));
    EXPECT_EQ(r.exitCode, 1);
    const QString file = cli.path(QStringLiteral("inventory.csv"));
    EXPECT_TRUE(r.err.contains(file + QStringLiteral(":3: SKU: unknown SKU \"NO-SUCH\"")))
        << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(file + QStringLiteral(":4: On hand (new): \"2.5\" is not a whole")))
        << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("nothing was changed"))) << r.out.toStdString();
    EXPECT_EQ(onHandText(cli, "RT-NAV-S", "WH-EAST"), QStringLiteral("none"));
}

TEST_F(CliImport, applyValidRows_appliesTheRestButStillExitsOne)
{
    const CliResult r = importInventory(stockRow("RT-NAV-S", "WH-EAST", "5")
                                            + stockRow("NO-SUCH", "WH-EAST", "1"),
                                        {QStringLiteral("--apply-valid-rows")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral(":3: SKU: unknown SKU")));
    EXPECT_EQ(onHandText(cli, "RT-NAV-S", "WH-EAST"), QStringLiteral("5"));
}

TEST_F(CliImport, unknownLocation_failsUnlessCreatingLocations)
{
    const QByteArray rows = stockRow("RT-NAV-S", "Reno 3PL", "4");
    const CliResult refused = importInventory(rows);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral(":2: Location: unknown location \"Reno 3PL\"")))
        << refused.err.toStdString();
    const CliResult created = importInventory(rows, {QStringLiteral("--create-locations")});
    EXPECT_EQ(created.exitCode, 0) << created.err.toStdString();
    EXPECT_EQ(onHandText(cli, "RT-NAV-S", "RENO-3PL"), QStringLiteral("4"));
}

TEST_F(CliImport, dryRun_reportsButChangesNothing)
{
    const CliResult r
        = importInventory(stockRow("RT-NAV-S", "WH-EAST", "5"), {QStringLiteral("--dry-run")});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(QStringLiteral("1 would apply"))) << r.out.toStdString();
    EXPECT_EQ(onHandText(cli, "RT-NAV-S", "WH-EAST"), QStringLiteral("none"));
}

TEST_F(CliImport, malformedFiles_exitOneWithTheirReason)
{
    const QString empty = cli.write(QStringLiteral("empty.csv"), QByteArray());
    CliResult r = cli.run({QStringLiteral("import"), QStringLiteral("products"), empty});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.startsWith(empty + QStringLiteral(": the file is empty")))
        << r.err.toStdString();

    const QString wrong
        = cli.write(QStringLiteral("wrong.csv"), "Name,Email\nAda,ada@example.com\n");
    r = cli.run({QStringLiteral("import"), QStringLiteral("inventory"), wrong});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.startsWith(
        wrong
        + QStringLiteral(":1: the header lacks required column(s): SKU, Location, On hand (new)")))
        << r.err.toStdString();

    QByteArray noise("Code,Name\n");
    QRandomGenerator rng(99);
    for (int i = 0; i < 2048; ++i) {
        noise += static_cast<char>(rng.bounded(256));
    }
    const QString binary = cli.write(QStringLiteral("binary.csv"), noise);
    r = cli.run({QStringLiteral("import"), QStringLiteral("locations"), binary});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.startsWith(binary + u':')) << r.err.toStdString();

    const QString quote = cli.write(QStringLiteral("quote.csv"), "Code,Name\nA,\"Alpha\nB,Beta\n");
    r = cli.run({QStringLiteral("import"), QStringLiteral("locations"), quote});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.startsWith(quote + QStringLiteral(":2: a quoted field")))
        << r.err.toStdString();

    const QString headerOnly = cli.write(QStringLiteral("header.csv"), "Code,Name,Kind\n");
    r = cli.run({QStringLiteral("import"), QStringLiteral("locations"), headerOnly});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("0 rows read")));
}

TEST_F(CliImport, productAndLocationRowErrors_carryTheirLines)
{
    const QString products
        = cli.write(QStringLiteral("p.csv"),
                    "Handle,Title,Variant SKU,Variant Price\nx,X,X-1,1\ny,Y,Y-1,cheap\n");
    CliResult r = cli.run({QStringLiteral("import"), QStringLiteral("products"), products});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(
        r.err.startsWith(products + QStringLiteral(":3: Variant Price: \"cheap\" is not a price")))
        << r.err.toStdString();
    const QString locations = cli.write(QStringLiteral("l.csv"), "Code,Name,Kind\nZ,Zed,moon\n");
    r = cli.run({QStringLiteral("import"), QStringLiteral("locations"), locations});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.startsWith(locations + QStringLiteral(":2: Kind: kind \"moon\"")))
        << r.err.toStdString();
}

TEST_F(CliImport, usageErrors_exitTwo)
{
    const QString good = cli.write(QStringLiteral("p.csv"), "Handle,Title,SKU\nx,X,X-1\n");
    EXPECT_EQ(cli.run({QStringLiteral("import")}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("import"), QStringLiteral("widgets"), good}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("import"), QStringLiteral("products")}).exitCode, 2);
    const CliResult missing = cli.run({QStringLiteral("import"),
                                       QStringLiteral("products"),
                                       cli.path(QStringLiteral("nope.csv"))});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("no such file")));
    EXPECT_EQ(cli.run({QStringLiteral("import"),
                       QStringLiteral("products"),
                       good,
                       QStringLiteral("--currency"),
                       QStringLiteral("dollars")})
                  .exitCode,
              2);
    EXPECT_EQ(cli.run({QStringLiteral("import"),
                       QStringLiteral("products"),
                       good,
                       QStringLiteral("--bogus")})
                  .exitCode,
              2);
}

TEST_F(CliImport, unusableLedger_exitsThree)
{
    const QString good = cli.write(QStringLiteral("p.csv"), "Handle,Title,SKU\nx,X,X-1\n");
    const CliResult none = cli.runOn(cli.path(QStringLiteral("absent.db")),
                                     {QStringLiteral("import"), QStringLiteral("products"), good});
    EXPECT_EQ(none.exitCode, 3);
    EXPECT_TRUE(none.err.contains(QStringLiteral("no ledger at")));
    const QString notALedger = cli.write(QStringLiteral("garbage.db"), QByteArray(4096, 'x'));
    EXPECT_EQ(cli.runOn(notALedger, {QStringLiteral("import"), QStringLiteral("products"), good})
                  .exitCode,
              3);
}
