#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/sync/outbox.h>
#include <core/sync/ownershipmap.h>
#include <tests/support/tempstore.h>
#include <ui/mainwindow.h>
#include <ui/models/ordermodel.h>
#include <ui/pages/orderdetailpane.h>
#include <ui/pages/orderfilterbar.h>
#include <ui/pages/orderspage.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <cstdio>

using namespace Ledgerdesk;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

namespace {

constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
const QString kSku = QStringLiteral("FJ-NAVY-M");

class OrdersPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        // Picked in-house, so Pick moves the units off on hand at once (the WMS path is tested
        // with the WMS connector).
        ASSERT_TRUE(Core::OwnershipMap(t.store())
                        .setOwner(QStringLiteral("on_hand"),
                                  QStringLiteral("ledger"),
                                  QStringLiteral("test"))
                        .ok());
        ASSERT_TRUE(t.ledger()
                        .post(adjustment(QStringLiteral("start"),
                                         t.variant(kSku),
                                         t.location(QStringLiteral("WH-EAST")),
                                         10))
                        .ok());
    }

    Core::OrderId receive(const QString &channel,
                          const QString &ref,
                          qint64 quantity,
                          const QString &company = {},
                          qint64 daysAgo = 0,
                          const QString &terms = {})
    {
        Core::IncomingOrder order;
        order.channel = channel;
        order.externalRef = ref;
        order.name = u'#' + ref;
        order.company = company;
        order.poNumber = company.isEmpty() ? QString() : QStringLiteral("PO-") + ref;
        order.currency = QStringLiteral("USD");
        order.paymentTerms = terms;
        order.issuedAt = Core::nowUtcMillis() - daysAgo * kDayMs;
        order.lines = {{kSku, quantity, QStringLiteral("189.00")}};
        const auto received = Core::OrderBook(t.store()).receive(order, QStringLiteral("test"));
        EXPECT_TRUE(received.ok()) << qPrintable(received.error().message);
        return received.ok() ? received.value().id : 0;
    }

    Core::Quantities east()
    {
        return t.ledger().balance(t.variant(kSku), t.location(QStringLiteral("WH-EAST"))).value();
    }

    static bool settle(const Ui::OrderModel &model)
    {
        return QTest::qWaitFor([&] { return !model.isLoading(); }, 20000);
    }

    static void select(Ui::OrdersPage &page, Core::OrderId id)
    {
        ASSERT_TRUE(settle(*page.model()));
        const int row = page.model()->rowOf(id);
        ASSERT_GE(row, 0);
        page.view()->selectRow(row);
    }

    static Core::OrderState stateInRow(const Ui::OrdersPage &page, Core::OrderId id)
    {
        const Ui::OrderRow *row = page.model()->rowAt(page.model()->rowOf(id));
        return row ? row->order.state : Core::OrderState::Cancelled;
    }

    TempStore t;
};

TEST_F(OrdersPageTest, ModelPassesTheItemModelTester)
{
    receive(Core::OrderChannel::shopify, QStringLiteral("1001"), 2, QStringLiteral("Acme"));
    receive(Core::OrderChannel::erp, QStringLiteral("SO-7"), 3, {}, 2, QStringLiteral("Net 30"));
    Ui::OrderModel model(t.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(settle(model));
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.columnCount(), Ui::OrderModel::ColumnCount);
    // Newest first: the Shopify order was issued today, the ERP one two days ago.
    EXPECT_EQ(model.index(0, Ui::OrderModel::NameColumn).data().toString(),
              QStringLiteral("#1001"));
    EXPECT_EQ(model.index(0, Ui::OrderModel::ChannelColumn).data().toString(),
              QStringLiteral("Shopify"));
    EXPECT_EQ(model.index(0, Ui::OrderModel::PoColumn).data().toString(),
              QStringLiteral("PO-1001"));
    EXPECT_EQ(model.index(1, Ui::OrderModel::LinesColumn).data().toString(),
              QStringLiteral("1 / 3"));
    EXPECT_EQ(model.index(1, Ui::OrderModel::OutstandingColumn).data().toString(),
              QStringLiteral("3"));
    EXPECT_EQ(model.index(1, Ui::OrderModel::TotalColumn).data().toString(),
              QStringLiteral("567.00 USD"));
    // Net 30 from two days ago: due in 28 days, not overdue.
    const QDate due = QDate::currentDate().addDays(28);
    EXPECT_EQ(model.index(1, Ui::OrderModel::DueColumn).data(Ui::OrderModel::SortRole).toDate(),
              due);
    EXPECT_FALSE(
        model.index(1, Ui::OrderModel::DueColumn).data(Ui::OrderModel::OverdueRole).toBool());
    EXPECT_EQ(model.needingAction(), 2);
    model.refresh();
    ASSERT_TRUE(settle(model));
    EXPECT_EQ(model.rowCount(), 2);
}

TEST_F(OrdersPageTest, UnpaidOrdersPastTheirTermsAreMarkedOverdue)
{
    const Core::OrderId late = receive(
        Core::OrderChannel::erp, QStringLiteral("SO-1"), 1, {}, 40, QStringLiteral("Net 30"));
    const Core::OrderId onTime = receive(
        Core::OrderChannel::erp, QStringLiteral("SO-2"), 1, {}, 5, QStringLiteral("Net 30"));
    const Core::OrderId unknown
        = receive(Core::OrderChannel::erp, QStringLiteral("SO-3"), 1, {}, 90);
    Ui::OrderModel model(t.store());
    ASSERT_TRUE(settle(model));
    const auto overdue = [&model](Core::OrderId id) {
        return model.index(model.rowOf(id), Ui::OrderModel::DueColumn)
            .data(Ui::OrderModel::OverdueRole)
            .toBool();
    };
    EXPECT_TRUE(overdue(late));
    EXPECT_TRUE(model.index(model.rowOf(late), Ui::OrderModel::DueColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("overdue")));
    EXPECT_FALSE(overdue(onTime));
    EXPECT_FALSE(overdue(unknown)); // no terms, no due date
    EXPECT_EQ(model.index(model.rowOf(unknown), Ui::OrderModel::DueColumn).data().toString(),
              QStringLiteral("—"));
}

TEST_F(OrdersPageTest, FiltersNarrowTheQueue)
{
    receive(
        Core::OrderChannel::shopify, QStringLiteral("1001"), 1, QStringLiteral("Acme Outfitters"));
    receive(Core::OrderChannel::shopify, QStringLiteral("1002"), 1, {}, 10);
    const Core::OrderId erp
        = receive(Core::OrderChannel::erp, QStringLiteral("SO-9"), 1, QStringLiteral("Globex"), 3);
    ASSERT_TRUE(Core::OrderAllocator(t.store()).allocate(erp, QStringLiteral("test")).ok());
    Ui::OrdersPage page(t.store());
    Ui::OrderModel &model = *page.model();
    ASSERT_TRUE(settle(model));
    EXPECT_EQ(model.rowCount(), 3);

    page.filterBar()->setChannel(Core::OrderChannel::shopify);
    ASSERT_TRUE(settle(model));
    EXPECT_EQ(model.rowCount(), 2);
    page.filterBar()->setCompany(QStringLiteral("acme"));
    ASSERT_TRUE(settle(model));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.rowAt(0)->order.externalRef, QStringLiteral("1001"));

    page.filterBar()->setCompany(QString());
    page.filterBar()->setChannel(QString());
    page.filterBar()->setState(Core::OrderState::Allocated);
    ASSERT_TRUE(settle(model));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.rowAt(0)->order.id, erp);

    page.filterBar()->setState(std::nullopt);
    const QDate today = QDate::currentDate();
    page.filterBar()->setIssuedBetween(today.addDays(-5), today.addDays(-1));
    ASSERT_TRUE(settle(model));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.rowAt(0)->order.id, erp);
    page.filterBar()->setIssuedBetween(QDate(), QDate());
    ASSERT_TRUE(settle(model));
    EXPECT_EQ(model.rowCount(), 3);
}

TEST_F(OrdersPageTest, AllocateCommitsStockAndMovesTheRow)
{
    const Core::OrderId id = receive(Core::OrderChannel::shopify, QStringLiteral("1001"), 4);
    Ui::OrdersPage page(t.store());
    page.setActor(QStringLiteral("maria"));
    select(page, id);
    ASSERT_TRUE(page.button(QStringLiteral("allocate"))->isEnabled());
    const Core::Quantities before = east();
    QTest::mouseClick(page.button(QStringLiteral("allocate")), Qt::LeftButton);
    EXPECT_EQ(east().available(), before.available() - 4);
    EXPECT_EQ(east().committed(), before.committed() + 4);
    EXPECT_TRUE(page.errorText().isEmpty()) << qPrintable(page.errorText());
    EXPECT_TRUE(page.messageText().contains(QStringLiteral("Allocated 4")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return stateInRow(page, id) == Core::OrderState::Allocated; },
                                20000));
    // The row stays selected and the detail shows where the units are held and who did it.
    const QTreeWidget *lines = page.detail()->linesView();
    ASSERT_EQ(lines->topLevelItemCount(), 1);
    EXPECT_EQ(lines->topLevelItem(0)->text(4), QStringLiteral("WH-EAST 4"));
    EXPECT_EQ(lines->topLevelItem(0)->text(5), QStringLiteral("0"));
    const QListWidget *history = page.detail()->historyList();
    ASSERT_EQ(history->count(), 2);
    EXPECT_TRUE(history->item(1)->text().contains(QStringLiteral("maria")));
    EXPECT_TRUE(history->item(1)->text().contains(QStringLiteral("Allocated")));
}

TEST_F(OrdersPageTest, AnOrderTheErpRefusedSaysSoOnTheOrderItself)
{
    const Core::OrderId id
        = receive(Core::OrderChannel::console, QStringLiteral("R-7"), 2, QStringLiteral("Harbor"));
    ASSERT_TRUE(Core::OrderAllocator(t.store()).allocate(id, QStringLiteral("rep")).ok());
    Ui::OrdersPage page(t.store());
    select(page, id);
    EXPECT_TRUE(page.detail()->sentText().contains(QStringLiteral("sales order to erp")))
        << qPrintable(page.detail()->sentText());
    EXPECT_TRUE(page.detail()->sentText().contains(QStringLiteral("waiting to be sent")));

    // The ERP refuses it for good: the row is dead-lettered the way a connector does it.
    Core::Outbox outbox(t.store());
    const auto claimed = outbox.claimDue(QStringLiteral("erp"), Core::nowUtcMillis() + 1, 5);
    ASSERT_TRUE(claimed.ok());
    ASSERT_EQ(claimed.value().size(), 1);
    ASSERT_TRUE(outbox
                    .fail(claimed.value().first().id,
                          {QStringLiteral("the ERP has no customer \"Harbor\""), false},
                          Core::nowUtcMillis())
                    .ok());
    // The page follows the ledger as it does in the console: a refresh, the same row still
    // selected.
    page.refresh();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return page.detail()->sentText().contains(QStringLiteral("REFUSED")); }, 20000));
    const QString sent = page.detail()->sentText();
    EXPECT_TRUE(sent.contains(QStringLiteral("REFUSED"))) << qPrintable(sent);
    EXPECT_TRUE(sent.contains(QStringLiteral("no customer"))) << qPrintable(sent);
    EXPECT_FALSE(sent.contains(QStringLiteral("waiting"))) << qPrintable(sent);
}

TEST_F(OrdersPageTest, ShortStockIsBackorderedAndStaysAllocatable)
{
    const Core::OrderId id = receive(Core::OrderChannel::erp, QStringLiteral("SO-1"), 14);
    Ui::OrdersPage page(t.store());
    select(page, id);
    QTest::mouseClick(page.button(QStringLiteral("allocate")), Qt::LeftButton);
    EXPECT_TRUE(page.messageText().contains(QStringLiteral("4 backordered")))
        << qPrintable(page.messageText());
    EXPECT_EQ(east().available(), 0);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return stateInRow(page, id) == Core::OrderState::Backordered; }, 20000));
    EXPECT_TRUE(page.button(QStringLiteral("allocate"))->isEnabled());
    EXPECT_FALSE(page.button(QStringLiteral("pick"))->isEnabled());
}

TEST_F(OrdersPageTest, ButtonsFollowTheAllowedTransitions)
{
    const Core::OrderId id = receive(Core::OrderChannel::shopify, QStringLiteral("1001"), 1);
    Ui::OrdersPage page(t.store());
    const auto enabled
        = [&page](const char *name) { return page.button(QString::fromLatin1(name))->isEnabled(); };
    ASSERT_TRUE(settle(*page.model()));
    // Nothing selected: no order action.
    for (const char *name : {"allocate", "pick", "ship", "cancel", "return"}) {
        EXPECT_FALSE(enabled(name)) << name;
    }
    select(page, id);
    EXPECT_TRUE(enabled("allocate"));
    EXPECT_TRUE(enabled("allocateOverride"));
    EXPECT_TRUE(enabled("cancel"));
    for (const char *name : {"pick", "ship", "invoice", "paid", "return"}) {
        EXPECT_FALSE(enabled(name)) << name;
    }
    const auto step = [&](const char *name, Core::OrderState expected) {
        QTest::mouseClick(page.button(QString::fromLatin1(name)), Qt::LeftButton);
        ASSERT_TRUE(QTest::qWaitFor([&] { return stateInRow(page, id) == expected; }, 20000))
            << name << ": " << qPrintable(page.errorText());
    };
    step("allocate", Core::OrderState::Allocated);
    EXPECT_TRUE(enabled("pick"));
    EXPECT_FALSE(enabled("allocate"));
    EXPECT_FALSE(enabled("ship"));
    step("pick", Core::OrderState::Picking);
    EXPECT_EQ(east().onHand(), 9);
    EXPECT_TRUE(enabled("ship"));
    EXPECT_FALSE(enabled("cancel"));
    step("ship", Core::OrderState::Shipped);
    EXPECT_TRUE(enabled("invoice"));
    EXPECT_TRUE(enabled("return"));
    step("invoice", Core::OrderState::Invoiced);
    step("paid", Core::OrderState::Paid);
    EXPECT_FALSE(enabled("paid"));
    EXPECT_TRUE(enabled("return"));
    // A refused step is shown inline: the order is paid, so it cannot be shipped again.
    EXPECT_FALSE(Core::OrderBook(t.store())
                     .advance(id, Core::OrderState::Shipped, QStringLiteral("x"))
                     .ok());
}

TEST_F(OrdersPageTest, CancelAsksForAReasonAndReleasesStock)
{
    const Core::OrderId id = receive(Core::OrderChannel::shopify, QStringLiteral("1001"), 3);
    ASSERT_TRUE(Core::OrderAllocator(t.store()).allocate(id, QStringLiteral("test")).ok());
    Ui::OrdersPage page(t.store());
    select(page, id);
    ASSERT_EQ(east().committed(), 3);

    // An empty reason cancels nothing.
    QTimer::singleShot(0, &page, [] {
        if (auto *d = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            d->setTextValue(QStringLiteral("  "));
            d->accept();
        }
    });
    QTest::mouseClick(page.button(QStringLiteral("cancel")), Qt::LeftButton);
    EXPECT_TRUE(page.errorText().contains(QStringLiteral("reason")));
    EXPECT_EQ(east().committed(), 3);

    QTimer::singleShot(0, &page, [] {
        if (auto *d = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            d->setTextValue(QStringLiteral("buyer changed their mind"));
            d->accept();
        }
    });
    QTest::mouseClick(page.button(QStringLiteral("cancel")), Qt::LeftButton);
    EXPECT_TRUE(page.errorText().isEmpty()) << qPrintable(page.errorText());
    EXPECT_EQ(east().committed(), 0);
    EXPECT_EQ(east().available(), 10);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stateInRow(page, id) == Core::OrderState::Cancelled; },
                                20000));
    EXPECT_TRUE(page.detail()->historyList()->item(2)->text().contains(
        QStringLiteral("buyer changed their mind")));
    for (const char *name : {"allocate", "cancel", "return", "pick"}) {
        EXPECT_FALSE(page.button(QString::fromLatin1(name))->isEnabled()) << name;
    }
}

TEST_F(OrdersPageTest, OverrideCommitsBelowZeroWithItsReason)
{
    const Core::OrderId id = receive(Core::OrderChannel::erp, QStringLiteral("SO-2"), 12);
    Ui::OrdersPage page(t.store());
    select(page, id);
    QTimer::singleShot(0, &page, [] {
        if (auto *d = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            d->setTextValue(QStringLiteral("container arrives tomorrow"));
            d->accept();
        }
    });
    QTest::mouseClick(page.button(QStringLiteral("allocateOverride")), Qt::LeftButton);
    EXPECT_TRUE(page.errorText().isEmpty()) << qPrintable(page.errorText());
    EXPECT_EQ(east().committed(), 12);
    EXPECT_EQ(east().available(), -2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stateInRow(page, id) == Core::OrderState::Allocated; },
                                20000));
}

TEST_F(OrdersPageTest, ReturnAsksWhatHappensToTheUnits)
{
    const Core::OrderId id = receive(Core::OrderChannel::shopify, QStringLiteral("1001"), 2);
    ASSERT_TRUE(Core::OrderAllocator(t.store()).allocate(id, QStringLiteral("test")).ok());
    Ui::OrdersPage page(t.store());
    select(page, id);
    const auto step = [&](const char *name, Core::OrderState expected) {
        QTest::mouseClick(page.button(QString::fromLatin1(name)), Qt::LeftButton);
        ASSERT_TRUE(QTest::qWaitFor([&] { return stateInRow(page, id) == expected; }, 20000));
    };
    step("pick", Core::OrderState::Picking);
    step("ship", Core::OrderState::Shipped);
    EXPECT_EQ(east().onHand(), 8);
    QTimer::singleShot(0, &page, [] {
        if (auto *d = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            d->setTextValue(d->comboBoxItems().value(1)); // damaged
            d->accept();
        }
    });
    step("return", Core::OrderState::Returned);
    EXPECT_EQ(east().onHand(), 10);
    EXPECT_EQ(east().get(Core::QuantityName::Damaged), 2);
    EXPECT_EQ(east().available(), 8);
}

TEST_F(OrdersPageTest, TheQueueStopsAtItsLimitAndSaysSo)
{
    const int total = Ui::OrderModel::kLimit + 20;
    for (int i = 0; i < total; ++i) {
        receive(Core::OrderChannel::shopify, QString::number(5000 + i), 1, {}, total - i);
    }
    Ui::OrdersPage page(t.store());
    QElapsedTimer timer;
    timer.start();
    ASSERT_TRUE(settle(*page.model()));
    std::printf(
        "read %d orders with their lines in %lld ms\n", page.model()->rowCount(), timer.elapsed());
    EXPECT_EQ(page.model()->rowCount(), Ui::OrderModel::kLimit);
    EXPECT_TRUE(page.model()->isCapped());
    // The newest first: the oldest twenty are beyond the limit.
    EXPECT_EQ(page.model()->rowAt(0)->order.externalRef, QString::number(5000 + total - 1));
    EXPECT_TRUE(page.summary().startsWith(QStringLiteral("Newest 500 orders shown")))
        << qPrintable(page.summary());
    EXPECT_EQ(page.model()->needingAction(), total);
}

TEST_F(OrdersPageTest, TitleCountsOrdersNeedingActionInTheMainWindow)
{
    receive(Core::OrderChannel::shopify, QStringLiteral("1001"), 1);
    receive(Core::OrderChannel::shopify, QStringLiteral("1002"), 1);
    const Core::OrderId done = receive(Core::OrderChannel::erp, QStringLiteral("SO-1"), 1);
    ASSERT_TRUE(Core::OrderAllocator(t.store()).allocate(done, QStringLiteral("test")).ok());
    Ui::MainWindow window(t.store());
    auto *page = new Ui::OrdersPage(t.store(), &window);
    window.addPage(page);
    ASSERT_TRUE(settle(*page->model()));
    EXPECT_EQ(page->pageId(), QStringLiteral("orders"));
    EXPECT_EQ(page->title(), QStringLiteral("Orders 2"));
    ASSERT_TRUE(window.showPage(QStringLiteral("orders")));
    EXPECT_TRUE(window.summaryText().contains(QStringLiteral("3 orders shown")))
        << qPrintable(window.summaryText());
}

} // namespace
