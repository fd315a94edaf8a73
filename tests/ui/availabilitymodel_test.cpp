#include <core/demo/demoseeder.h>
#include <core/ledger/availability.h>
#include <tests/support/tempstore.h>
#include <tests/ui/modelwait.h>
#include <ui/models/availabilitymodel.h>

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QHeaderView>
#include <QIcon>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;
using Ledgerdesk::Testing::waitForRow;
using Ledgerdesk::Testing::waitUntilIdle;
using Ui::AvailabilityModel;

namespace {

// Field jacket S/M/L at two locations plus a rib tee with a barcode:
//   FJ-NAVY-S  WH-EAST 10, STORE-SOHO 1
//   FJ-NAVY-M  WH-EAST 3
//   FJ-NAVY-L  WH-EAST 0 (sold out: received 2, then sold 2)
//   RT-BLK-M   STORE-SOHO 40
class SmallLedger : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        const auto style = t.catalog().saveStyle({0,
                                                  QStringLiteral("rib-tee"),
                                                  QStringLiteral("Rib Tee"),
                                                  QStringLiteral("Northwind"),
                                                  QStringLiteral("Tops")});
        ASSERT_TRUE(style.ok());
        Core::Variant tee;
        tee.styleId = style.value();
        tee.sku = QStringLiteral("RT-BLK-M");
        tee.barcode = QStringLiteral("4006381333931");
        tee.options[0] = {QStringLiteral("Color"), QStringLiteral("Black")};
        tee.options[1] = {QStringLiteral("Size"), QStringLiteral("M")};
        ASSERT_TRUE(t.catalog().saveVariant(tee).ok());
        post(QStringLiteral("s-east"), QStringLiteral("FJ-NAVY-S"), QStringLiteral("WH-EAST"), 10);
        post(
            QStringLiteral("s-soho"), QStringLiteral("FJ-NAVY-S"), QStringLiteral("STORE-SOHO"), 1);
        post(QStringLiteral("m-east"), QStringLiteral("FJ-NAVY-M"), QStringLiteral("WH-EAST"), 3);
        post(QStringLiteral("l-in"), QStringLiteral("FJ-NAVY-L"), QStringLiteral("WH-EAST"), 2);
        post(QStringLiteral("l-out"), QStringLiteral("FJ-NAVY-L"), QStringLiteral("WH-EAST"), -2);
        post(
            QStringLiteral("t-soho"), QStringLiteral("RT-BLK-M"), QStringLiteral("STORE-SOHO"), 40);
    }

    void post(const QString &ref, const QString &sku, const QString &location, qint64 delta)
    {
        const auto posted
            = t.ledger().post(adjustment(ref, t.variant(sku), t.location(location), delta));
        ASSERT_TRUE(posted.ok()) << posted.error().message.toStdString();
    }

    int rowOf(const AvailabilityModel &model, const QString &sku, const QString &location) const
    {
        // The whole small ledger fits in the first page.
        EXPECT_TRUE(waitUntilIdle(model));
        EXPECT_TRUE(model.rowCount() == 0 || waitForRow(model, 0));
        for (int r = 0; r < model.rowCount(); ++r) {
            const auto row = model.rowAt(r);
            if (row && row->sku == sku && row->locationCode == location) {
                return r;
            }
        }
        return -1;
    }

    QString
    cell(const AvailabilityModel &model, int row, int column, int role = Qt::DisplayRole) const
    {
        return model.data(model.index(row, column), role).toString();
    }

    TempStore t;
};

} // namespace

TEST_F(SmallLedger, filtersChangeTheRowCountAsTheLedgerSays)
{
    AvailabilityModel model(t.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(waitUntilIdle(model));
    EXPECT_EQ(model.rowCount(), 5);

    model.setLocationFilter(QStringLiteral("WH-EAST"));
    EXPECT_EQ(model.rowCount(), 0); // counted on the loader thread
    EXPECT_TRUE(model.isCounting());
    ASSERT_TRUE(waitUntilIdle(model));
    EXPECT_EQ(model.rowCount(), 3);
    model.setLowStockOnly(true); // M (3) and L (0) at WH-EAST
    ASSERT_TRUE(waitUntilIdle(model));
    EXPECT_EQ(model.rowCount(), 2);
    model.setLocationFilter(QString()); // plus S at the store (1)
    ASSERT_TRUE(waitUntilIdle(model));
    EXPECT_EQ(model.rowCount(), 3);
    model.setLowStockOnly(false);

    const std::pair<const char *, int> searches[] = {
        {"FJ-NAVY-S", 2},     // SKU prefix
        {"fj", 4},            // SKU prefix, any case
        {"rib", 1},           // style handle prefix
        {"Tee", 1},           // title words
        {"4006381333931", 1}, // exact barcode
        {"400638", 0},        // a barcode must match exactly
        {"nothing-like-it", 0},
        {"", 5},
    };
    for (const auto &[text, rows] : searches) {
        model.setSearch(QString::fromUtf8(text));
        ASSERT_TRUE(waitUntilIdle(model));
        EXPECT_EQ(model.rowCount(), rows) << text;
        EXPECT_EQ(model.rowCount(),
                  Core::AvailabilityQuery(t.store()).count(model.filter()).value())
            << text;
    }
}

TEST_F(SmallLedger, showsEachColumnAndMarksLowAndSoldOutStock)
{
    AvailabilityModel model(t.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int tee = rowOf(model, QStringLiteral("RT-BLK-M"), QStringLiteral("STORE-SOHO"));
    ASSERT_GE(tee, 0);
    EXPECT_EQ(cell(model, tee, AvailabilityModel::Style), QStringLiteral("Rib Tee"));
    EXPECT_EQ(cell(model, tee, AvailabilityModel::Color), QStringLiteral("Black"));
    EXPECT_EQ(cell(model, tee, AvailabilityModel::Size), QStringLiteral("M"));
    EXPECT_EQ(cell(model, tee, AvailabilityModel::Location), QStringLiteral("STORE-SOHO"));
    EXPECT_EQ(cell(model, tee, AvailabilityModel::Available), QStringLiteral("40"));
    EXPECT_EQ(cell(model, tee, AvailabilityModel::OnHand), QStringLiteral("40"));
    EXPECT_TRUE(cell(model, tee, AvailabilityModel::Sku, Qt::ToolTipRole)
                    .contains(QStringLiteral("4006381333931")));

    const auto level = [&](const QString &sku, const QString &location) {
        const QModelIndex i
            = model.index(rowOf(model, sku, location), AvailabilityModel::Available);
        return i.data(AvailabilityModel::StockLevelRole).value<AvailabilityModel::StockLevel>();
    };
    const auto marked = [&](const QString &sku, const QString &location) {
        const QModelIndex i
            = model.index(rowOf(model, sku, location), AvailabilityModel::Available);
        return !i.data(Qt::DecorationRole).value<QIcon>().isNull()
               && i.data(Qt::BackgroundRole).value<QBrush>().style() != Qt::NoBrush
               && i.data(Qt::ForegroundRole).isValid();
    };
    EXPECT_EQ(level(QStringLiteral("FJ-NAVY-L"), QStringLiteral("WH-EAST")),
              AvailabilityModel::StockLevel::Out);
    EXPECT_EQ(level(QStringLiteral("FJ-NAVY-M"), QStringLiteral("WH-EAST")),
              AvailabilityModel::StockLevel::Low);
    EXPECT_EQ(level(QStringLiteral("FJ-NAVY-S"), QStringLiteral("STORE-SOHO")),
              AvailabilityModel::StockLevel::Low);
    EXPECT_EQ(level(QStringLiteral("FJ-NAVY-S"), QStringLiteral("WH-EAST")),
              AvailabilityModel::StockLevel::Normal);
    EXPECT_TRUE(marked(QStringLiteral("FJ-NAVY-L"), QStringLiteral("WH-EAST")));
    EXPECT_TRUE(marked(QStringLiteral("FJ-NAVY-M"), QStringLiteral("WH-EAST")));
    EXPECT_FALSE(marked(QStringLiteral("FJ-NAVY-S"), QStringLiteral("WH-EAST")));
    // Only the available column carries the marker.
    const int out = rowOf(model, QStringLiteral("FJ-NAVY-L"), QStringLiteral("WH-EAST"));
    EXPECT_FALSE(model.index(out, AvailabilityModel::OnHand).data(Qt::BackgroundRole).isValid());
}

TEST_F(SmallLedger, refreshShowsAPostingMadeThroughTheLedger)
{
    AvailabilityModel model(t.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const int row = rowOf(model, QStringLiteral("FJ-NAVY-S"), QStringLiteral("WH-EAST"));
    ASSERT_EQ(cell(model, row, AvailabilityModel::Available), QStringLiteral("10"));

    post(QStringLiteral("more"), QStringLiteral("FJ-NAVY-S"), QStringLiteral("WH-EAST"), 5);
    post(QStringLiteral("new-cell"), QStringLiteral("FJ-NAVY-M"), QStringLiteral("STORE-SOHO"), 7);
    model.refresh();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 6; }, 20000));
    EXPECT_GE(changed.count(), 1);
    // Until the fresh page arrives the row keeps a value on screen instead of going blank.
    EXPECT_FALSE(cell(model, row, AvailabilityModel::Available).isEmpty());
    const int after = rowOf(model, QStringLiteral("FJ-NAVY-S"), QStringLiteral("WH-EAST"));
    EXPECT_EQ(cell(model, after, AvailabilityModel::Available), QStringLiteral("15"));
    const int added = rowOf(model, QStringLiteral("FJ-NAVY-M"), QStringLiteral("STORE-SOHO"));
    ASSERT_GE(added, 0);
    EXPECT_EQ(cell(model, added, AvailabilityModel::Available), QStringLiteral("7"));
}

namespace {

class DemoLedger : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const auto seeded = Core::seedDemoLedger(t.store());
        ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();
        total = Core::AvailabilityQuery(t.store()).count({}).value();
        ASSERT_GT(total, AvailabilityModel::kPageSize * AvailabilityModel::kMaxCachedPages);
    }

    TempStore t;
    qint64 total = 0;
};

bool inOrder(const QVariant &a, const QVariant &b, bool descending)
{
    const int c = a.typeId() == QMetaType::QString ? a.toString().compare(b.toString())
                                                   : (a.toLongLong() < b.toLongLong()   ? -1
                                                      : a.toLongLong() > b.toLongLong() ? 1
                                                                                        : 0);
    return descending ? c >= 0 : c <= 0;
}

} // namespace

TEST_F(DemoLedger, sortsEveryColumnBothWaysAcrossPageBoundaries)
{
    AvailabilityModel model(t.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(waitUntilIdle(model));
    const int checked = AvailabilityModel::kPageSize * 2 + 10;
    for (int column = 0; column < AvailabilityModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(column, order);
            ASSERT_TRUE(waitUntilIdle(model));
            ASSERT_EQ(model.rowCount(), total);
            ASSERT_TRUE(waitForRow(model, 0));
            QVariant previous = model.index(0, column).data(AvailabilityModel::SortRole);
            for (int r = 1; r < checked; ++r) {
                ASSERT_TRUE(waitForRow(model, r));
                const QVariant value = model.index(r, column).data(AvailabilityModel::SortRole);
                ASSERT_TRUE(inOrder(previous, value, order == Qt::DescendingOrder))
                    << "column " << column << " row " << r;
                previous = value;
            }
            // The far end is in order too, not just the first pages.
            ASSERT_TRUE(waitForRow(model, model.rowCount() - 1));
            const QVariant last
                = model.index(model.rowCount() - 1, column).data(AvailabilityModel::SortRole);
            EXPECT_TRUE(inOrder(previous, last, order == Qt::DescendingOrder)) << column;
        }
    }
    // Filters keep the chosen order.
    model.sort(AvailabilityModel::Available, Qt::DescendingOrder);
    model.setLowStockOnly(true);
    model.setLocationFilter(QStringLiteral("WH-WEST"));
    ASSERT_TRUE(waitUntilIdle(model));
    ASSERT_GT(model.rowCount(), 1);
    ASSERT_TRUE(waitForRow(model, 0));
    ASSERT_TRUE(waitForRow(model, model.rowCount() - 1));
    EXPECT_LE(
        model.index(0, AvailabilityModel::Available).data(AvailabilityModel::SortRole).toLongLong(),
        5);
    EXPECT_TRUE(
        inOrder(model.index(0, AvailabilityModel::Available).data(AvailabilityModel::SortRole),
                model.index(model.rowCount() - 1, AvailabilityModel::Available)
                    .data(AvailabilityModel::SortRole),
                true));
}

TEST_F(DemoLedger, aShownTableReadsOnlyTheRowsInSight)
{
    AvailabilityModel model(t.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(waitUntilIdle(model));
    EXPECT_EQ(model.rowCount(), total);
    // Only what the model tester looked at so far: the first page at most.
    EXPECT_LE(model.loadedRowCount(), AvailabilityModel::kPageSize);

    QTableView view;
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.setModel(&model);
    view.resize(1280, 800);
    view.show();
    view.grab(); // paints the visible rows, which asks for their page
    ASSERT_TRUE(waitUntilIdle(model));
    EXPECT_GT(model.loadedRowCount(), 0);
    EXPECT_LE(model.loadedRowCount(), AvailabilityModel::kPageSize);

    view.scrollToBottom();
    view.grab();
    ASSERT_TRUE(waitUntilIdle(model));
    EXPECT_LE(model.loadedRowCount(), 3 * AvailabilityModel::kPageSize);
    EXPECT_TRUE(model.rowAt(model.rowCount() - 1).has_value());

    // Reading every row keeps memory bounded by the page cache.
    qint64 rowsSeen = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        rowsSeen += waitForRow(model, r) ? 1 : 0;
        ASSERT_LE(model.loadedRowCount(),
                  AvailabilityModel::kPageSize * AvailabilityModel::kMaxCachedPages);
    }
    EXPECT_EQ(rowsSeen, total);
}

TEST_F(DemoLedger, rowsNotReadYetShowAPlaceholderUntilTheirPageArrives)
{
    AvailabilityModel model(t.store());
    ASSERT_TRUE(waitUntilIdle(model));
    const QModelIndex far = model.index(model.rowCount() / 2, AvailabilityModel::Sku);
    EXPECT_EQ(far.data().toString(), QStringLiteral("…"));
    EXPECT_FALSE(far.data(AvailabilityModel::SortRole).isValid());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ASSERT_TRUE(waitForRow(model, far.row()));
    ASSERT_GE(changed.count(), 1);
    const QModelIndex first = changed.first().at(0).toModelIndex();
    const QModelIndex last = changed.first().at(1).toModelIndex();
    EXPECT_LE(first.row(), far.row());
    EXPECT_GE(last.row(), far.row());
    EXPECT_EQ(far.data().toString(), model.rowAt(far.row())->sku);
    EXPECT_TRUE(far.data().toString().contains(u'-'));
}
