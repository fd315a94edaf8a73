#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <tests/cli/clirunner.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::CliResult;
using Ledgerdesk::Testing::CliRunner;

namespace {

class CliExceptions : public ::testing::Test
{
protected:
    void SetUp() override
    {
        cli.seedShop();
        ASSERT_EQ(cli.run({QStringLiteral("post"),
                           QStringLiteral("--sku"),
                           QStringLiteral("RT-NAV-S"),
                           QStringLiteral("--location"),
                           QStringLiteral("WH-EAST"),
                           QStringLiteral("--delta"),
                           QStringLiteral("available=12")})
                      .exitCode,
                  0);
        // What a sync worker would record: the WMS counted 9 where the ledger says 12.
        Store store(StoreConfig::sqlite(cli.ledger()));
        ASSERT_TRUE(store.open().ok());
        SyncException e;
        e.kind = ExceptionKind::Conflict;
        e.system = QStringLiteral("wms");
        e.entity = QStringLiteral("inventory");
        e.entityKey = QStringLiteral("RT-NAV-S@WH-EAST:on_hand");
        e.baseValue = QStringLiteral("10");
        e.ledgerValue = QStringLiteral("12");
        e.externalValue = QStringLiteral("9");
        e.errorText = QStringLiteral("cycle count differs");
        const auto raised = ExceptionStore::raise(store.connection(), e, nowUtcMillis());
        ASSERT_TRUE(raised.ok());
        id = QString::number(raised.value());
    }

    CliRunner cli;
    QString id;
};

} // namespace

TEST_F(CliExceptions, listAndShowTellWhatEachSideSays)
{
    const CliResult listed = cli.run({QStringLiteral("exceptions"), QStringLiteral("list")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    EXPECT_TRUE(listed.out.contains(QStringLiteral("RT-NAV-S@WH-EAST:on_hand")));
    EXPECT_TRUE(listed.out.contains(QStringLiteral("1 exception(s)")));
    const CliResult shown = cli.run({QStringLiteral("exceptions"), QStringLiteral("show"), id});
    ASSERT_EQ(shown.exitCode, 0);
    EXPECT_TRUE(shown.out.contains(QStringLiteral("theirs    9")));
    EXPECT_TRUE(shown.out.contains(QStringLiteral("cycle count differs")));
}

TEST_F(CliExceptions, acceptTheirsChangesTheLedgerAndClosesTheException)
{
    const CliResult resolved = cli.run({QStringLiteral("exceptions"),
                                        QStringLiteral("resolve"),
                                        id,
                                        QStringLiteral("--accept-theirs"),
                                        QStringLiteral("--actor"),
                                        QStringLiteral("maria")});
    ASSERT_EQ(resolved.exitCode, 0) << resolved.err.toStdString();
    const CliResult stock = cli.run({QStringLiteral("availability"),
                                     QStringLiteral("--sku"),
                                     QStringLiteral("RT-NAV-S"),
                                     QStringLiteral("--json")});
    EXPECT_TRUE(stock.out.contains(QStringLiteral("\"on_hand\": 9"))
                || stock.out.contains(QStringLiteral("\"on_hand\":9")))
        << stock.out.toStdString();
    EXPECT_TRUE(cli.run({QStringLiteral("exceptions"), QStringLiteral("list")})
                    .out.contains(QStringLiteral("0 exception(s)")));
    const CliResult shown = cli.run({QStringLiteral("exceptions"), QStringLiteral("show"), id});
    EXPECT_TRUE(shown.out.contains(QStringLiteral("maria  resolved")));
}

TEST_F(CliExceptions, badRequestsGetClearMessagesAndChangeNothing)
{
    EXPECT_EQ(cli.run({QStringLiteral("exceptions")}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("exceptions"), QStringLiteral("show"), QStringLiteral("abc")})
                  .exitCode,
              2);
    EXPECT_EQ(cli.run({QStringLiteral("exceptions"), QStringLiteral("show"), QStringLiteral("999")})
                  .exitCode,
              1);
    EXPECT_EQ(cli.run({QStringLiteral("exceptions"), QStringLiteral("resolve"), id}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("exceptions"),
                       QStringLiteral("resolve"),
                       id,
                       QStringLiteral("--retry"),
                       QStringLiteral("--keep-ours")})
                  .exitCode,
              2);
    const CliResult noPush = cli.run(
        {QStringLiteral("exceptions"), QStringLiteral("resolve"), id, QStringLiteral("--retry")});
    EXPECT_EQ(noPush.exitCode, 1);
    EXPECT_TRUE(noPush.err.contains(QStringLiteral("no failed push")));
    const CliResult impossible = cli.run({QStringLiteral("exceptions"),
                                          QStringLiteral("resolve"),
                                          id,
                                          QStringLiteral("--set"),
                                          QStringLiteral("-4")});
    EXPECT_EQ(impossible.exitCode, 1);
    EXPECT_TRUE(cli.run({QStringLiteral("exceptions"), QStringLiteral("list")})
                    .out.contains(QStringLiteral("1 exception(s)")));
}
