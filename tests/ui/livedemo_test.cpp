#include <app/console/consolesession.h>
#include <core/demo/democatalog.h>
#include <core/demo/demoseeder.h>
#include <core/ledger/ledger.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>
#include <core/sync/ownershipmap.h>
#include <core/sync/secretstore.h>
#include <tests/sandbox/sandboxprocess.h>
#include <tests/support/tempstore.h>
#include <tests/ui/modelwait.h>
#include <ui/mainwindow.h>
#include <ui/models/availabilitymodel.h>
#include <ui/models/synchealthmodel.h>
#include <ui/pages/availabilitypage.h>
#include <ui/pages/synchealthpage.h>
#include <ui/widgets/connectionstatuswidget.h>

#include <QElapsedTimer>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QListWidget>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <iostream>

using namespace Ledgerdesk;

namespace {

const QString kShopify = QStringLiteral("shopify");
const QString kEast = QStringLiteral("WH-EAST");

bool shopifyIdleAfterASuccess(const Ui::SyncHealthModel &model)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        const Ui::SyncHealthRow *row = model.rowAt(r);
        if (row && row->metrics.system == kShopify && row->status
            && row->status->state == Core::SyncState::Idle && row->status->lastReport
            && row->status->lastReport->error.isEmpty()) {
            return true;
        }
    }
    return false;
}

std::optional<qint64>
shownAvailable(const Ui::AvailabilityModel &model, const QString &sku, const QString &code)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        const auto row = model.rowAt(r);
        if (row && row->sku == sku && row->locationCode == code) {
            return row->quantities.available();
        }
    }
    return std::nullopt;
}

} // namespace

// The console live end to end: the real sandbox, a demo ledger, a session and the window. The
// window is never told to refresh; what the shop changes shows up on its own.
TEST(LiveConsole, followsTheShopWithoutBeingAskedToRefresh)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString faults = dir.filePath(QStringLiteral("faults.json"));
    QFile file(faults);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"shopify": {"throttle": {"plan": "enterprise", "maximumAvailable": 20000,
                 "restoreRate": 20000}}})");
    file.close();
    SandboxTests::SandboxProcess sandbox;
    ASSERT_TRUE(sandbox.start({QStringLiteral("--faults"), faults}))
        << sandbox.output().toStdString();

    Testing::TempStore ledger;
    ASSERT_TRUE(Core::seedDemoLedger(ledger.store()).ok());
    ASSERT_TRUE(Core::OwnershipMap(ledger.store())
                    .setOwner(QStringLiteral("on_hand"), kShopify, QStringLiteral("tester"))
                    .ok());
    QJsonObject connection = sandbox.get(QStringLiteral("/_sandbox/connection")).json();
    ASSERT_TRUE(Console::ConsoleSession::carriesSecrets(connection));
    // Shopify only keeps the test short; polling is slow, so changes must come by webhook.
    QJsonObject systems{{kShopify, connection[QStringLiteral("systems")][kShopify]}};
    connection.insert(QStringLiteral("systems"), systems);

    Core::InMemorySecretStore secrets;
    Console::ConsoleSession session(ledger.store(), secrets);
    session.setPollInterval(std::chrono::seconds(60));
    QSignalSpy subscribed(&session, &Console::ConsoleSession::webhooksSubscribed);
    Ui::MainWindow window(ledger.store(), session.controller());
    window.show();
    auto *availability
        = qobject_cast<Ui::AvailabilityPage *>(window.page(QStringLiteral("availability")));
    auto *health = qobject_cast<Ui::SyncHealthPage *>(window.page(QStringLiteral("sync-health")));
    ASSERT_NE(availability, nullptr);
    ASSERT_NE(health, nullptr);

    QElapsedTimer clock;
    clock.start();
    const Core::Status connected = session.connectTo(connection);
    ASSERT_TRUE(connected.ok()) << connected.error().message.toStdString();
    EXPECT_EQ(session.systems(), QStringList{kShopify});
    ASSERT_TRUE(QTest::qWaitFor([&] { return shopifyIdleAfterASuccess(*health->model()); }, 15'000))
        << window.connectionStatus()->text().toStdString();
    std::cout << "first full Shopify sync shown after " << clock.elapsed() << " ms\n";
    EXPECT_TRUE(window.connectionStatus()->indicatorText(kShopify).startsWith(
        QStringLiteral("shopify idle")))
        << window.connectionStatus()->text().toStdString();
    ASSERT_TRUE(subscribed.count() > 0 || subscribed.wait(5000));
    EXPECT_FALSE(session.webhookUrl().isEmpty());

    const QString sku = Core::DemoCatalog::generate().styles().at(0).variants.at(0).sku;
    availability->setSearchText(sku);
    availability->setLocationFilter(kEast);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return shownAvailable(*availability->model(), sku, kEast).has_value(); }, 5000));
    const qint64 before = *shownAvailable(*availability->model(), sku, kEast);

    const qint64 wanted = before + 7;
    const QJsonObject answer
        = sandbox.control({{QStringLiteral("system"), kShopify},
                           {QStringLiteral("action"), QStringLiteral("setLevel")},
                           {QStringLiteral("sku"), sku},
                           {QStringLiteral("location"), kEast},
                           {QStringLiteral("name"), QStringLiteral("available")},
                           {QStringLiteral("quantity"), wanted}});
    ASSERT_FALSE(answer.contains(QStringLiteral("error")))
        << QJsonDocument(answer).toJson().toStdString();
    clock.restart();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return shownAvailable(*availability->model(), sku, kEast) == wanted; }, 2500))
        << "still showing " << shownAvailable(*availability->model(), sku, kEast).value_or(-1);
    std::cout << "a change in the shop was on screen after " << clock.elapsed() << " ms\n";
    session.disconnectAll();
    EXPECT_EQ(sandbox.stop(), 0);
}

// A write from elsewhere re-reads the page in sight; the reader keeps their place in it.
TEST(LiveConsole, keepsScrollAndSelectionWhenTheLedgerChanges)
{
    Testing::TempStore ledger;
    ASSERT_TRUE(Core::seedDemoLedger(ledger.store()).ok());
    Ui::MainWindow window(ledger.store());
    window.resize(1280, 800);
    window.show();
    auto *page = qobject_cast<Ui::AvailabilityPage *>(window.page(QStringLiteral("availability")));
    ASSERT_NE(page, nullptr);
    ASSERT_TRUE(Testing::waitUntilIdle(*page->model()));
    ASSERT_GT(page->model()->rowCount(), 2000);
    const int target = 1500;
    page->view()->scrollTo(page->model()->index(target, 0), QAbstractItemView::PositionAtTop);
    page->view()->selectRow(target);
    ASSERT_TRUE(Testing::waitForRow(*page->model(), target));
    const auto row = page->model()->rowAt(target);
    ASSERT_TRUE(row.has_value());
    const int scrolled = page->view()->verticalScrollBar()->value();
    ASSERT_GT(scrolled, 0);

    // Another connection (a sync thread, the CLI) moves stock of the selected row.
    Core::Store other(ledger.store().config());
    ASSERT_TRUE(other.open().ok());
    const qint64 before = row->quantities.available();
    const auto posted = Core::Ledger(other).post(
        Testing::adjustment(QStringLiteral("live-1"), row->variantId, row->locationId, 5));
    ASSERT_TRUE(posted.ok()) << posted.error().message.toStdString();
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto now = page->model()->rowAt(target);
            return now && now->quantities.available() == before + 5;
        },
        2000));
    std::cout << "a write from another connection was on screen after " << clock.elapsed()
              << " ms\n";
    EXPECT_EQ(page->view()->verticalScrollBar()->value(), scrolled);
    const QModelIndexList selected = page->view()->selectionModel()->selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(selected.constFirst().row(), target);
    other.closeThreadConnection();
}

// The navigation's exception count follows sync while another page is in sight.
TEST(LiveConsole, countsNewExceptionsInTheNavigationWhileAnotherPageIsShown)
{
    Testing::TempStore ledger;
    ledger.seedBasics();
    Ui::MainWindow window(ledger.store());
    window.show();
    ASSERT_TRUE(window.showPage(QStringLiteral("availability")));
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    ASSERT_NE(navigation, nullptr);
    const auto exceptionsItem = [&]() -> QString {
        for (int i = 0; i < navigation->count(); ++i) {
            if (navigation->item(i)->data(Qt::UserRole).toString() == u"exceptions") {
                return navigation->item(i)->text();
            }
        }
        return {};
    };
    ASSERT_EQ(exceptionsItem(), QStringLiteral("Exceptions"));

    // A sync thread raises two exceptions through its own connection.
    std::unique_ptr<QThread> sync(QThread::create([&ledger] {
        for (const QString &sku : {QStringLiteral("FJ-NAVY-S"), QStringLiteral("FJ-NAVY-M")}) {
            Core::SyncException e;
            e.kind = Core::ExceptionKind::Conflict;
            e.system = kShopify;
            e.entity = QStringLiteral("inventory");
            e.entityKey = Core::InventoryKey{sku, kEast, Core::QuantityName::OnHand}.toString();
            e.ledgerValue = QStringLiteral("12");
            e.externalValue = QStringLiteral("9");
            e.errorText = QStringLiteral("values differ");
            EXPECT_TRUE(
                Core::ExceptionStore::raise(ledger.store().connection(), e, Core::nowUtcMillis())
                    .ok());
        }
        ledger.store().closeThreadConnection();
    }));
    sync->start();
    sync->wait();
    EXPECT_TRUE(QTest::qWaitFor([&] { return exceptionsItem() == u"Exceptions 2"; },
                                Ui::MainWindow::kHiddenCountRefreshMs + 1500))
        << exceptionsItem().toStdString();
    EXPECT_EQ(window.currentPage()->pageId(), QStringLiteral("availability"));
}
