#include <tests/cli/clirunner.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using Ledgerdesk::Testing::CliResult;
using Ledgerdesk::Testing::CliRunner;

TEST(CliDemo, fillsANewLedgerThroughTheImporters)
{
    CliRunner cli;
    // The folder exists but the ledger file does not: how the developer script calls it.
    ASSERT_FALSE(QFileInfo::exists(cli.ledger()));
    const CliResult r
        = cli.run({QStringLiteral("demo"), QStringLiteral("--styles"), QStringLiteral("24")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("24 styles"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("5 locations")));
    const CliResult verify = cli.run({QStringLiteral("ledger"), QStringLiteral("verify")});
    EXPECT_EQ(verify.exitCode, 0) << verify.out.toStdString();
    const CliResult stock = cli.run({QStringLiteral("availability"),
                                     QStringLiteral("--json"),
                                     QStringLiteral("--location"),
                                     QStringLiteral("WH-EAST")});
    const QJsonArray rows = QJsonDocument::fromJson(stock.out.toUtf8()).array();
    EXPECT_GT(rows.size(), 50);
    // Every stock count went through the inventory CSV import.
    const CliResult movements = cli.run({QStringLiteral("export"), QStringLiteral("movements")});
    EXPECT_TRUE(movements.out.contains(QStringLiteral(",csv:inventory.csv,")));
    EXPECT_TRUE(movements.out.contains(QStringLiteral(",count,demo,")));
}

TEST(CliDemo, sameSeed_givesTheSameBusiness)
{
    CliRunner one;
    CliRunner two;
    const QStringList args{QStringLiteral("demo"),
                           QStringLiteral("--styles"),
                           QStringLiteral("6"),
                           QStringLiteral("--seed"),
                           QStringLiteral("42")};
    ASSERT_EQ(one.run(args).exitCode, 0);
    ASSERT_EQ(two.run(args).exitCode, 0);
    const QStringList inventory{QStringLiteral("export"), QStringLiteral("inventory")};
    EXPECT_EQ(one.run(inventory).out, two.run(inventory).out);
}

TEST(CliDemo, refusesALedgerThatHasProducts)
{
    CliRunner cli;
    cli.seedShop();
    const CliResult r = cli.run({QStringLiteral("demo")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("already has products (1 styles)")))
        << r.err.toStdString();
    EXPECT_EQ(
        cli.run({QStringLiteral("demo"), QStringLiteral("--styles"), QStringLiteral("0")}).exitCode,
        2);
    EXPECT_EQ(
        cli.run({QStringLiteral("demo"), QStringLiteral("--seed"), QStringLiteral("x")}).exitCode,
        2);
}

TEST(CliDemo, createsTheLedgerFolderWhenMissing)
{
    CliRunner cli;
    const QString nested = cli.path(QStringLiteral("a/b/ledger.db"));
    const CliResult r = cli.runOn(
        nested, {QStringLiteral("demo"), QStringLiteral("--styles"), QStringLiteral("2")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(QFileInfo::exists(nested));
}
