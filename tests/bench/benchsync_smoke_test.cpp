#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using Ledgerdesk::Testing::CliRun;
using Ledgerdesk::Testing::runCli;

} // namespace

// A smoke run, not a timed test: a real sandbox, every section printed, and the push judged by
// the sandbox's oracle (nothing throttled, no key applied twice).
TEST(BenchSyncSmoke, quickRunPrintsEverySection)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString json = dir.filePath(QStringLiteral("sync.json"));
    const CliRun run = runCli({QStringLiteral("bench"),
                               QStringLiteral("sync"),
                               QStringLiteral("--quick"),
                               QStringLiteral("--sandbox"),
                               QStringLiteral(LEDGERDESK_SANDBOX_PATH),
                               QStringLiteral("--json"),
                               json});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString() << run.out.toStdString();
    for (const QString &section :
         {QStringLiteral("first cycle"), QStringLiteral("polling"), QStringLiteral("push")}) {
        EXPECT_TRUE(run.out.contains(u'\n' + section + u' ')) << section.toStdString();
    }
    EXPECT_TRUE(run.out.contains(QStringLiteral("webhooks:"))) << run.out.toStdString();

    QFile file(json);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonArray figures
        = QJsonDocument::fromJson(file.readAll())[QStringLiteral("figures")].toArray();
    bool delivered = false;
    int judged = 0;
    for (const QJsonValue &figure : figures) {
        const QJsonObject o = figure.toObject();
        if (o[QStringLiteral("figure")].toString().startsWith(QStringLiteral("rows delivered"))) {
            delivered = true;
            EXPECT_EQ(o[QStringLiteral("value")].toDouble(), 1000.0);
        }
        if (o.contains(QStringLiteral("pass"))) {
            ++judged;
            EXPECT_TRUE(o[QStringLiteral("pass")].toBool())
                << o[QStringLiteral("figure")].toString().toStdString();
        }
    }
    EXPECT_TRUE(delivered);
    EXPECT_GE(judged, 2); // THROTTLED answers and keys applied twice
}

TEST(BenchSyncSmoke, badArgumentsAreRefusedWithAReason)
{
    const CliRun batch = runCli({QStringLiteral("bench"),
                                 QStringLiteral("sync"),
                                 QStringLiteral("--sandbox"),
                                 QStringLiteral(LEDGERDESK_SANDBOX_PATH),
                                 QStringLiteral("--push-batch"),
                                 QStringLiteral("251")});
    EXPECT_EQ(batch.exitCode, 2);
    EXPECT_TRUE(
        batch.err.contains(QStringLiteral("--push-batch needs a whole number from 1 to 250")))
        << batch.err.toStdString();

    const CliRun missing = runCli({QStringLiteral("bench"),
                                   QStringLiteral("sync"),
                                   QStringLiteral("--sandbox"),
                                   QStringLiteral("/nonexistent/ledgerdesk-sandbox")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("no sandbox executable")))
        << missing.err.toStdString();
}
