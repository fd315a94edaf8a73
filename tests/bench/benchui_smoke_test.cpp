#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using Ledgerdesk::Testing::CliRun;
using Ledgerdesk::Testing::runCli;

CliRun runOffscreen(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return runCli(arguments, 300000, environment);
}

const QStringList kFigures = {QStringLiteral("first paint"),
                              QStringLiteral("scroll to end"),
                              QStringLiteral("sort style"),
                              QStringLiteral("sort available"),
                              QStringLiteral("sort location"),
                              QStringLiteral("filter SKU"),
                              QStringLiteral("filter title"),
                              QStringLiteral("filter location"),
                              QStringLiteral("global search"),
                              QStringLiteral("longest stall")};

} // namespace

// A smoke run through the CLI, which starts the window benchmark as a program of its own: every
// figure is measured, printed against its goal and written to the JSON. Not a timed test.
TEST(BenchUiSmoke, quickRunTimesEveryActionOnTheRealWindow)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString json = dir.filePath(QStringLiteral("bench-ui.json"));
    const CliRun run = runOffscreen({QStringLiteral("bench"),
                                     QStringLiteral("ui"),
                                     QStringLiteral("--quick"),
                                     QStringLiteral("--dir"),
                                     dir.path(),
                                     QStringLiteral("--json"),
                                     json});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("building a ledger of 20000 balances")))
        << run.err.toStdString();
    for (const QString &figure : kFigures) {
        const QRegularExpression line(
            QStringLiteral("\\nui +") + QRegularExpression::escape(figure)
            + QStringLiteral(" +[0-9.]+ ms .*<= [0-9]+ ms +(PASS|MISS)\\n"));
        EXPECT_TRUE(line.match(run.out).hasMatch()) << figure.toStdString() << "\n"
                                                    << run.out.toStdString();
    }
    EXPECT_TRUE(run.out.contains(QStringLiteral("of 10 targets met"))) << run.out.toStdString();

    QFile file(json);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonArray figures
        = QJsonDocument::fromJson(file.readAll())[QStringLiteral("figures")].toArray();
    QStringList seen;
    for (const QJsonValue &figure : figures) {
        const QJsonObject o = figure.toObject();
        seen << o[QStringLiteral("figure")].toString();
        EXPECT_GT(o[QStringLiteral("value")].toDouble(), 0.0)
            << o[QStringLiteral("figure")].toString().toStdString();
        EXPECT_TRUE(o.contains(QStringLiteral("pass")))
            << o[QStringLiteral("figure")].toString().toStdString();
        if (o[QStringLiteral("figure")].toString() != u"longest stall") {
            // Each action next to what its statements cost without the window.
            EXPECT_GT(o[QStringLiteral("baselineValue")].toDouble(), 0.0)
                << o[QStringLiteral("figure")].toString().toStdString();
        }
    }
    EXPECT_EQ(seen, kFigures);
    // The benchmark ledger goes with the run.
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList());
}

TEST(BenchUiSmoke, refusesABadCountWithoutRunning)
{
    const CliRun run = runOffscreen({QStringLiteral("bench"),
                                     QStringLiteral("ui"),
                                     QStringLiteral("--balances"),
                                     QStringLiteral("-5")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QStringLiteral("--balances needs a positive whole number")))
        << run.err.toStdString();
    EXPECT_TRUE(run.out.isEmpty()) << run.out.toStdString();
}
