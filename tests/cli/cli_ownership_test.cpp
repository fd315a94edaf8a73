#include <tests/cli/clirunner.h>

#include <gtest/gtest.h>

using Ledgerdesk::Testing::CliResult;
using Ledgerdesk::Testing::CliRunner;

TEST(CliOwnership, listsTheDefaults_andAChangeIsKept)
{
    CliRunner cli;
    ASSERT_EQ(cli.run({QStringLiteral("init")}).exitCode, 0);
    const CliResult listed = cli.run({QStringLiteral("ownership"), QStringLiteral("list")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    EXPECT_TRUE(listed.out.contains(QStringLiteral("on_hand    wms")));
    EXPECT_TRUE(listed.out.contains(QStringLiteral("price      erp")));
    const CliResult set = cli.run({QStringLiteral("ownership"),
                                   QStringLiteral("set"),
                                   QStringLiteral("on_hand"),
                                   QStringLiteral("erp")});
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    EXPECT_TRUE(cli.run({QStringLiteral("ownership"), QStringLiteral("list")})
                    .out.contains(QStringLiteral("on_hand    erp")));
}

TEST(CliOwnership, badRequestsAreRefused)
{
    CliRunner cli;
    ASSERT_EQ(cli.run({QStringLiteral("init")}).exitCode, 0);
    EXPECT_EQ(cli.run({QStringLiteral("ownership")}).exitCode, 2);
    EXPECT_EQ(
        cli.run({QStringLiteral("ownership"), QStringLiteral("set"), QStringLiteral("on_hand")})
            .exitCode,
        2);
    EXPECT_EQ(cli.run({QStringLiteral("ownership"),
                       QStringLiteral("set"),
                       QStringLiteral("on_hand"),
                       QStringLiteral(" ")})
                  .exitCode,
              1);
}
