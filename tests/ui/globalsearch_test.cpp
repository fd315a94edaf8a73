#include <core/orders/orderbook.h>
#include <core/sync/exceptionstore.h>
#include <tests/support/tempstore.h>
#include <tests/ui/modelwait.h>
#include <ui/mainwindow.h>
#include <ui/models/availabilitymodel.h>
#include <ui/models/exceptionmodel.h>
#include <ui/models/ordermodel.h>
#include <ui/pages/availabilitypage.h>
#include <ui/pages/exceptionspage.h>
#include <ui/pages/orderspage.h>
#include <ui/widgets/globalsearchfield.h>

#include <QItemSelectionModel>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;
using Ledgerdesk::Testing::waitUntilIdle;
using Ui::AvailabilityPage;
using Ui::GlobalSearchField;
using Ui::MainWindow;

namespace {

class GlobalSearchUiTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        QSettings().clear();
        t.seedBasics();
        int n = 0;
        for (const QString &sku : {QStringLiteral("FJ-NAVY-S"),
                                   QStringLiteral("FJ-NAVY-M"),
                                   QStringLiteral("FJ-NAVY-L")}) {
            for (const QString &location :
                 {QStringLiteral("WH-EAST"), QStringLiteral("STORE-SOHO")}) {
                ASSERT_TRUE(t.ledger()
                                .post(adjustment(QStringLiteral("seed-%1").arg(++n),
                                                 t.variant(sku),
                                                 t.location(location),
                                                 10))
                                .ok());
            }
        }
    }

    static bool waitForHits(const GlobalSearchField &field)
    {
        return QTest::qWaitFor([&] { return !field.isSearching(); }, 20000);
    }

    static GlobalSearchField *fieldOf(const MainWindow &window)
    {
        return window.findChild<GlobalSearchField *>();
    }

    static void showActive(MainWindow &window)
    {
        window.show();
        window.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    }

    QTemporaryDir settingsDir;
    TempStore t;
};

QStringList popupLines(const GlobalSearchField &field)
{
    QStringList lines;
    for (int i = 0; i < field.popup()->count(); ++i) {
        lines << field.popup()->item(i)->text();
    }
    return lines;
}

} // namespace

TEST_F(GlobalSearchUiTest, typingShowsHitsGroupedByKindAfterAPause)
{
    GlobalSearchField field(t.store());
    field.resize(400, 30);
    field.show();
    field.setFocus();
    QSignalSpy shown(&field, &GlobalSearchField::resultsShown);
    QTest::keyClicks(&field, QStringLiteral("fj-navy"));
    EXPECT_EQ(shown.count(), 0); // not on every keystroke
    EXPECT_TRUE(field.isSearching());
    ASSERT_TRUE(shown.wait(5000));
    EXPECT_EQ(shown.count(), 1);
    EXPECT_EQ(field.hits().size(), 3);
    EXPECT_EQ(popupLines(field),
              (QStringList{QStringLiteral("SKUs"),
                           QStringLiteral("FJ-NAVY-L  —  Field Jacket · Navy / L"),
                           QStringLiteral("FJ-NAVY-M  —  Field Jacket · Navy / M"),
                           QStringLiteral("FJ-NAVY-S  —  Field Jacket · Navy / S")}));
    EXPECT_TRUE(field.popup()->isVisible());
    // Group titles cannot be picked; the first hit is.
    EXPECT_FALSE(field.popup()->item(0)->flags() & Qt::ItemIsSelectable);
    EXPECT_EQ(field.popup()->currentRow(), 1);

    QTest::keyClicks(&field, QStringLiteral("x"));
    ASSERT_TRUE(waitForHits(field));
    EXPECT_TRUE(field.hits().isEmpty());
    EXPECT_EQ(popupLines(field), QStringList{QStringLiteral("Nothing found for “fj-navyx”")});
    QTest::keyClick(&field, Qt::Key_Escape);
    EXPECT_FALSE(field.popup()->isVisible());
}

TEST_F(GlobalSearchUiTest, arrowsAndEnterChooseAHit)
{
    GlobalSearchField field(t.store());
    field.show();
    field.setFocus();
    QSignalSpy chosen(&field, &GlobalSearchField::hitChosen);
    QTest::keyClicks(&field, QStringLiteral("fj-navy"));
    ASSERT_TRUE(waitForHits(field));
    QTest::keyClick(&field, Qt::Key_Down);
    QTest::keyClick(&field, Qt::Key_Return);
    ASSERT_EQ(chosen.count(), 1);
    const auto hit = chosen.first().first().value<Core::SearchHit>();
    EXPECT_EQ(hit.kind, Core::SearchKind::Sku);
    EXPECT_EQ(hit.key, QStringLiteral("FJ-NAVY-M"));
    EXPECT_FALSE(field.popup()->isVisible());
}

TEST_F(GlobalSearchUiTest, ctrlKThenEnterShowsTheSkuOnTheAvailabilityPage)
{
    MainWindow window(t.store());
    showActive(window);
    auto *page = qobject_cast<AvailabilityPage *>(window.page(QStringLiteral("availability")));
    ASSERT_TRUE(waitUntilIdle(*page->model()));
    ASSERT_EQ(page->model()->rowCount(), 6);
    window.showPage(QStringLiteral("exceptions"));
    GlobalSearchField *field = fieldOf(window);
    ASSERT_NE(field, nullptr);
    ASSERT_FALSE(field->hasFocus());
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    ASSERT_TRUE(field->hasFocus());
    // Enter straight after typing waits for the hits and takes the best one: the exact SKU.
    QTest::keyClicks(field, QStringLiteral("fj-navy-m"));
    QTest::keyClick(field, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.currentPage() == page; }, 5000));
    EXPECT_EQ(page->searchField()->text(), QStringLiteral("FJ-NAVY-M"));
    EXPECT_EQ(page->model()->filter().search, QStringLiteral("FJ-NAVY-M"));
    ASSERT_TRUE(waitUntilIdle(*page->model()));
    EXPECT_EQ(page->model()->rowCount(), 2);

    // Ctrl+Shift+F reaches the same field.
    page->view()->setFocus();
    ASSERT_FALSE(field->hasFocus());
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_TRUE(field->hasFocus());
}

TEST_F(GlobalSearchUiTest, aLocationHitSetsTheLocationFilter)
{
    MainWindow window(t.store());
    showActive(window);
    auto *page = qobject_cast<AvailabilityPage *>(window.page(QStringLiteral("availability")));
    page->setSearchText(QStringLiteral("FJ-NAVY-S"));
    GlobalSearchField *field = fieldOf(window);
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("soho"));
    ASSERT_TRUE(waitForHits(*field));
    ASSERT_EQ(field->hits().size(), 1);
    EXPECT_EQ(field->hits().first().kind, Core::SearchKind::Location);
    QTest::keyClick(field, Qt::Key_Return);
    EXPECT_EQ(page->model()->filter().locationCode, QStringLiteral("STORE-SOHO"));
    EXPECT_TRUE(page->model()->filter().search.isEmpty());
    ASSERT_TRUE(waitUntilIdle(*page->model()));
    EXPECT_EQ(page->model()->rowCount(), 3);
}

TEST_F(GlobalSearchUiTest, anExceptionHitSelectsItOnTheExceptionsPage)
{
    Core::SyncException e;
    e.kind = Core::ExceptionKind::Conflict;
    e.system = QStringLiteral("wms");
    e.entity = QStringLiteral("inventory");
    e.entityKey = QStringLiteral("FJ-NAVY-L@WH-EAST:on_hand");
    const auto id = Core::ExceptionStore::raise(t.store().connection(), e, Core::nowUtcMillis());
    ASSERT_TRUE(id.ok());
    MainWindow window(t.store());
    showActive(window);
    GlobalSearchField *field = fieldOf(window);
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("@wh-east"));
    ASSERT_TRUE(waitForHits(*field));
    ASSERT_EQ(field->hits().size(), 1);
    EXPECT_EQ(field->hits().first().kind, Core::SearchKind::Exception);
    QTest::keyClick(field, Qt::Key_Return);
    auto *page = qobject_cast<Ui::ExceptionsPage *>(window.page(QStringLiteral("exceptions")));
    ASSERT_EQ(window.currentPage(), page);
    const QModelIndexList selected = page->view()->selectionModel()->selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(selected.first().data(Ui::ExceptionModel::IdRole).toLongLong(), id.value());
}

TEST_F(GlobalSearchUiTest, orderAndCompanyHitsOpenTheOrdersPage)
{
    Core::OrderId ids[2] = {0, 0};
    int n = 0;
    for (const QString &company :
         {QStringLiteral("Harbor Outfitters"), QStringLiteral("Alpine Supply")}) {
        Core::IncomingOrder order;
        order.channel = QStringLiteral("b2b");
        order.externalRef = QStringLiteral("50%1").arg(n);
        order.name = QStringLiteral("#50%1").arg(n);
        order.company = company;
        order.currency = QStringLiteral("USD");
        order.issuedAt = Core::nowUtcMillis();
        order.lines = {{QStringLiteral("FJ-NAVY-M"), 1, QStringLiteral("189.00")}};
        const auto received = Core::OrderBook(t.store()).receive(order, QStringLiteral("tester"));
        ASSERT_TRUE(received.ok()) << received.error().message.toStdString();
        ids[n++] = received.value().id;
    }
    MainWindow window(t.store());
    auto *orders = new Ui::OrdersPage(t.store(), &window);
    window.addPage(orders);
    showActive(window);
    GlobalSearchField *field = fieldOf(window);
    field->setFocus();

    QTest::keyClicks(field, QStringLiteral("#501"));
    ASSERT_TRUE(waitForHits(*field));
    ASSERT_EQ(field->hits().size(), 1);
    EXPECT_EQ(field->hits().first().kind, Core::SearchKind::Order);
    QTest::keyClick(field, Qt::Key_Return);
    ASSERT_EQ(window.currentPage(), orders);
    const auto selectedId = [&] {
        const QModelIndexList rows = orders->view()->selectionModel()->selectedRows();
        return rows.size() == 1 ? rows.first().data(Ui::OrderModel::IdRole).toLongLong() : 0;
    };
    EXPECT_TRUE(QTest::qWaitFor([&] { return selectedId() == ids[1]; }, 5000));

    window.showPage(QStringLiteral("availability"));
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("harbor"));
    ASSERT_TRUE(waitForHits(*field));
    ASSERT_EQ(field->hits().size(), 1);
    EXPECT_EQ(field->hits().first().kind, Core::SearchKind::Company);
    QTest::keyClick(field, Qt::Key_Return);
    ASSERT_EQ(window.currentPage(), orders);
    EXPECT_EQ(orders->model()->filter().company, QStringLiteral("Harbor Outfitters"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return orders->model()->rowCount() == 1; }, 5000));
}
