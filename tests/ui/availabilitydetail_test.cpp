#include <core/demo/demoseeder.h>
#include <core/ledger/availability.h>
#include <core/ledger/movementhistory.h>
#include <tests/support/tempstore.h>
#include <tests/ui/modelwait.h>
#include <ui/models/availabilitymodel.h>
#include <ui/models/movementhistorymodel.h>
#include <ui/models/stylematrixmodel.h>
#include <ui/models/systemfiguresmodel.h>
#include <ui/pages/availabilitypage.h>
#include <ui/pages/skudetailpane.h>
#include <ui/pages/stylematrixview.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;
using Ledgerdesk::Testing::waitForRow;
using Ledgerdesk::Testing::waitUntilIdle;
using Ui::AvailabilityModel;
using Ui::AvailabilityPage;
using Ui::MovementHistoryModel;
using Ui::StyleMatrixModel;
using Ui::SystemFiguresModel;

namespace {

class AvailabilityDetail : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(Core::seedDemoLedger(t.store()).ok());
        page = std::make_unique<AvailabilityPage>(t.store());
        page->resize(1200, 800);
        page->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(page.get()));
        ASSERT_TRUE(waitUntilIdle(*page->model()));
        ASSERT_TRUE(waitForRow(*page->model(), 0));
    }

    // Makes `row` current and waits until the tabs show it.
    Core::AvailabilityRow select(int row)
    {
        EXPECT_TRUE(waitForRow(*page->model(), row));
        page->view()->setCurrentIndex(page->model()->index(row, AvailabilityModel::Sku));
        const auto shown = page->model()->rowAt(row);
        EXPECT_TRUE(shown.has_value());
        EXPECT_TRUE(QTest::qWaitFor([&] {
            return page->detailPane()->row() && page->detailPane()->row()->sku == shown->sku
                   && page->detailPane()->row()->locationCode == shown->locationCode
                   && !page->detailPane()->isLoading()
                   && page->detailPane()->historyModel()->sku() == shown->sku;
        }));
        return *shown;
    }

    TempStore t;
    std::unique_ptr<AvailabilityPage> page;
};

} // namespace

TEST_F(AvailabilityDetail, selectingARowFillsDetailsWithItsLedgerFigures)
{
    const Core::AvailabilityRow row = select(3);
    Ui::SkuDetailPane *pane = page->detailPane();
    ASSERT_EQ(page->detailTabs()->currentWidget(), pane);
    QAbstractItemModelTester figuresTester(pane->figuresModel(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester historyTester(pane->historyModel(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);

    SystemFiguresModel *figures = pane->figuresModel();
    ASSERT_GE(figures->rowCount(), 2);
    EXPECT_EQ(figures->index(0, SystemFiguresModel::Source).data().toString(),
              QStringLiteral("Ledger"));
    EXPECT_EQ(figures->index(0, SystemFiguresModel::Value).data().toString(),
              QLocale().toString(row.quantities.available()));
    EXPECT_EQ(figures->index(1, SystemFiguresModel::Value).data().toString(),
              QLocale().toString(row.quantities.onHand()));

    // The history is the core's, and its newest running balance is the row's balance.
    const auto expected = Core::MovementHistory(t.store()).fetch(row.sku, row.locationCode, 100);
    ASSERT_TRUE(expected.ok());
    MovementHistoryModel *history = pane->historyModel();
    ASSERT_EQ(history->rowCount(), expected.value().entries.size());
    ASSERT_GT(history->rowCount(), 0);
    EXPECT_EQ(history->entry(0).movementId, expected.value().entries[0].movementId);
    EXPECT_EQ(history->entry(0).after, row.quantities);
}

TEST_F(AvailabilityDetail, theMatrixTabShowsTheRowsStyleWithItsNumbers)
{
    const Core::AvailabilityRow row = select(5);
    QTest::keyClick(page->view(), Qt::Key_M, Qt::ControlModifier);
    Ui::StyleMatrixView *matrix = page->matrixView();
    ASSERT_EQ(page->detailTabs()->currentWidget(), matrix);
    StyleMatrixModel *model = matrix->model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !matrix->isLoading() && model->rowCount() > 0; }));
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(model->matrix().style.handle, row.styleHandle);

    // Every cell equals the sum of that SKU's balances as the availability query reports them.
    Core::AvailabilityFilter filter;
    filter.styleHandle = row.styleHandle;
    const auto balances = Core::AvailabilityQuery(t.store()).fetch(filter);
    ASSERT_TRUE(balances.ok());
    QHash<QString, qint64> bySku;
    for (const Core::AvailabilityRow &b : balances.value()) {
        bySku[b.sku] += b.quantities.available();
    }
    int cells = 0;
    for (int r = 0; r + 1 < model->rowCount(); ++r) {
        for (int c = 0; c + 1 < model->columnCount(); ++c) {
            const QModelIndex index = model->index(r, c);
            const QString sku = index.data(StyleMatrixModel::SkuRole).toString();
            if (!sku.isEmpty()) {
                EXPECT_EQ(index.data(StyleMatrixModel::ValueRole).toLongLong(), bySku.value(sku))
                    << sku.toStdString();
                ++cells;
            }
        }
    }
    EXPECT_GT(cells, 1);
    EXPECT_EQ(matrix->view()->currentIndex(), model->indexOfSku(row.sku));

    // One location and another quantity: the row's own cell is the row's own number.
    matrix->setLocation(row.locationCode);
    matrix->setQuantity(Core::QuantityName::OnHand);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !matrix->isLoading(); }));
    EXPECT_EQ(model->matrix().locationCode, row.locationCode);
    EXPECT_EQ(model->matrix().quantity, Core::QuantityName::OnHand);
    EXPECT_EQ(model->indexOfSku(row.sku).data(StyleMatrixModel::ValueRole).toLongLong(),
              row.quantities.onHand());
}

TEST_F(AvailabilityDetail, aPostingMadeAfterOpeningShowsInTheHistoryAfterRefresh)
{
    const Core::AvailabilityRow row = select(2);
    MovementHistoryModel *history = page->detailPane()->historyModel();
    const int before = history->rowCount();
    ASSERT_TRUE(
        t.ledger()
            .post(adjustment(QStringLiteral("late-count"), row.variantId, row.locationId, 7))
            .ok());
    EXPECT_EQ(history->rowCount(), before);
    page->refresh();
    ASSERT_TRUE(QTest::qWaitFor([&] { return history->rowCount() == before + 1; }));
    EXPECT_EQ(history->entry(0).reference, QStringLiteral("late-count"));
    EXPECT_EQ(history->entry(0).after.available(), row.quantities.available() + 7);
    EXPECT_EQ(page->detailPane()->figuresModel()->figures().ledger.available(),
              row.quantities.available() + 7);
}

TEST_F(AvailabilityDetail, movingThroughRowsQuicklyReadsOnlyWhereItSettles)
{
    ASSERT_TRUE(waitForRow(*page->model(), 40));
    QSignalSpy resets(page->detailPane()->historyModel(), &QAbstractItemModel::modelReset);
    page->view()->setFocus();
    page->view()->setCurrentIndex(page->model()->index(0, 0));
    for (int i = 0; i < 30; ++i) {
        QTest::keyClick(page->view(), Qt::Key_Down);
    }
    const auto settled = page->model()->rowAt(30);
    ASSERT_TRUE(settled.has_value());
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return page->detailPane()->row() && page->detailPane()->row()->sku == settled->sku
               && page->detailPane()->row()->locationCode == settled->locationCode;
    }));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !page->detailPane()->isLoading(); }));
    QTest::qWait(2 * AvailabilityPage::kFollowDelayMs);
    EXPECT_LE(resets.count(), 2);
    EXPECT_EQ(page->detailPane()->historyModel()->sku(), settled->sku);
}

TEST_F(AvailabilityDetail, enterFocusesTheDetailsAndTheMatrixTabLoadsOnlyWhenShown)
{
    const Core::AvailabilityRow row = select(1);
    // The matrix tab is hidden, so it has not read anything yet.
    EXPECT_EQ(page->matrixView()->model()->rowCount(), 0);
    page->detailTabs()->setCurrentWidget(page->matrixView());
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return page->matrixView()->model()->matrix().style.handle == row.styleHandle; }));

    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_Return);
    EXPECT_EQ(page->detailTabs()->currentWidget(), page->detailPane());
    EXPECT_TRUE(QTest::qWaitFor([&] { return page->detailPane()->historyView()->hasFocus(); }));
}

TEST_F(AvailabilityDetail, remembersTheSplitterAndTabAndReadsOldState)
{
    page->splitter()->setSizes({500, 260});
    page->detailTabs()->setCurrentIndex(1);
    const QList<int> sizes = page->splitter()->sizes();
    const QByteArray state = page->saveState();

    AvailabilityPage again(t.store());
    again.resize(1200, 800);
    again.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&again));
    again.restoreState(state);
    EXPECT_EQ(again.splitter()->sizes(), sizes);
    EXPECT_EQ(again.detailTabs()->currentIndex(), 1);

    // A state from before the splitter existed holds only the column header.
    again.view()->sortByColumn(AvailabilityModel::OnHand, Qt::DescendingOrder);
    const QByteArray header = again.view()->horizontalHeader()->saveState();
    AvailabilityPage old(t.store());
    old.restoreState(header);
    EXPECT_EQ(old.view()->horizontalHeader()->sortIndicatorSection(), AvailabilityModel::OnHand);
    old.restoreState(QByteArray("garbage"));
    EXPECT_EQ(old.detailTabs()->currentIndex(), 0);
}
