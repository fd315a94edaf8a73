#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using Ledgerdesk::Testing::CliRun;
using Ledgerdesk::Testing::runCli;

} // namespace

// A smoke run, not a timed test: every section runs, prints and lands in the JSON.
TEST(BenchSmoke, quickRunPrintsEverySection)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString json = dir.filePath(QStringLiteral("bench.json"));
    const CliRun run = runCli({QStringLiteral("bench"),
                               QStringLiteral("ledger"),
                               QStringLiteral("--quick"),
                               QStringLiteral("--dir"),
                               dir.path(),
                               QStringLiteral("--json"),
                               json});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QStringList sections = {QStringLiteral("fsync probe"),
                                  QStringLiteral("commit"),
                                  QStringLiteral("bulk"),
                                  QStringLiteral("lookup"),
                                  QStringLiteral("report")};
    for (const QString &section : sections) {
        EXPECT_TRUE(run.out.contains(u'\n' + section + u' ')) << section.toStdString();
    }
    EXPECT_TRUE(run.out.contains(QStringLiteral("of 5 targets met"))) << run.out.toStdString();

    QFile file(json);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonArray figures
        = QJsonDocument::fromJson(file.readAll())[QStringLiteral("figures")].toArray();
    QSet<QString> seen;
    int judged = 0;
    for (const QJsonValue &figure : figures) {
        const QJsonObject o = figure.toObject();
        seen.insert(o[QStringLiteral("section")].toString());
        EXPECT_GT(o[QStringLiteral("value")].toDouble(), 0.0)
            << o[QStringLiteral("section")].toString().toStdString() << " "
            << o[QStringLiteral("figure")].toString().toStdString();
        judged += o.contains(QStringLiteral("pass")) ? 1 : 0;
    }
    EXPECT_EQ(seen, QSet<QString>(sections.cbegin(), sections.cend()));
    EXPECT_EQ(judged, 5);
    // The benchmark ledgers go with the run.
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList());
}

TEST(BenchSmoke, badArgumentsAreRefusedWithAReason)
{
    const CliRun negative = runCli({QStringLiteral("bench"),
                                    QStringLiteral("ledger"),
                                    QStringLiteral("--movements"),
                                    QStringLiteral("-5")});
    EXPECT_EQ(negative.exitCode, 2);
    EXPECT_TRUE(negative.err.contains(QStringLiteral("--movements needs a positive whole number")))
        << negative.err.toStdString();

    const CliRun suite = runCli({QStringLiteral("bench"), QStringLiteral("everything")});
    EXPECT_EQ(suite.exitCode, 2);
    EXPECT_TRUE(suite.err.contains(QStringLiteral("suite name 'ledger'")))
        << suite.err.toStdString();

    const CliRun folder = runCli({QStringLiteral("bench"),
                                  QStringLiteral("ledger"),
                                  QStringLiteral("--dir"),
                                  QStringLiteral("no/such/folder")});
    EXPECT_EQ(folder.exitCode, 2);
    EXPECT_TRUE(folder.err.contains(QStringLiteral("no folder at"))) << folder.err.toStdString();
}
