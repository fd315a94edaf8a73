#include <app/console/consolesession.h>
#include <app/console/demolauncher.h>
#include <core/sync/secretstore.h>
#include <tests/sandbox/sandboxprocess.h>
#include <tests/support/tempstore.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Console::DemoLauncher;

namespace {

// Whether anything answers HTTP at `url` (any status counts as an answer).
bool answers(const QString &url)
{
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(url + QStringLiteral("/_sandbox/state"))};
    request.setTransferTimeout(2000);
    QNetworkReply *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(3000);
    const bool answered = reply->error() == QNetworkReply::NoError
                          || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
    reply->deleteLater();
    return answered;
}

} // namespace

TEST(DemoLauncher, saysClearlyWhenTheSandboxIsMissing)
{
    Testing::TempStore ledger;
    Core::InMemorySecretStore secrets;
    Console::ConsoleSession session(ledger.store(), secrets);
    DemoLauncher demo(ledger.store(), session);
    demo.setSandboxPath(QStringLiteral("/nonexistent/ledgerdesk-sandbox"));
    QSignalSpy failed(&demo, &DemoLauncher::failed);
    demo.start(); // returns at once
    EXPECT_EQ(demo.phase(), DemoLauncher::Phase::Failed);
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(demo.statusText().contains(QStringLiteral("ledgerdesk-sandbox")))
        << demo.statusText().toStdString();
    EXPECT_FALSE(session.isConnected());
}

TEST(DemoLauncher, saysClearlyWhenTheSandboxExits)
{
    Testing::TempStore ledger;
    Core::InMemorySecretStore secrets;
    Console::ConsoleSession session(ledger.store(), secrets);
    DemoLauncher demo(ledger.store(), session);
    demo.setSandboxPath(QStringLiteral("/bin/false")); // starts, then exits with status 1
    QSignalSpy failed(&demo, &DemoLauncher::failed);
    demo.start();
    EXPECT_EQ(demo.phase(), DemoLauncher::Phase::Starting);
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_EQ(demo.phase(), DemoLauncher::Phase::Failed);
    EXPECT_TRUE(demo.statusText().startsWith(QStringLiteral("The demo sandbox exited (status 1)")))
        << demo.statusText().toStdString();
}

TEST(DemoLauncher, startsTheRealSandboxConnectsAndStopsItAgain)
{
    Testing::TempStore ledger;
    Core::InMemorySecretStore secrets;
    Console::ConsoleSession session(ledger.store(), secrets);
    DemoLauncher demo(ledger.store(), session);
    demo.setSandboxPath(SandboxTests::SandboxProcess::executable());
    QList<QString> texts;
    QObject::connect(
        &demo, &DemoLauncher::stateChanged, [&](bool, const QString &text) { texts << text; });
    demo.start();
    EXPECT_EQ(texts.value(0), QStringLiteral("Starting demo…"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return demo.isRunning(); }, 10'000))
        << demo.statusText().toStdString();
    // Shopify first; the others join after its first cycle.
    EXPECT_EQ(session.systems(), QStringList{QStringLiteral("shopify")});
    const QString url = demo.sandboxUrl();
    ASSERT_TRUE(url.startsWith(QStringLiteral("http://127.0.0.1:"))) << url.toStdString();
    ASSERT_TRUE(answers(url));

    demo.stop();
    EXPECT_EQ(demo.phase(), DemoLauncher::Phase::Stopped);
    EXPECT_FALSE(session.isConnected());
    EXPECT_FALSE(answers(url)); // the sandbox is gone with the demo
}
