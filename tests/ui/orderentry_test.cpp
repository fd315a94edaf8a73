#include <core/orders/orderbook.h>
#include <core/sync/outbox.h>
#include <tests/support/tempstore.h>
#include <tests/ui/b2bfixture.h>
#include <ui/dialogs/orderentrydialog.h>
#include <ui/models/orderentrymodel.h>
#include <ui/models/ordermodel.h>
#include <ui/pages/orderspage.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCompleter>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::kAcmeBoston;
using Ledgerdesk::Testing::TempStore;

namespace {

class OrderEntryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        for (const QString &sku : {QStringLiteral("FJ-NAVY-S"),
                                   QStringLiteral("FJ-NAVY-M"),
                                   QStringLiteral("FJ-NAVY-L")}) {
            ASSERT_TRUE(t.ledger()
                            .post(adjustment(QStringLiteral("start-") + sku,
                                             t.variant(sku),
                                             t.location(QStringLiteral("WH-EAST")),
                                             20))
                            .ok());
        }
        // Shop stock is not what reps sell from.
        ASSERT_TRUE(t.ledger()
                        .post(adjustment(QStringLiteral("soho"),
                                         t.variant(QStringLiteral("FJ-NAVY-M")),
                                         t.location(QStringLiteral("STORE-SOHO")),
                                         5))
                        .ok());
        const Core::Status seeded = Testing::seedB2B(t);
        ASSERT_TRUE(seeded.ok()) << qPrintable(seeded.error().message);
    }

    Core::Quantities east(const QString &sku)
    {
        return t.ledger().balance(t.variant(sku), t.location(QStringLiteral("WH-EAST"))).value();
    }

    TempStore t;
};

TEST_F(OrderEntryTest, PlacesACompanyOrderAtItsTierPriceAndHoldsTheStock)
{
    Ui::OrderEntryDialog dialog(t.store(), QStringLiteral("rep.jo"));
    QAbstractItemModelTester tester(dialog.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(dialog.setBuyer(kAcmeBoston));
    EXPECT_TRUE(dialog.buyerText().contains(QStringLiteral("Net 30")));
    EXPECT_TRUE(dialog.buyerText().contains(QStringLiteral("Acme wholesale")));
    EXPECT_FALSE(dialog.placeButton()->isEnabled()); // no lines yet
    ASSERT_EQ(dialog.addLine(QStringLiteral("FJ-NAVY-M"), 12), QString());
    ASSERT_EQ(dialog.addLine(QStringLiteral("FJ-NAVY-S"), 2), QString());
    dialog.setPoNumber(QStringLiteral("PO-5521"));

    Ui::OrderEntryModel &lines = *dialog.model();
    ASSERT_EQ(lines.rowCount(), 2);
    // 12 reaches the 10+ break; S has a fixed price.
    EXPECT_EQ(lines.index(0, Ui::OrderEntryModel::UnitPriceColumn).data().toString(),
              QStringLiteral("140.00 USD"));
    EXPECT_TRUE(lines.index(0, Ui::OrderEntryModel::RuleColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Quantity break")));
    EXPECT_EQ(lines.index(1, Ui::OrderEntryModel::UnitPriceColumn).data().toString(),
              QStringLiteral("120.00 USD"));
    // The newest line is selected and its price explained in full.
    EXPECT_TRUE(dialog.whyText().startsWith(QStringLiteral("FJ-NAVY-S: Fixed price")))
        << qPrintable(dialog.whyText());
    // Live availability per location, and the shop's stock named apart.
    const QString stock = lines.index(0, Ui::OrderEntryModel::AvailableColumn).data().toString();
    EXPECT_TRUE(stock.startsWith(QStringLiteral("WH-EAST 20"))) << qPrintable(stock);
    EXPECT_TRUE(stock.contains(QStringLiteral("+5 elsewhere"))) << qPrintable(stock);
    EXPECT_TRUE(lines.index(0, Ui::OrderEntryModel::AvailableColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("STORE-SOHO 5")));
    EXPECT_TRUE(dialog.totalText().contains(QStringLiteral("1920.00 USD")))
        << qPrintable(dialog.totalText());
    ASSERT_TRUE(dialog.placeButton()->isEnabled()) << qPrintable(dialog.problemText());

    QTest::mouseClick(dialog.placeButton(), Qt::LeftButton);
    ASSERT_NE(dialog.placedOrderId(), 0) << qPrintable(dialog.errorText());
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(dialog.outcomeText().contains(QStringLiteral("held in the ledger")))
        << qPrintable(dialog.outcomeText());
    // The sales order for the ERP waits in the outbox; nothing needed a network.
    EXPECT_TRUE(dialog.outcomeText().contains(QStringLiteral("Queued to send when connected")))
        << qPrintable(dialog.outcomeText());
    EXPECT_EQ(Core::Outbox(t.store()).backlog(QStringLiteral("erp")).value().pending, 1);

    const auto order = Core::OrderBook(t.store()).get(dialog.placedOrderId()).value().value();
    EXPECT_EQ(order.channel, Core::OrderChannel::console);
    EXPECT_EQ(order.company, QStringLiteral("Acme Outfitters"));
    EXPECT_EQ(order.companyLocation, kAcmeBoston);
    EXPECT_EQ(order.poNumber, QStringLiteral("PO-5521"));
    EXPECT_EQ(order.paymentTerms, QStringLiteral("Net 30"));
    ASSERT_TRUE(order.dueDate.has_value());
    EXPECT_EQ(*order.dueDate, QDate::currentDate().addDays(30));
    EXPECT_EQ(order.state, Core::OrderState::Allocated);
    ASSERT_EQ(order.lines.size(), 2);
    EXPECT_EQ(order.lines.at(0).unitPrice, Core::Money(14000, QStringLiteral("USD")));
    EXPECT_EQ(order.lines.at(1).unitPrice, Core::Money(12000, QStringLiteral("USD")));
    EXPECT_EQ(east(QStringLiteral("FJ-NAVY-M")).committed(), 12);
    EXPECT_EQ(east(QStringLiteral("FJ-NAVY-M")).available(), 8);
    EXPECT_EQ(east(QStringLiteral("FJ-NAVY-S")).committed(), 2);
}

TEST_F(OrderEntryTest, ABrokenQuantityRuleIsMarkedAndBlocksPlacing)
{
    Ui::OrderEntryDialog dialog(t.store(), QStringLiteral("rep.jo"));
    ASSERT_TRUE(dialog.setBuyer(kAcmeBoston));
    ASSERT_EQ(dialog.addLine(QStringLiteral("FJ-NAVY-L"), 4), QString());
    const Ui::OrderEntryModel &lines = *dialog.model();
    const QString rule = lines.index(0, Ui::OrderEntryModel::RuleColumn).data().toString();
    EXPECT_TRUE(rule.contains(QStringLiteral("at least 6"))) << qPrintable(rule);
    EXPECT_TRUE(rule.contains(QStringLiteral("nearest allowed 6"))) << qPrintable(rule);
    EXPECT_TRUE(
        lines.index(0, Ui::OrderEntryModel::QuantityColumn).data(Qt::DecorationRole).isValid());
    EXPECT_FALSE(dialog.placeButton()->isEnabled());
    EXPECT_TRUE(dialog.problemText().contains(QStringLiteral("FJ-NAVY-L")))
        << qPrintable(dialog.problemText());
    EXPECT_TRUE(dialog.placeButton()->toolTip().contains(QStringLiteral("at least 6")));
    EXPECT_FALSE(dialog.place());
    EXPECT_TRUE(Core::OrderBook(t.store()).list({}).value().isEmpty());

    // Editing the quantity to an allowed one re-quotes and frees the button.
    ASSERT_TRUE(
        dialog.model()->setData(dialog.model()->index(0, Ui::OrderEntryModel::QuantityColumn), 6));
    EXPECT_TRUE(dialog.placeButton()->isEnabled()) << qPrintable(dialog.problemText());
    // Without a company the base price applies and no rule binds.
    ASSERT_TRUE(dialog.setBuyer(QString()));
    EXPECT_EQ(lines.index(0, Ui::OrderEntryModel::UnitPriceColumn).data().toString(),
              QStringLiteral("189.00 USD"));
}

TEST_F(OrderEntryTest, UnknownSkusAreRefusedAndShortStockIsBackordered)
{
    Ui::OrderEntryDialog dialog(t.store(), QStringLiteral("rep.jo"));
    EXPECT_FALSE(dialog.addLine(QStringLiteral("NOPE-1"), 1).isEmpty());
    EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("NOPE-1")));
    EXPECT_EQ(dialog.model()->rowCount(), 0);
    ASSERT_EQ(dialog.addLine(QStringLiteral("FJ-NAVY-M"), 25), QString());
    EXPECT_EQ(dialog.model()->shortUnits(), 5); // the shop's 5 are not the rep's
    ASSERT_TRUE(dialog.place()) << qPrintable(dialog.errorText());
    EXPECT_TRUE(
        dialog.outcomeText().contains(QStringLiteral("20 unit(s) allocated, 5 backordered")))
        << qPrintable(dialog.outcomeText());
    const auto order = Core::OrderBook(t.store()).get(dialog.placedOrderId()).value().value();
    EXPECT_EQ(order.state, Core::OrderState::Backordered);
    EXPECT_TRUE(order.company.isEmpty());
    EXPECT_EQ(order.lines.at(0).unitPrice, Core::Money(18900, QStringLiteral("USD")));
}

TEST_F(OrderEntryTest, AvailabilityFollowsTheLedgerWhileTheRepEnters)
{
    Ui::OrderEntryDialog dialog(t.store(), QStringLiteral("rep.jo"));
    ASSERT_EQ(dialog.addLine(QStringLiteral("FJ-NAVY-S"), 8), QString());
    const auto stock = [&dialog] {
        return dialog.model()->index(0, Ui::OrderEntryModel::AvailableColumn).data().toString();
    };
    ASSERT_TRUE(stock().startsWith(QStringLiteral("WH-EAST 20"))) << qPrintable(stock());
    EXPECT_EQ(dialog.model()->shortUnits(), 0);
    // Another channel sells 15 meanwhile; the dialog shows it without being asked.
    ASSERT_TRUE(t.ledger()
                    .post(adjustment(QStringLiteral("sold-elsewhere"),
                                     t.variant(QStringLiteral("FJ-NAVY-S")),
                                     t.location(QStringLiteral("WH-EAST")),
                                     -15))
                    .ok());
    ASSERT_TRUE(QTest::qWaitFor([&] { return stock().startsWith(QStringLiteral("WH-EAST 5")); },
                                Ui::OrderEntryDialog::kAvailabilityRefreshMs * 3))
        << qPrintable(stock());
    EXPECT_EQ(dialog.model()->shortUnits(), 3);
}

TEST_F(OrderEntryTest, SkuFieldCompletesFromTheCatalogue)
{
    Ui::OrderEntryDialog dialog(t.store(), QStringLiteral("rep.jo"));
    auto *sku = dialog.findChild<QLineEdit *>(QStringLiteral("sku"));
    ASSERT_NE(sku, nullptr);
    QTest::keyClicks(sku, QStringLiteral("fj-navy"));
    const QAbstractItemModel *suggestions = sku->completer()->model();
    ASSERT_EQ(suggestions->rowCount(), 3);
    EXPECT_EQ(suggestions->index(0, 0).data().toString(), QStringLiteral("FJ-NAVY-L"));
}

TEST_F(OrderEntryTest, CtrlNOnTheOrdersPageOpensEntryAndSelectsThePlacedOrder)
{
    Ui::OrdersPage page(t.store());
    page.show();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !page.model()->isLoading(); }, 20000));
    bool sawDialog = false;
    QTimer::singleShot(0, &page, [&sawDialog] {
        auto *d = qobject_cast<Ui::OrderEntryDialog *>(QApplication::activeModalWidget());
        if (!d) {
            return;
        }
        sawDialog = true;
        d->setBuyer(kAcmeBoston);
        d->addLine(QStringLiteral("FJ-NAVY-M"), 10);
        d->place();
    });
    page.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&page));
    QTest::keyClick(page.view(), Qt::Key_N, Qt::ControlModifier);
    ASSERT_TRUE(sawDialog);
    EXPECT_TRUE(page.messageText().contains(QStringLiteral("held in the ledger")));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const QModelIndex current = page.view()->currentIndex();
            const Ui::OrderRow *row = page.model()->rowAt(current.isValid() ? current.row() : -1);
            return row && row->order.channel == Core::OrderChannel::console;
        },
        20000));
    const Ui::OrderRow *row = page.model()->rowAt(page.view()->currentIndex().row());
    EXPECT_EQ(row->order.state, Core::OrderState::Allocated);
    EXPECT_EQ(page.model()
                  ->index(page.view()->currentIndex().row(), Ui::OrderModel::ChannelColumn)
                  .data()
                  .toString(),
              QStringLiteral("Rep"));
}

} // namespace
