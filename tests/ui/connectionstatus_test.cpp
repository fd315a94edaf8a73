#include <core/sync/connectorfactory.h>
#include <core/sync/secretstore.h>
#include <core/sync/synccontroller.h>
#include <tests/support/tempstore.h>
#include <ui/widgets/connectionstatuswidget.h>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Ui::ConnectionStatusWidget;

namespace {

// A WMS drop-folder connection in a temporary folder: real, and reachable without a network.
std::unique_ptr<Core::Connector>
wmsConnector(Core::Store &store, Core::SecretStore &secrets, const QTemporaryDir &dir)
{
    for (const QString &folder :
         {QStringLiteral("inbound"), QStringLiteral("outbound"), QStringLiteral("archive")}) {
        EXPECT_TRUE(QDir(dir.path()).mkpath(folder));
    }
    Core::ConnectionSettings settings;
    settings.system = QStringLiteral("wms");
    settings.kind = QStringLiteral("wms-drop-folder");
    settings.options.insert(QStringLiteral("rootFolder"), dir.path());
    auto connector = Core::ConnectorFactory::withBuiltInKinds().create(store, settings, secrets);
    EXPECT_TRUE(connector.ok()) << connector.error().message.toStdString();
    return connector ? std::move(connector).value() : nullptr;
}

// A warehouse whose drop folder is not there, as when its share is not mounted.
std::unique_ptr<Core::Connector>
unreachableWms(Core::Store &store, Core::SecretStore &secrets, const QTemporaryDir &dir)
{
    Core::ConnectionSettings settings;
    settings.system = QStringLiteral("wms");
    settings.kind = QStringLiteral("wms-drop-folder");
    settings.options.insert(QStringLiteral("rootFolder"),
                            dir.filePath(QStringLiteral("unmounted")));
    auto connector = Core::ConnectorFactory::withBuiltInKinds().create(store, settings, secrets);
    EXPECT_TRUE(connector.ok()) << connector.error().message.toStdString();
    return connector ? std::move(connector).value() : nullptr;
}

} // namespace

TEST(ConnectionStatus, withoutAControllerSaysNotConnected)
{
    Testing::TempStore t;
    ConnectionStatusWidget widget(t.store(), nullptr);
    EXPECT_EQ(widget.text(), QStringLiteral("Not connected"));
    EXPECT_TRUE(widget.systems().isEmpty());
    widget.setNotice(QStringLiteral("Starting demo…"));
    EXPECT_EQ(widget.text(), QStringLiteral("Not connected")); // nothing to start without one
}

TEST(ConnectionStatus, showsANoticeUntilSystemsAreConnected)
{
    Testing::TempStore t;
    Core::SyncController controller;
    ConnectionStatusWidget widget(t.store(), &controller);
    EXPECT_EQ(widget.text(), QStringLiteral("Not connected"));
    widget.setNotice(QStringLiteral("Starting demo…"));
    EXPECT_EQ(widget.text(), QStringLiteral("Starting demo…"));
    EXPECT_FALSE(widget.isOffline());
}

TEST(ConnectionStatus, followsARealControllerThroughIdleAndPaused)
{
    Testing::TempStore t;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Core::InMemorySecretStore secrets;
    Core::SyncController controller;
    ConnectionStatusWidget widget(t.store(), &controller);
    ASSERT_TRUE(
        controller
            .addConnector(wmsConnector(t.store(), secrets, dir), std::chrono::milliseconds(200))
            .ok());

    // A completed cycle: idle, synced moments ago, nothing waiting.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return widget.indicatorText(QStringLiteral("wms")).contains(QStringLiteral("s ago"));
        },
        5000))
        << widget.text().toStdString();
    EXPECT_EQ(widget.systems(), QStringList{QStringLiteral("wms")});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return widget.indicatorText(QStringLiteral("wms"))
                .startsWith(QStringLiteral("wms idle"));
        },
        2000))
        << widget.text().toStdString();
    EXPECT_TRUE(widget.indicatorText(QStringLiteral("wms")).endsWith(QStringLiteral("0 to push")));
    EXPECT_TRUE(
        widget.indicatorToolTip(QStringLiteral("wms")).contains(QStringLiteral("Last cycle")))
        << widget.indicatorToolTip(QStringLiteral("wms")).toStdString();
    EXPECT_FALSE(widget.isOffline());

    controller.pause();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return widget.indicatorText(QStringLiteral("wms"))
                .startsWith(QStringLiteral("wms paused"));
        },
        3000))
        << widget.text().toStdString();
    controller.stop();
}

TEST(ConnectionStatus, saysOfflineWhenNoSystemCanBeReached)
{
    Testing::TempStore t;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Core::InMemorySecretStore secrets;
    Core::SyncController controller;
    ConnectionStatusWidget widget(t.store(), &controller);
    ASSERT_TRUE(controller
                    .addConnector(unreachableWms(t.store(), secrets, dir),
                                  std::chrono::milliseconds(60'000))
                    .ok());
    EXPECT_TRUE(QTest::qWaitFor([&] { return widget.isOffline(); }, 5000))
        << widget.text().toStdString();
    EXPECT_TRUE(widget.text().startsWith(QStringLiteral("Offline | wms offline since ")))
        << widget.text().toStdString();
    EXPECT_GT(controller.status(QStringLiteral("wms")).failingSince, 0);
    EXPECT_TRUE(widget.indicatorToolTip(QStringLiteral("wms")).contains(QStringLiteral("Error:")))
        << widget.indicatorToolTip(QStringLiteral("wms")).toStdString();
    controller.stop();
}
