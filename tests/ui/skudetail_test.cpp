#include <core/store/sql.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/syncvalues.h>
#include <tests/support/tempstore.h>
#include <ui/models/availabilitymodel.h>
#include <ui/models/movementhistorymodel.h>
#include <ui/models/skudetailreader.h>
#include <ui/models/stylematrixmodel.h>
#include <ui/models/systemfiguresmodel.h>

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;
using Ui::MovementHistoryModel;
using Ui::StyleMatrixModel;
using Ui::SystemFiguresModel;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

// The field jacket (Navy S/M/L) plus a Sand M only, so the matrix has a cell with no variant.
class DetailModels : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        const auto jacket = t.catalog().styleByHandle(QStringLiteral("field-jacket"));
        ASSERT_TRUE(jacket.ok() && jacket.value());
        Core::Variant sand;
        sand.styleId = jacket.value()->id;
        sand.sku = QStringLiteral("FJ-SAND-M");
        sand.options[0] = {QStringLiteral("Color"), QStringLiteral("Sand")};
        sand.options[1] = {QStringLiteral("Size"), QStringLiteral("M")};
        ASSERT_TRUE(t.catalog().saveVariant(sand).ok());
        east = t.location(QStringLiteral("WH-EAST"));
        soho = t.location(QStringLiteral("STORE-SOHO"));
        post(QStringLiteral("1"), QStringLiteral("FJ-NAVY-S"), east, 12);
        post(QStringLiteral("2"), QStringLiteral("FJ-NAVY-S"), soho, 4);
        post(QStringLiteral("3"), QStringLiteral("FJ-NAVY-M"), east, 3);
        post(QStringLiteral("4"), QStringLiteral("FJ-SAND-M"), east, 20);
    }

    void post(const QString &ref, const QString &sku, Core::LocationId location, qint64 delta)
    {
        const auto posted = t.ledger().post(adjustment(ref, t.variant(sku), location, delta));
        ASSERT_TRUE(posted.ok()) << posted.error().message.toStdString();
    }

    TempStore t;
    Core::LocationId east = 0;
    Core::LocationId soho = 0;
};

} // namespace

TEST_F(DetailModels, styleMatrixShowsColourBySizeWithTotalsAndMissingCells)
{
    StyleMatrixModel model(t.store());
    QAbstractItemModelTester tester(&model, kFatal);
    ASSERT_TRUE(model.load(QStringLiteral("field-jacket"), QString()));
    // Navy and Sand, then a total row; S, M, L, then a total column.
    ASSERT_EQ(model.rowCount(), 3);
    ASSERT_EQ(model.columnCount(), 4);
    EXPECT_EQ(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("Navy"));
    EXPECT_EQ(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("Sand"));
    EXPECT_EQ(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("L"));
    EXPECT_EQ(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("Total"));
    EXPECT_EQ(model.index(0, 0).data(StyleMatrixModel::ValueRole).toLongLong(), 16);
    EXPECT_EQ(model.index(0, 0).data(StyleMatrixModel::SkuRole).toString(),
              QStringLiteral("FJ-NAVY-S"));
    EXPECT_EQ(model.index(0, 2).data().toString(), QStringLiteral("0"));
    // Sand S does not exist: no value at all, unlike Navy L's zero.
    EXPECT_FALSE(model.index(1, 0).data(StyleMatrixModel::ValueRole).isValid());
    EXPECT_TRUE(model.index(1, 0).data().toString().isEmpty());
    EXPECT_TRUE(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("no")));
    EXPECT_EQ(model.index(0, 3).data(StyleMatrixModel::ValueRole).toLongLong(), 19);
    EXPECT_EQ(model.index(2, 1).data(StyleMatrixModel::ValueRole).toLongLong(), 23);
    EXPECT_EQ(model.index(2, 3).data(StyleMatrixModel::ValueRole).toLongLong(), 39);
    // Sold out and low cells are marked like the availability table.
    EXPECT_EQ(model.index(0, 2)
                  .data(StyleMatrixModel::StockLevelRole)
                  .value<Ui::AvailabilityModel::StockLevel>(),
              Ui::AvailabilityModel::StockLevel::Out);
    EXPECT_EQ(model.index(0, 1)
                  .data(StyleMatrixModel::StockLevelRole)
                  .value<Ui::AvailabilityModel::StockLevel>(),
              Ui::AvailabilityModel::StockLevel::Low);
    EXPECT_TRUE(model.index(0, 2).data(Qt::BackgroundRole).canConvert<QBrush>());
    EXPECT_EQ(model.indexOfSku(QStringLiteral("FJ-SAND-M")), model.index(1, 1));

    ASSERT_TRUE(model.load(QStringLiteral("field-jacket"), QStringLiteral("STORE-SOHO")));
    EXPECT_EQ(model.index(0, 0).data(StyleMatrixModel::ValueRole).toLongLong(), 4);
    EXPECT_EQ(model.index(1, 1).data(StyleMatrixModel::ValueRole).toLongLong(), 0);

    EXPECT_FALSE(model.load(QStringLiteral("no-such-style"), QString()));
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(DetailModels, historyPagesThroughMovementsNewestFirst)
{
    const int count = MovementHistoryModel::kPageSize + 30;
    QList<Core::PostingRequest> requests;
    for (int i = 0; i < count; ++i) {
        requests << adjustment(QStringLiteral("bulk-%1").arg(i),
                               t.variant(QStringLiteral("FJ-NAVY-L")),
                               soho,
                               i % 3 == 0 ? 2 : -1);
    }
    ASSERT_TRUE(t.ledger().postBatch(requests).ok());
    const qint64 balance
        = t.ledger().balance(t.variant(QStringLiteral("FJ-NAVY-L")), soho).value().available();

    MovementHistoryModel model(t.store());
    QAbstractItemModelTester tester(&model, kFatal);
    ASSERT_TRUE(model.load(QStringLiteral("FJ-NAVY-L"), QStringLiteral("STORE-SOHO")));
    EXPECT_EQ(model.rowCount(), MovementHistoryModel::kPageSize);
    EXPECT_TRUE(model.canFetchMore({}));
    EXPECT_EQ(model.index(0, MovementHistoryModel::Source).data().toString(),
              QStringLiteral("test · bulk-%1").arg(count - 1));
    EXPECT_EQ(model.index(0, MovementHistoryModel::AvailableAfter)
                  .data(MovementHistoryModel::SortRole)
                  .toLongLong(),
              balance);
    model.fetchMore({});
    EXPECT_EQ(model.rowCount(), count);
    EXPECT_FALSE(model.canFetchMore({}));
    // The oldest movement leaves exactly its own delta: 2 from nothing.
    EXPECT_EQ(model.index(count - 1, MovementHistoryModel::AvailableAfter).data().toString(),
              QStringLiteral("2"));
    EXPECT_EQ(model.index(count - 1, MovementHistoryModel::Change).data().toString(),
              QStringLiteral("+2 available"));
    EXPECT_EQ(model.index(count - 2, MovementHistoryModel::Change).data().toString(),
              QStringLiteral("−1 available"));
    // Every row's balance is the next older row's balance plus its own change.
    for (int r = 0; r + 1 < count; ++r) {
        EXPECT_EQ(model.entry(r).after.available(),
                  model.entry(r + 1).after.available() + model.entry(r).delta.available());
    }
    EXPECT_FALSE(model.load(QStringLiteral("NOPE"), QStringLiteral("WH-EAST")));
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(DetailModels, historyNamesEveryQuantityThatMovedAndMarksOverrides)
{
    Core::PostingRequest allocate
        = adjustment(QStringLiteral("order-7"), t.variant(QStringLiteral("FJ-NAVY-M")), east, -2);
    allocate.reason = Core::MovementReason::Allocation;
    allocate.lines[0].delta.set(Core::QuantityName::Committed, 2);
    ASSERT_TRUE(t.ledger().post(allocate).ok());
    Core::PostingRequest oversell
        = adjustment(QStringLiteral("order-8"), t.variant(QStringLiteral("FJ-NAVY-M")), east, -5);
    oversell.reason = Core::MovementReason::Sale;
    oversell.override = Core::StockOverride{QStringLiteral("customer collected in person")};
    ASSERT_TRUE(t.ledger().post(oversell).ok());

    MovementHistoryModel model(t.store());
    QAbstractItemModelTester tester(&model, kFatal);
    ASSERT_TRUE(model.load(QStringLiteral("FJ-NAVY-M"), QStringLiteral("WH-EAST")));
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, MovementHistoryModel::Reason).data().toString(),
              QStringLiteral("Sale (override)"));
    EXPECT_EQ(model.index(0, MovementHistoryModel::Note).data().toString(),
              QStringLiteral("customer collected in person"));
    EXPECT_EQ(model.index(0, MovementHistoryModel::AvailableAfter).data().toString(),
              QStringLiteral("-4"));
    EXPECT_EQ(model.index(1, MovementHistoryModel::Change).data().toString(),
              QStringLiteral("−2 available, +2 committed"));
    EXPECT_EQ(model.index(1, MovementHistoryModel::OnHandAfter).data().toString(),
              QStringLiteral("3"));
    EXPECT_TRUE(model.index(1, MovementHistoryModel::Time)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("committed +2 → 2")));
}

TEST_F(DetailModels, figuresShowEachSystemBesideTheLedgerWithAgeAndMarks)
{
    QSqlDatabase db = t.store().connection();
    const Core::UtcMillis now = Core::nowUtcMillis();
    const QString onHand = QStringLiteral("FJ-NAVY-S@WH-EAST:on_hand");
    const QString available = QStringLiteral("FJ-NAVY-S@WH-EAST:available");
    ASSERT_TRUE(Core::SyncValues::recordAgreement(db,
                                                  QStringLiteral("wms"),
                                                  QStringLiteral("inventory"),
                                                  onHand,
                                                  QStringLiteral("12"),
                                                  now - 3 * 60'000,
                                                  now - 3 * 60'000)
                    .ok());
    ASSERT_TRUE(Core::SyncValues::recordAgreement(db,
                                                  QStringLiteral("shopify"),
                                                  QStringLiteral("inventory"),
                                                  available,
                                                  QStringLiteral("9"),
                                                  now - 5 * 3'600'000,
                                                  now - 5 * 3'600'000)
                    .ok());
    ASSERT_TRUE(Core::SyncValues::recordAgreement(db,
                                                  QStringLiteral("erp"),
                                                  QStringLiteral("inventory"),
                                                  QStringLiteral("FJ-NAVY-M@WH-EAST:on_hand"),
                                                  QStringLiteral("3"),
                                                  now,
                                                  now)
                    .ok());
    Core::SyncException conflict;
    conflict.system = QStringLiteral("shopify");
    conflict.entity = QStringLiteral("inventory");
    conflict.entityKey = available;
    ASSERT_TRUE(Core::ExceptionStore::raise(db, conflict, now).ok());

    SystemFiguresModel model(t.store());
    QAbstractItemModelTester tester(&model, kFatal);
    ASSERT_TRUE(model.load(QStringLiteral("FJ-NAVY-S"), QStringLiteral("WH-EAST")));
    // Ledger available and on hand, ERP (never reported this pair), Shopify, WMS.
    ASSERT_EQ(model.rowCount(), 5);
    const auto text
        = [&](int row, int column) { return model.index(row, column).data().toString(); };
    EXPECT_EQ(text(0, SystemFiguresModel::Source), QStringLiteral("Ledger"));
    EXPECT_EQ(text(0, SystemFiguresModel::Value), QStringLiteral("12"));
    EXPECT_EQ(text(1, SystemFiguresModel::Figure), QStringLiteral("on hand"));
    EXPECT_EQ(text(2, SystemFiguresModel::Source), QStringLiteral("ERP"));
    EXPECT_EQ(text(2, SystemFiguresModel::Seen), QStringLiteral("never"));
    EXPECT_EQ(text(3, SystemFiguresModel::Source), QStringLiteral("Shopify"));
    EXPECT_EQ(text(3, SystemFiguresModel::Value), QStringLiteral("9"));
    EXPECT_EQ(text(3, SystemFiguresModel::Seen), QStringLiteral("5 h ago"));
    EXPECT_TRUE(model.index(3, 0).data(SystemFiguresModel::StaleRole).toBool());
    EXPECT_TRUE(model.index(3, 0).data(SystemFiguresModel::DiffersRole).toBool());
    EXPECT_EQ(text(3, SystemFiguresModel::Status), QStringLiteral("Conflict open · ledger has 12"));
    EXPECT_TRUE(model.index(3, SystemFiguresModel::Status)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Shopify says 9; the ledger has 12")));
    EXPECT_EQ(text(4, SystemFiguresModel::Source), QStringLiteral("WMS"));
    EXPECT_EQ(text(4, SystemFiguresModel::Seen), QStringLiteral("3 min ago"));
    EXPECT_FALSE(model.index(4, 0).data(SystemFiguresModel::StaleRole).toBool());
    EXPECT_EQ(text(4, SystemFiguresModel::Status), QStringLiteral("Agrees"));
    EXPECT_EQ(model.figures().openExceptions.size(), 1);

    // Time passing ages the same figures: the warehouse's count turns stale.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setNow(now + 2 * 3'600'000);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(text(4, SystemFiguresModel::Seen), QStringLiteral("2 h ago"));
    EXPECT_TRUE(model.index(4, 0).data(SystemFiguresModel::StaleRole).toBool());
}

TEST(SystemFiguresModelText, agesReadLikeAClock)
{
    EXPECT_EQ(SystemFiguresModel::ageText(42'000), QStringLiteral("42 s ago"));
    EXPECT_EQ(SystemFiguresModel::ageText(3 * 60'000 + 5'000), QStringLiteral("3 min ago"));
    EXPECT_EQ(SystemFiguresModel::ageText(2 * 3'600'000), QStringLiteral("2 h ago"));
    EXPECT_EQ(SystemFiguresModel::ageText(3 * 86'400'000LL), QStringLiteral("3 days ago"));
    EXPECT_EQ(SystemFiguresModel::systemTitle(QStringLiteral("shopify")),
              QStringLiteral("Shopify"));
    EXPECT_EQ(SystemFiguresModel::systemTitle(QStringLiteral("wms")), QStringLiteral("WMS"));
}

TEST_F(DetailModels, theReaderHandsBackOnlyTheNewestAnswer)
{
    Ui::SkuDetailReader reader(t.store());
    QSignalSpy details(&reader, &Ui::SkuDetailReader::detailRead);
    QSignalSpy matrices(&reader, &Ui::SkuDetailReader::matrixRead);
    // Three quick requests, as when moving through rows: only the last one is answered.
    reader.readDetail(QStringLiteral("FJ-NAVY-S"), QStringLiteral("WH-EAST"), 10);
    reader.readDetail(QStringLiteral("FJ-NAVY-M"), QStringLiteral("WH-EAST"), 10);
    reader.readDetail(QStringLiteral("FJ-NAVY-S"), QStringLiteral("STORE-SOHO"), 10);
    reader.readMatrix(QStringLiteral("field-jacket"), QString(), Core::QuantityName::Available);
    EXPECT_TRUE(reader.isReadingDetail());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !reader.isReadingDetail() && !reader.isReadingMatrix(); }));
    QTest::qWait(50);
    ASSERT_EQ(details.count(), 1);
    const auto detail = details.at(0).at(0).value<Ui::SkuDetailResult>();
    EXPECT_TRUE(detail.error.isEmpty());
    EXPECT_EQ(detail.locationCode, QStringLiteral("STORE-SOHO"));
    ASSERT_EQ(detail.history.entries.size(), 1);
    EXPECT_EQ(detail.history.entries[0].after.available(), 4);
    EXPECT_EQ(detail.figures.ledger.available(), 4);
    ASSERT_EQ(matrices.count(), 1);
    EXPECT_EQ(matrices.at(0).at(0).value<Ui::StyleMatrixResult>().matrix.value(
                  QStringLiteral("Navy"), QStringLiteral("S")),
              16);

    // A SKU that does not exist comes back as a message, not as empty figures.
    reader.readDetail(QStringLiteral("NOPE"), QStringLiteral("WH-EAST"), 10);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !reader.isReadingDetail(); }));
    ASSERT_EQ(details.count(), 2);
    EXPECT_TRUE(
        details.at(1).at(0).value<Ui::SkuDetailResult>().error.contains(QStringLiteral("NOPE")));
}
