#include <tests/cli/clirunner.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using Ledgerdesk::Testing::CliResult;
using Ledgerdesk::Testing::CliRunner;
using Ledgerdesk::Testing::kInventoryHeader;

namespace {

class CliAvailability : public ::testing::Test
{
protected:
    void SetUp() override
    {
        cli.seedShop();
        const QByteArray stock = QByteArray(kInventoryHeader)
                                 + "rib-tee,,,,,,,,RT-NAV-S,,,WH-EAST,,,,,,,40\n"
                                   "rib-tee,,,,,,,,RT-NAV-M,,,WH-EAST,,,,,,,3\n"
                                   "rib-tee,,,,,,,,RT-BLK-M,,,SOHO,,,,,,,12\n";
        ASSERT_EQ(cli.run({QStringLiteral("import"),
                           QStringLiteral("inventory"),
                           cli.write(QStringLiteral("stock.csv"), stock)})
                      .exitCode,
                  0);
    }

    QJsonArray json(QStringList filter)
    {
        const CliResult r = cli.run(
            QStringList{QStringLiteral("availability"), QStringLiteral("--json")} + filter);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << r.out.toStdString();
        EXPECT_TRUE(doc.isArray());
        return doc.array();
    }

    CliRunner cli;
};

} // namespace

TEST_F(CliAvailability, json_hasIntegerQuantitiesAndStringIds)
{
    const QJsonArray rows = json({QStringLiteral("--sku"), QStringLiteral("RT-NAV-S")});
    ASSERT_EQ(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    EXPECT_EQ(row.value(QStringLiteral("sku")).toString(), QStringLiteral("RT-NAV-S"));
    EXPECT_EQ(row.value(QStringLiteral("style")).toString(), QStringLiteral("rib-tee"));
    EXPECT_EQ(row.value(QStringLiteral("color")).toString(), QStringLiteral("Navy"));
    EXPECT_EQ(row.value(QStringLiteral("size")).toString(), QStringLiteral("S"));
    EXPECT_EQ(row.value(QStringLiteral("location")).toString(), QStringLiteral("WH-EAST"));
    EXPECT_TRUE(row.value(QStringLiteral("variant_id")).isString());
    EXPECT_TRUE(row.value(QStringLiteral("location_id")).isString());
    EXPECT_EQ(row.value(QStringLiteral("available")).toInteger(), 40);
    EXPECT_EQ(row.value(QStringLiteral("on_hand")).toInteger(), 40);
    EXPECT_EQ(row.value(QStringLiteral("committed")).toInteger(), 0);
    const CliResult raw = cli.run({QStringLiteral("availability"),
                                   QStringLiteral("--json"),
                                   QStringLiteral("--sku"),
                                   QStringLiteral("RT-NAV-S")});
    EXPECT_TRUE(raw.out.contains(QStringLiteral("\"available\": 40,"))) << "no 40.0 in the text";
}

TEST_F(CliAvailability, filtersByStyleLocationSearchAndLowStock)
{
    EXPECT_EQ(json({QStringLiteral("--style"), QStringLiteral("rib-tee")}).size(), 3);
    EXPECT_EQ(json({QStringLiteral("--location"), QStringLiteral("WH-EAST")}).size(), 2);
    EXPECT_EQ(json({QStringLiteral("--search"), QStringLiteral("RT-BLK")}).size(), 1);
    const QJsonArray low = json({QStringLiteral("--low-stock")});
    ASSERT_EQ(low.size(), 1);
    EXPECT_EQ(low.first().toObject().value(QStringLiteral("sku")).toString(),
              QStringLiteral("RT-NAV-M"));
    EXPECT_EQ(json({QStringLiteral("--limit"), QStringLiteral("2")}).size(), 2);
    EXPECT_EQ(json({QStringLiteral("--sku"), QStringLiteral("NOPE")}).size(), 0);
}

TEST_F(CliAvailability, table_isAlignedWithAHeader)
{
    const CliResult r = cli.run({QStringLiteral("availability")});
    ASSERT_EQ(r.exitCode, 0);
    const QStringList rows = r.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(rows.size(), 4);
    EXPECT_TRUE(rows[0].startsWith(QStringLiteral("SKU")));
    const qsizetype column = rows[0].indexOf(QStringLiteral("LOCATION"));
    ASSERT_GT(column, 0);
    const qsizetype numbersEnd = rows[0].indexOf(QStringLiteral("AVAILABLE")) + 9;
    for (const QString &row : rows.mid(1)) {
        EXPECT_NE(row.mid(column, 4).trimmed(), QString()) << row.toStdString();
        EXPECT_TRUE(row.at(numbersEnd - 1).isDigit())
            << "numbers align right: " << row.toStdString();
    }
    EXPECT_TRUE(rows[1].startsWith(QStringLiteral("RT-BLK-M")));
}

TEST_F(CliAvailability, badArguments_exitTwo)
{
    EXPECT_EQ(
        cli.run({QStringLiteral("availability"), QStringLiteral("--limit"), QStringLiteral("many")})
            .exitCode,
        2);
    EXPECT_EQ(cli.run({QStringLiteral("availability"), QStringLiteral("extra")}).exitCode, 2);
    EXPECT_EQ(
        cli.runOn(cli.path(QStringLiteral("absent.db")), {QStringLiteral("availability")}).exitCode,
        3);
}
