#include <core/demo/democatalog.h>
#include <tests/shopifysync/shopifysyncfixture.h>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

#include <signal.h>

#include <iostream>

using namespace Ledgerdesk::Core;

namespace {

const QString kSoho = QStringLiteral("STORE-SOHO");

class SyncRunWebhooksTest : public Ledgerdesk::ShopifySyncTests::ShopifySyncTest
{
protected:
    // Reads the process's output until `pattern` matches; returns the first capture.
    QString waitForOutput(QProcess &process, const QRegularExpression &pattern, int timeoutMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            const auto match = pattern.match(m_output);
            if (match.hasMatch()) {
                return match.captured(1);
            }
            process.waitForReadyRead(50);
            m_output += QString::fromUtf8(process.readAllStandardOutput());
        }
        return {};
    }

    QJsonArray subscriptions()
    {
        return m_sandbox.get(QStringLiteral("/_sandbox/webhooks"))
            .json()[QStringLiteral("subscriptions")]
            .toArray();
    }

    QString m_output;
};

} // namespace

TEST_F(SyncRunWebhooksTest, syncRunWithWebhooksSubscribesAppliesDeliveriesAndUnsubscribes)
{
    if (Ledgerdesk::Testing::TempStore::usingPostgres()) {
        GTEST_SKIP() << "the CLI opens SQLite ledgers by path";
    }
    firstCycleAcceptingShopify();
    const QString connection = m_dir.filePath(QStringLiteral("connection.json"));
    QFile file(connection);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(m_sandbox.get(QStringLiteral("/_sandbox/connection")).body);
    file.close();

    QProcess cli;
    cli.setProgram(QStringLiteral(LEDGERDESK_CLI_PATH));
    cli.setArguments({QStringLiteral("--ledger"),
                      m_ledger.path(),
                      QStringLiteral("sync"),
                      QStringLiteral("run"),
                      QStringLiteral("--connection"),
                      connection,
                      QStringLiteral("--system"),
                      QStringLiteral("shopify"),
                      QStringLiteral("--insecure-memory-secrets"),
                      QStringLiteral("--interval"),
                      QStringLiteral("3600"),
                      QStringLiteral("--webhooks"),
                      QStringLiteral("0")});
    cli.start();
    ASSERT_TRUE(cli.waitForStarted());
    const QString url = waitForOutput(
        cli, QRegularExpression(QStringLiteral("receiving Shopify webhooks at (\\S+)")), 10000);
    ASSERT_FALSE(url.isEmpty()) << m_output.toStdString()
                                << cli.readAllStandardError().toStdString();
    ASSERT_FALSE(
        waitForOutput(cli, QRegularExpression(QStringLiteral("(shopify  ok)")), 30000).isEmpty())
        << m_output.toStdString();
    const QJsonArray subscribed = subscriptions();
    ASSERT_EQ(subscribed.size(), 1);
    EXPECT_EQ(subscribed.first()[QStringLiteral("callbackUrl")].toString(), url);
    EXPECT_EQ(subscribed.first()[QStringLiteral("topic")].toString().toStdString(),
              "inventory_levels/update");

    // The next cycle is an hour away: only the webhook can bring this change in.
    static const DemoCatalog catalog = DemoCatalog::generate();
    const QString sku = catalog.styles().at(12).variants.at(0).sku;
    const qint64 target = ledgerAvailable(sku, kSoho) + 17;
    QElapsedTimer timer;
    timer.start();
    setShopifyLevel(sku, kSoho, target);
    const QDeadlineTimer deadline(2000);
    while (ledgerAvailable(sku, kSoho) != target && !deadline.hasExpired()) {
        QThread::msleep(5);
    }
    EXPECT_EQ(ledgerAvailable(sku, kSoho), target);
    std::cout << "[ webhook ] through ledgerdesk-cli sync run: " << timer.elapsed() << " ms\n";

    ::kill(pid_t(cli.processId()), SIGTERM);
    ASSERT_TRUE(cli.waitForFinished(10000));
    EXPECT_EQ(cli.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    EXPECT_TRUE(subscriptions().isEmpty());
}

TEST_F(SyncRunWebhooksTest, aBadWebhooksPortIsRefusedWithAClearMessage)
{
    if (Ledgerdesk::Testing::TempStore::usingPostgres()) {
        GTEST_SKIP() << "the CLI opens SQLite ledgers by path";
    }
    const QString connection = m_dir.filePath(QStringLiteral("connection.json"));
    QFile file(connection);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(m_sandbox.get(QStringLiteral("/_sandbox/connection")).body);
    file.close();
    QProcess cli;
    cli.start(QStringLiteral(LEDGERDESK_CLI_PATH),
              {QStringLiteral("--ledger"),
               m_ledger.path(),
               QStringLiteral("sync"),
               QStringLiteral("run"),
               QStringLiteral("--connection"),
               connection,
               QStringLiteral("--system"),
               QStringLiteral("shopify"),
               QStringLiteral("--insecure-memory-secrets"),
               QStringLiteral("--webhooks"),
               QStringLiteral("eighty")});
    ASSERT_TRUE(cli.waitForFinished(30000));
    EXPECT_NE(cli.exitCode(), 0);
    EXPECT_TRUE(QString::fromUtf8(cli.readAllStandardError()).contains(u"--webhooks needs a port"));
    EXPECT_TRUE(subscriptions().isEmpty());
}
