#include <core/demo/demoseeder.h>
#include <core/ledger/availability.h>
#include <tests/support/tempstore.h>
#include <tests/ui/modelwait.h>
#include <ui/mainwindow.h>
#include <ui/models/availabilitymodel.h>
#include <ui/pages/availabilitypage.h>
#include <ui/widgets/freshnesslabel.h>

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;
using Ledgerdesk::Testing::waitForRow;
using Ledgerdesk::Testing::waitUntilIdle;
using Ui::AvailabilityModel;
using Ui::AvailabilityPage;
using Ui::MainWindow;

namespace {

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Window geometry and column state go to a throwaway folder, never the user's settings.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        QSettings().clear();
    }

    static AvailabilityPage *availability(MainWindow &window)
    {
        return qobject_cast<AvailabilityPage *>(window.page(QStringLiteral("availability")));
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

QString shownCount(qint64 n)
{
    return QLocale().toString(n);
}

} // namespace

TEST_F(MainWindowTest, opensOnAnEmptyLedgerWithAnExplanationInsteadOfATable)
{
    MainWindow window(t.store());
    window.show();
    EXPECT_TRUE(window.windowTitle().contains(t.path()));
    AvailabilityPage *page = availability(window);
    ASSERT_NE(page, nullptr);
    ASSERT_TRUE(waitUntilIdle(*page->model()));
    EXPECT_EQ(window.currentPage(), page);
    EXPECT_FALSE(page->view()->isVisible());
    EXPECT_TRUE(window.summaryText().endsWith(QStringLiteral(": 0")));
    EXPECT_EQ(window.freshnessText(), Ui::FreshnessLabel::describe(0, Core::nowUtcMillis()));
    EXPECT_TRUE(window.ledgerText().contains(t.path()));
    // Only real pages are listed.
    const auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    ASSERT_NE(navigation, nullptr);
    EXPECT_EQ(navigation->count(), 3);
    EXPECT_EQ(navigation->item(0)->text(), page->title());
}

TEST_F(MainWindowTest, opensOnADemoLedgerShowingItsBalances)
{
    ASSERT_TRUE(Core::seedDemoLedger(t.store()).ok());
    const qint64 total = Core::AvailabilityQuery(t.store()).count({}).value();
    MainWindow window(t.store());
    window.show();
    AvailabilityPage *page = availability(window);
    ASSERT_TRUE(waitUntilIdle(*page->model()));
    EXPECT_TRUE(page->view()->isVisible());
    EXPECT_EQ(page->model()->rowCount(), total);
    EXPECT_TRUE(window.summaryText().endsWith(shownCount(total)))
        << window.summaryText().toStdString();
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^updated \\d+ s ago$"))
                    .match(window.freshnessText())
                    .hasMatch())
        << window.freshnessText().toStdString();
    // Opening reads a window of rows, not the ledger.
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->model()->loadedRowCount() > 0; }, 20000));
    ASSERT_TRUE(waitUntilIdle(*page->model()));
    EXPECT_LE(page->model()->loadedRowCount(), AvailabilityModel::kPageSize);
    EXPECT_LT(page->model()->loadedRowCount(), total);
}

TEST_F(MainWindowTest, ctrlFFocusesTheSearchFieldAndCtrl1ShowsThePage)
{
    t.seedBasics();
    MainWindow window(t.store());
    showActive(window);
    AvailabilityPage *page = availability(window);
    page->view()->setFocus();
    ASSERT_FALSE(page->searchField()->hasFocus());
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(page->searchField()->hasFocus());
    // The page is reachable as Ctrl+1 from anywhere in the window.
    const QList<QAction *> actions = window.actions();
    const auto ctrl1 = std::find_if(actions.begin(), actions.end(), [](const QAction *a) {
        return a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_1);
    });
    ASSERT_NE(ctrl1, actions.end());
    EXPECT_EQ((*ctrl1)->text(), page->title());
}

TEST_F(MainWindowTest, typingInTheSearchFieldFiltersAfterAShortPause)
{
    ASSERT_TRUE(Core::seedDemoLedger(t.store()).ok());
    MainWindow window(t.store());
    showActive(window);
    AvailabilityPage *page = availability(window);
    ASSERT_TRUE(waitUntilIdle(*page->model()));
    const int all = page->model()->rowCount();
    page->searchField()->setFocus();
    QTest::keyClicks(page->searchField(), QStringLiteral("HD105-NAV"));
    EXPECT_EQ(page->model()->rowCount(), all); // not on every keystroke
    Core::AvailabilityFilter filter;
    filter.search = QStringLiteral("HD105-NAV");
    const qint64 expected = Core::AvailabilityQuery(t.store()).count(filter).value();
    ASSERT_GT(expected, 0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return page->model()->rowCount() == expected; }, 20000));
    EXPECT_TRUE(window.summaryText().endsWith(shownCount(expected)));
}

TEST_F(MainWindowTest, f5ShowsAPostingMadeMeanwhile)
{
    t.seedBasics();
    const Core::VariantId s = t.variant(QStringLiteral("FJ-NAVY-S"));
    const Core::LocationId east = t.location(QStringLiteral("WH-EAST"));
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("first"), s, east, 4)).ok());
    MainWindow window(t.store());
    showActive(window);
    AvailabilityPage *page = availability(window);
    ASSERT_TRUE(waitUntilIdle(*page->model()));
    ASSERT_EQ(page->model()->rowCount(), 1);
    ASSERT_TRUE(waitForRow(*page->model(), 0));
    EXPECT_EQ(page->model()->index(0, AvailabilityModel::Available).data().toString(),
              QStringLiteral("4"));

    const Core::UtcMillis beforeSecond = Core::nowUtcMillis();
    ASSERT_LT(page->newestChange(), beforeSecond + 1);
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("second"), s, east, 6)).ok());
    ASSERT_TRUE(t.ledger()
                    .post(adjustment(QStringLiteral("third"),
                                     t.variant(QStringLiteral("FJ-NAVY-M")),
                                     t.location(QStringLiteral("STORE-SOHO")),
                                     2))
                    .ok());
    QTest::keyClick(&window, Qt::Key_F5);
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->model()->rowCount() == 2; }, 20000));
    ASSERT_TRUE(waitUntilIdle(*page->model()));
    // The status bar's age now counts from the new posting (read after the first page lands).
    EXPECT_TRUE(QTest::qWaitFor([&] { return page->newestChange() >= beforeSecond; }, 20000));
    EXPECT_TRUE(window.summaryText().endsWith(QStringLiteral(": 2")));
    ASSERT_TRUE(waitForRow(*page->model(), 0));
    ASSERT_TRUE(waitForRow(*page->model(), 1));
    // Sorted by SKU: FJ-NAVY-M at the store, then FJ-NAVY-S at the warehouse.
    EXPECT_EQ(page->model()->index(0, AvailabilityModel::Available).data().toString(),
              QStringLiteral("2"));
    EXPECT_EQ(page->model()->index(1, AvailabilityModel::Available).data().toString(),
              QStringLiteral("10"));
}

TEST_F(MainWindowTest, headerClicksSortThroughTheModel)
{
    ASSERT_TRUE(Core::seedDemoLedger(t.store()).ok());
    MainWindow window(t.store());
    showActive(window);
    AvailabilityPage *page = availability(window);
    page->view()->sortByColumn(AvailabilityModel::Available, Qt::AscendingOrder);
    ASSERT_TRUE(waitUntilIdle(*page->model()));
    ASSERT_TRUE(waitForRow(*page->model(), 0));
    EXPECT_EQ(page->model()
                  ->index(0, AvailabilityModel::Available)
                  .data(AvailabilityModel::SortRole)
                  .toLongLong(),
              0);
    page->view()->sortByColumn(AvailabilityModel::Available, Qt::DescendingOrder);
    ASSERT_TRUE(waitUntilIdle(*page->model()));
    ASSERT_TRUE(waitForRow(*page->model(), 0));
    ASSERT_TRUE(waitForRow(*page->model(), 1));
    const qint64 top = page->model()
                           ->index(0, AvailabilityModel::Available)
                           .data(AvailabilityModel::SortRole)
                           .toLongLong();
    const qint64 second = page->model()
                              ->index(1, AvailabilityModel::Available)
                              .data(AvailabilityModel::SortRole)
                              .toLongLong();
    EXPECT_GT(top, 5);
    EXPECT_GE(top, second);
}

TEST_F(MainWindowTest, remembersGeometryAndColumnsBetweenSessions)
{
    t.seedBasics();
    {
        MainWindow window(t.store());
        showActive(window);
        window.resize(960, 640);
        availability(window)->view()->sortByColumn(AvailabilityModel::OnHand, Qt::DescendingOrder);
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        EXPECT_FALSE(window.isVisible());
    }
    MainWindow again(t.store());
    again.show();
    EXPECT_EQ(again.size(), QSize(960, 640));
    const QTableView *view = availability(again)->view();
    EXPECT_EQ(view->horizontalHeader()->sortIndicatorSection(), AvailabilityModel::OnHand);
    EXPECT_EQ(view->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
}

TEST(FreshnessLabel, describesTheAgeOfTheNewestChange)
{
    using Ui::FreshnessLabel;
    const Core::UtcMillis now = 1'750'000'000'000;
    EXPECT_EQ(FreshnessLabel::describe(0, now), QStringLiteral("no stock recorded yet"));
    EXPECT_EQ(FreshnessLabel::describe(now - 3'400, now), QStringLiteral("updated 3 s ago"));
    EXPECT_EQ(FreshnessLabel::describe(now + 5'000, now), QStringLiteral("updated 0 s ago"));
    EXPECT_EQ(FreshnessLabel::describe(now - 125'000, now), QStringLiteral("updated 2 min ago"));
    EXPECT_EQ(FreshnessLabel::describe(now - 5 * 3'600'000, now),
              QStringLiteral("updated 5 h ago"));
    EXPECT_TRUE(FreshnessLabel::describe(now - 10 * 86'400'000LL, now)
                    .startsWith(QStringLiteral("updated on ")));
}
