#include "clirun.h"

#include <QProcess>
#include <QRegularExpression>

#include <gtest/gtest.h>

namespace {

using Ledgerdesk::Testing::CliRun;
using Ledgerdesk::Testing::runCli;

} // namespace

// A smoke run, not a timed test: both quote paths and both allocation paths run and report.
TEST(BenchPricingSmoke, quickRunPrintsQuoteLatencyAndTheAllocationRatio)
{
    const CliRun run = runCli({QStringLiteral("bench"),
                               QStringLiteral("pricing"),
                               QStringLiteral("--quick"),
                               QStringLiteral("--quotes"),
                               QStringLiteral("500")},
                              300000);
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
                               QStringLiteral("-4")},
                              300000);
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("--orders"))) << bad.err.toStdString();
}
