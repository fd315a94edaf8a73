#include <tests/cli/clirunner.h>

#include <gtest/gtest.h>

using Ledgerdesk::Testing::CliResult;
using Ledgerdesk::Testing::CliRunner;
using Ledgerdesk::Testing::kInventoryHeader;

namespace {

QStringList lines(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}

} // namespace

TEST(CliExport, roundTripThroughFiles_givesTheSameLedger)
{
    CliRunner a;
    a.seedShop();
    ASSERT_EQ(a.run({QStringLiteral("post"),
                     QStringLiteral("--sku"),
                     QStringLiteral("RT-NAV-M"),
                     QStringLiteral("--location"),
                     QStringLiteral("SOHO"),
                     QStringLiteral("--delta"),
                     QStringLiteral("available=9"),
                     QStringLiteral("--delta"),
                     QStringLiteral("committed=2")})
                  .exitCode,
              0);
    for (const char *kind : {"locations", "products", "inventory", "movements"}) {
        const CliResult r = a.run({QStringLiteral("export"),
                                   QString::fromLatin1(kind),
                                   QStringLiteral("--fill-on-hand-new"),
                                   QStringLiteral("--output"),
                                   a.path(QString::fromLatin1(kind) + QStringLiteral(".csv"))});
        ASSERT_EQ(r.exitCode, 0) << kind << r.err.toStdString();
        EXPECT_TRUE(r.out.startsWith(QStringLiteral("wrote "))) << r.out.toStdString();
    }
    const QStringList movements = lines(a.read(QStringLiteral("movements.csv")));
    ASSERT_EQ(movements.size(), 2);
    EXPECT_TRUE(movements[1].contains(QStringLiteral(",RT-NAV-M,SOHO,9,2,")))
        << movements[1].toStdString();

    CliRunner b;
    ASSERT_EQ(b.run({QStringLiteral("init")}).exitCode, 0);
    for (const char *kind : {"locations", "products", "inventory"}) {
        const CliResult r = b.run({QStringLiteral("import"),
                                   QString::fromLatin1(kind),
                                   a.path(QString::fromLatin1(kind) + QStringLiteral(".csv"))});
        ASSERT_EQ(r.exitCode, 0) << kind << r.err.toStdString();
    }
    const CliResult productsA = a.run({QStringLiteral("export"), QStringLiteral("products")});
    const CliResult productsB = b.run({QStringLiteral("export"), QStringLiteral("products")});
    EXPECT_EQ(productsA.out, productsB.out);
    EXPECT_EQ(productsA.out.toUtf8(), a.read(QStringLiteral("products.csv")))
        << "stdout and --output write the same bytes";
    const CliResult locationsB = b.run({QStringLiteral("export"), QStringLiteral("locations")});
    EXPECT_EQ(locationsB.out.toUtf8(), a.read(QStringLiteral("locations.csv")));
    // B holds the 11 units as available: on hand survives, the commitment was A's business.
    const CliResult stockB = b.run({QStringLiteral("availability"), QStringLiteral("--json")});
    EXPECT_TRUE(stockB.out.contains(QStringLiteral("\"on_hand\": 11"))) << stockB.out.toStdString();
}

TEST(CliExport, inventoryLeavesOnHandNewEmptyByDefault)
{
    CliRunner cli;
    cli.seedShop();
    const CliResult r = cli.run({QStringLiteral("export"), QStringLiteral("inventory")});
    ASSERT_EQ(r.exitCode, 0);
    const QStringList rows = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(rows.size(), 1 + 3 * 2);
    EXPECT_EQ(rows[0] + u'\n', QString::fromLatin1(kInventoryHeader));
    for (const QString &row : rows.mid(1)) {
        EXPECT_TRUE(row.endsWith(QStringLiteral("not stocked,"))) << row.toStdString();
    }
}

TEST(CliExport, badArguments_exitTwoAndUnwritableOutputExitsOne)
{
    CliRunner cli;
    cli.seedShop();
    EXPECT_EQ(cli.run({QStringLiteral("export")}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("export"), QStringLiteral("orders")}).exitCode, 2);
    const CliResult r = cli.run({QStringLiteral("export"),
                                 QStringLiteral("products"),
                                 QStringLiteral("--output"),
                                 cli.path(QStringLiteral("no/such/dir/p.csv"))});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("cannot write")));
}
