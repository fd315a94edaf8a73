#include <tests/support/tempstore.h>
#include <tests/ui/b2bfixture.h>
#include <ui/models/pricelistmodel.h>
#include <ui/pages/pricingpage.h>
#include <ui/pages/quotecalculator.h>

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Ledgerdesk::Testing::kAcmeBoston;
using Ledgerdesk::Testing::kGlobexHq;
using Ledgerdesk::Testing::TempStore;

namespace {

class PricingPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        const Core::Status seeded = Testing::seedB2B(t);
        ASSERT_TRUE(seeded.ok()) << qPrintable(seeded.error().message);
    }

    TempStore t;
};

TEST_F(PricingPageTest, ListsCompaniesWithTheirLocationsTermsAndLists)
{
    Ui::PricingPage page(t.store());
    EXPECT_EQ(page.pageId(), QStringLiteral("pricing"));
    const QTreeWidget *tree = page.companies();
    ASSERT_EQ(tree->topLevelItemCount(), 2);
    const QTreeWidgetItem *acme = tree->topLevelItem(0);
    EXPECT_EQ(acme->text(0), QStringLiteral("Acme Outfitters"));
    ASSERT_EQ(acme->childCount(), 1);
    EXPECT_EQ(acme->child(0)->text(0), QStringLiteral("Boston"));
    EXPECT_EQ(acme->child(0)->text(1), QStringLiteral("USD"));
    EXPECT_EQ(acme->child(0)->text(2), QStringLiteral("Net 30"));
    EXPECT_EQ(acme->child(0)->text(3), QStringLiteral("Acme wholesale"));
    EXPECT_EQ(tree->topLevelItem(1)->child(0)->text(3), QStringLiteral("base prices"));
    EXPECT_EQ(page.summary(), QStringLiteral("2 companies · 2 locations"));
}

TEST_F(PricingPageTest, ShowsTheSelectedLocationsPriceList)
{
    Ui::PricingPage page(t.store());
    QAbstractItemModelTester tester(page.priceList(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(page.selectLocation(kAcmeBoston));
    EXPECT_TRUE(page.priceListText().contains(QStringLiteral("20% off")))
        << qPrintable(page.priceListText());
    const Ui::PriceListModel &list = *page.priceList();
    ASSERT_EQ(list.rowCount(), 3);
    EXPECT_EQ(list.index(0, Ui::PriceListModel::SkuColumn).data().toString(),
              QStringLiteral("FJ-NAVY-L"));
    EXPECT_EQ(list.index(0, Ui::PriceListModel::RuleColumn).data().toString(),
              QStringLiteral("min 6, in steps of 6"));
    EXPECT_EQ(list.index(1, Ui::PriceListModel::BreaksColumn).data().toString(),
              QStringLiteral("10+ at 140.00 USD"));
    EXPECT_EQ(list.index(2, Ui::PriceListModel::FixedPriceColumn).data().toString(),
              QStringLiteral("120.00 USD"));
    ASSERT_TRUE(page.selectLocation(kGlobexHq));
    EXPECT_EQ(list.rowCount(), 0);
    EXPECT_TRUE(page.priceListText().contains(QStringLiteral("base prices")));
}

TEST(PriceListModelTest, MergesPricesBreaksAndRulesBySku)
{
    const auto usd = [](qint64 minor) { return Core::Money(minor, QStringLiteral("USD")); };
    Core::PriceListRecord record;
    record.id = QStringLiteral("gid://shopify/PriceList/9");
    record.name = QStringLiteral("Trade");
    record.currency = QStringLiteral("USD");
    record.prices = {{QStringLiteral("B-1"), usd(5000)}, {QStringLiteral("A-1"), usd(900)}};
    record.breaks
        = {{QStringLiteral("B-1"), 50, usd(4000)}, {QStringLiteral("B-1"), 10, usd(4500)}};
    record.rules = {{QStringLiteral("C-1"), 1, 100, 1}, {QStringLiteral("B-1"), 5, 0, 5}};
    Ui::PriceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRecord(record);
    ASSERT_EQ(model.rowCount(), 3);
    const auto cell
        = [&model](int row, int column) { return model.index(row, column).data().toString(); };
    EXPECT_EQ(cell(0, Ui::PriceListModel::SkuColumn), QStringLiteral("A-1"));
    EXPECT_EQ(cell(0, Ui::PriceListModel::BreaksColumn), QStringLiteral("—"));
    EXPECT_EQ(cell(1, Ui::PriceListModel::FixedPriceColumn), QStringLiteral("50.00 USD"));
    EXPECT_EQ(cell(1, Ui::PriceListModel::BreaksColumn),
              QStringLiteral("10+ at 45.00 USD · 50+ at 40.00 USD"));
    EXPECT_EQ(cell(1, Ui::PriceListModel::RuleColumn), QStringLiteral("min 5, in steps of 5"));
    EXPECT_EQ(cell(2, Ui::PriceListModel::FixedPriceColumn), QStringLiteral("—"));
    EXPECT_EQ(cell(2, Ui::PriceListModel::RuleColumn), QStringLiteral("max 100"));
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(PricingPageTest, CalculatorQuotesWithTheRuleThatSetThePrice)
{
    Ui::PricingPage page(t.store());
    Ui::QuoteCalculator &calc = *page.calculator();
    ASSERT_TRUE(calc.setBuyer(kAcmeBoston));
    calc.setSku(QStringLiteral("FJ-NAVY-M"));
    calc.setQuantity(2);
    // 189.00 less 20 %.
    EXPECT_EQ(calc.unitPriceText(), QStringLiteral("151.20 USD"));
    EXPECT_EQ(calc.totalText(), QStringLiteral("× 2 = 302.40 USD"));
    EXPECT_TRUE(calc.explanationText().contains(QStringLiteral("less 20%")))
        << qPrintable(calc.explanationText());
    calc.setQuantity(10);
    EXPECT_EQ(calc.unitPriceText(), QStringLiteral("140.00 USD"));
    EXPECT_TRUE(calc.explanationText().startsWith(QStringLiteral("Quantity break")));
    EXPECT_EQ(calc.quote()->source, Core::PriceSource::QuantityBreak);
    EXPECT_TRUE(calc.problemText().isEmpty());

    ASSERT_TRUE(calc.setBuyer(QString()));
    EXPECT_EQ(calc.unitPriceText(), QStringLiteral("189.00 USD"));
    EXPECT_TRUE(calc.explanationText().contains(QStringLiteral("no price list")));
}

TEST_F(PricingPageTest, CalculatorShowsABrokenRuleAndTheNearestAllowedQuantity)
{
    Ui::PricingPage page(t.store());
    Ui::QuoteCalculator &calc = *page.calculator();
    ASSERT_TRUE(page.selectLocation(kAcmeBoston)); // the buyer follows the selection
    calc.setSku(QStringLiteral("FJ-NAVY-L"));
    calc.setQuantity(8);
    EXPECT_TRUE(calc.problemText().contains(QStringLiteral("in steps of 6")))
        << qPrintable(calc.problemText());
    ASSERT_FALSE(calc.useNearestButton()->isHidden());
    EXPECT_EQ(calc.useNearestButton()->text(), QStringLiteral("Use 12"));
    calc.useNearestButton()->click();
    EXPECT_EQ(calc.quote()->quantity, 12);
    EXPECT_TRUE(calc.problemText().isEmpty());
    EXPECT_TRUE(calc.useNearestButton()->isHidden());

    calc.setSku(QStringLiteral("NOPE"));
    EXPECT_EQ(calc.unitPriceText(), QStringLiteral("—"));
    EXPECT_TRUE(calc.explanationText().contains(QStringLiteral("NOPE")));
}

} // namespace
