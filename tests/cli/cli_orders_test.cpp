#include <tests/cli/clirunner.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using Ledgerdesk::Testing::CliResult;
using Ledgerdesk::Testing::CliRunner;
using Ledgerdesk::Testing::kInventoryHeader;

namespace {

class CliOrders : public ::testing::Test
{
protected:
    void SetUp() override
    {
        cli.seedShop();
        const QByteArray stock
            = QByteArray(kInventoryHeader) + "rib-tee,,,,,,,,RT-NAV-M,,,WH-EAST,,,,,,,5\n";
        ASSERT_EQ(cli.run({QStringLiteral("import"),
                           QStringLiteral("inventory"),
                           cli.write(QStringLiteral("stock.csv"), stock)})
                      .exitCode,
                  0);
    }

    CliResult orders(const QStringList &arguments)
    {
        return cli.run(QStringList{QStringLiteral("orders")} + arguments);
    }

    QJsonObject show(const QString &id)
    {
        const CliResult r = orders({QStringLiteral("show"), id});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    CliRunner cli;
};

TEST_F(CliOrders, anOrderGoesFromTheQueueThroughAllocationToShipping)
{
    const CliResult added = orders({QStringLiteral("add"),
                                    QStringLiteral("--channel=console"),
                                    QStringLiteral("--reference=REP-7"),
                                    QStringLiteral("--company=Harbor Supply"),
                                    QStringLiteral("--po=PO-88"),
                                    QStringLiteral("--line=RT-NAV-M:3:34.00")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_EQ(added.out.trimmed(), QStringLiteral("order 1"));
    EXPECT_TRUE(orders({QStringLiteral("add"),
                        QStringLiteral("--channel=console"),
                        QStringLiteral("--reference=REP-7"),
                        QStringLiteral("--company=Harbor Supply"),
                        QStringLiteral("--po=PO-88"),
                        QStringLiteral("--line=RT-NAV-M:3:34.00")})
                    .out.startsWith(QStringLiteral("already received")));

    const CliResult allocated = orders({QStringLiteral("allocate"), QStringLiteral("1")});
    ASSERT_EQ(allocated.exitCode, 0) << allocated.err.toStdString();
    EXPECT_TRUE(allocated.out.contains(QStringLiteral("allocated: 3 committed, 0 short")));
    QJsonObject order = show(QStringLiteral("1"));
    EXPECT_EQ(order.value(QStringLiteral("poNumber")).toString(), QStringLiteral("PO-88"));
    const QJsonObject line = order.value(QStringLiteral("lines")).toArray().at(0).toObject();
    EXPECT_EQ(line.value(QStringLiteral("allocated")).toInteger(), 3);

    ASSERT_EQ(orders({QStringLiteral("pick"), QStringLiteral("1")}).exitCode, 0);
    EXPECT_EQ(orders({QStringLiteral("pay"), QStringLiteral("1")}).exitCode, 1); // not shipped
    ASSERT_EQ(orders({QStringLiteral("ship"), QStringLiteral("1")}).exitCode, 0);
    order = show(QStringLiteral("1"));
    EXPECT_EQ(order.value(QStringLiteral("state")).toString(), QStringLiteral("shipped"));
    EXPECT_EQ(order.value(QStringLiteral("history")).toArray().size(), 4);

    const CliResult listed = orders({QStringLiteral("list"), QStringLiteral("--state=shipped")});
    EXPECT_TRUE(listed.out.contains(QStringLiteral("REP-7")));
    EXPECT_TRUE(listed.out.contains(QStringLiteral("Harbor Supply")));
}

TEST_F(CliOrders, shortStockIsBackorderedAndBadInputIsRefused)
{
    ASSERT_EQ(orders({QStringLiteral("add"),
                      QStringLiteral("--channel=shopify"),
                      QStringLiteral("--reference=9001"),
                      QStringLiteral("--line=RT-NAV-M:8:34.00")})
                  .exitCode,
              0);
    const CliResult allocated = orders({QStringLiteral("allocate"), QStringLiteral("1")});
    EXPECT_TRUE(allocated.out.contains(QStringLiteral("backordered: 5 committed, 3 short")))
        << allocated.out.toStdString();
    const CliResult exceptions = cli.run({QStringLiteral("exceptions"), QStringLiteral("list")});
    EXPECT_TRUE(exceptions.out.contains(QStringLiteral("oversell")))
        << exceptions.out.toStdString();

    EXPECT_EQ(orders({QStringLiteral("add"),
                      QStringLiteral("--channel=shopify"),
                      QStringLiteral("--reference=9002"),
                      QStringLiteral("--line=NOPE:1:1.00")})
                  .exitCode,
              1);
    EXPECT_EQ(orders({QStringLiteral("add"), QStringLiteral("--line=RT-NAV-M")}).exitCode, 2);
    EXPECT_EQ(orders({QStringLiteral("allocate")}).exitCode, 2);
    EXPECT_EQ(orders({QStringLiteral("return"), QStringLiteral("1")}).exitCode, 2);
    EXPECT_EQ(orders({QStringLiteral("fly"), QStringLiteral("1")}).exitCode, 2);
    EXPECT_EQ(orders({QStringLiteral("cancel"), QStringLiteral("1")}).exitCode, 1); // no reason
    ASSERT_EQ(
        orders({QStringLiteral("cancel"), QStringLiteral("1"), QStringLiteral("--reason=dup")})
            .exitCode,
        0);
    const CliResult stock = cli.run({QStringLiteral("availability"), QStringLiteral("--json")});
    EXPECT_TRUE(stock.out.contains(QStringLiteral("\"available\": 5"))) << stock.out.toStdString();
}

} // namespace
