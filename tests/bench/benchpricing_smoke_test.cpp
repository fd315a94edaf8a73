#include <QProcess>
#include <QRegularExpression>

#include <gtest/gtest.h>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList &arguments)
{
    QProcess cli;
    cli.start(QStringLiteral(LEDGERDESK_CLI), arguments);
    CliRun run;
    if (!cli.waitForFinished(300000)) {
        cli.kill();
        cli.waitForFinished();
        return run;
    }
    run.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    run.out = QString::fromUtf8(cli.readAllStandardOutput());
    run.err = QString::fromUtf8(cli.readAllStandardError());
    return run;
}

} // namespace

// A smoke run, not a timed test: both quote paths and both allocation paths run and report.
TEST(BenchPricingSmoke, quickRunPrintsQuoteLatencyAndTheAllocationRatio)
{
    const CliRun run = runCli({QStringLiteral("bench"),
                               QStringLiteral("pricing"),
                               QStringLiteral("--quick"),
                               QStringLiteral("--quotes"),
                               QStringLiteral("500")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString() << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("(500 quotes)"))) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("quote, PriceBook::quote")));
    EXPECT_TRUE(run.out.contains(QStringLiteral("100 orders through OrderAllocator")));
    const QRegularExpression ratio(QStringLiteral("ratio to raw ledger posting (\\d+\\.\\d+)"));
    const auto match = ratio.match(run.out);
    ASSERT_TRUE(match.hasMatch()) << run.out.toStdString();
    EXPECT_GT(match.captured(1).toDouble(), 0.0);

    const CliRun bad = runCli({QStringLiteral("bench"),
                               QStringLiteral("pricing"),
                               QStringLiteral("--orders"),
                               QStringLiteral("-4")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("--orders"))) << bad.err.toStdString();
}
