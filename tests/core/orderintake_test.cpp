#include <core/orders/orderbook.h>
#include <core/orders/orderintake.h>
#include <core/pricing/pricebook.h>
#include <core/sync/exceptionresolver.h>
#include <core/sync/exceptionstore.h>
#include <tests/support/tempstore.h>

#include <QDateTime>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

namespace {

const QString kActor = QStringLiteral("shopify-connector");
const QString kLocation = QStringLiteral("gid://shopify/CompanyLocation/10");
const QString kList = QStringLiteral("gid://shopify/PriceList/7");
const QString kUsd = QStringLiteral("USD");

class OrderIntakeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics();
        for (const QString &sku : {QStringLiteral("FJ-NAVY-M"), QStringLiteral("FJ-NAVY-L")}) {
            ASSERT_TRUE(t.ledger()
                            .post(adjustment(QStringLiteral("stock-") + sku,
                                             t.variant(sku),
                                             t.location(QStringLiteral("WH-EAST")),
                                             100))
                            .ok());
        }
        B2BSnapshot s;
        s.companies << CompanyRecord{QStringLiteral("gid://shopify/Company/1"),
                                     QStringLiteral("Harbour Outfitters")};
        PriceListRecord list;
        list.id = kList;
        list.name = QStringLiteral("Key accounts USD");
        list.currency = kUsd;
        list.adjustmentType = QStringLiteral("PERCENTAGE_DECREASE");
        list.adjustmentPercent = QStringLiteral("40");
        list.rules << QuantityRuleRecord{QStringLiteral("FJ-NAVY-M"), 6, 600, 6};
        s.priceLists << list;
        s.locations << CompanyLocationRecord{kLocation,
                                             s.companies.first().id,
                                             QStringLiteral("Boston"),
                                             kUsd,
                                             QStringLiteral("Net 30"),
                                             QStringLiteral("NET"),
                                             30,
                                             {},
                                             kList};
        ASSERT_TRUE(PriceBook(t.store()).save(s).ok());
    }

    // 189.00 less 40 % = 113.40 is the buyer's price for every SKU here.
    IncomingOrder b2b(const QString &ref, qint64 quantity, const QString &price)
    {
        IncomingOrder o;
        o.channel = QStringLiteral("shopify");
        o.externalRef = ref;
        o.name = QStringLiteral("#") + ref;
        o.company = QStringLiteral("Harbour Outfitters");
        o.companyLocation = kLocation;
        o.poNumber = QStringLiteral("PO-") + ref;
        o.currency = kUsd;
        o.paymentTerms = QStringLiteral("Net 30");
        o.issuedAt = QDateTime(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch();
        o.lines << IncomingOrder::Line{QStringLiteral("FJ-NAVY-L"), 4, QStringLiteral("113.40")}
                << IncomingOrder::Line{QStringLiteral("FJ-NAVY-M"), quantity, price};
        return o;
    }

    qint64 committed(const QString &sku)
    {
        return t.ledger()
            .balance(t.variant(sku), t.location(QStringLiteral("WH-EAST")))
            .value()
            .get(QuantityName::Committed);
    }

    QList<SyncException> exceptions(ExceptionKind kind)
    {
        ExceptionFilter filter = ExceptionFilter::unresolved();
        filter.kind = kind;
        return ExceptionStore(t.store()).list(filter).value();
    }

    TempStore t;
    OrderIntake intake{t.store()};
};

} // namespace

TEST_F(OrderIntakeTest, anOrderAtTheBuyersPricesIsAllocated)
{
    auto outcome = intake.accept(b2b(QStringLiteral("1001"), 12, QStringLiteral("113.40")), kActor);
    ASSERT_TRUE(outcome.ok()) << qPrintable(outcome.error().message);
    EXPECT_FALSE(outcome.value().held);
    EXPECT_EQ(outcome.value().state, OrderState::Allocated);
    EXPECT_EQ(committed(QStringLiteral("FJ-NAVY-M")), 12);
    EXPECT_TRUE(exceptions(ExceptionKind::PriceMismatch).isEmpty());
}

TEST_F(OrderIntakeTest, aWrongPriceRaisesOneMismatchAndHoldsTheOrderUntilResolved)
{
    const IncomingOrder order = b2b(QStringLiteral("1002"), 12, QStringLiteral("100.00"));
    auto outcome = intake.accept(order, kActor);
    ASSERT_TRUE(outcome.ok()) << qPrintable(outcome.error().message);
    EXPECT_TRUE(outcome.value().held);
    EXPECT_EQ(outcome.value().state, OrderState::New);
    EXPECT_EQ(committed(QStringLiteral("FJ-NAVY-M")), 0);
    EXPECT_EQ(committed(QStringLiteral("FJ-NAVY-L")), 0); // the good line waits too
    auto mismatches = exceptions(ExceptionKind::PriceMismatch);
    ASSERT_EQ(mismatches.size(), 1);
    EXPECT_EQ(mismatches.first().entity, QStringLiteral("order"));
    EXPECT_EQ(mismatches.first().entityKey, QStringLiteral("shopify:1002:FJ-NAVY-M"));
    EXPECT_EQ(mismatches.first().ledgerValue, QStringLiteral("113.40 USD"));
    EXPECT_EQ(mismatches.first().externalValue, QStringLiteral("100.00 USD"));
    EXPECT_TRUE(mismatches.first().errorText.contains(QStringLiteral("Key accounts USD")));

    // The same order again (the next pull) raises nothing new and stays held.
    auto again = intake.accept(order, kActor);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again.value().duplicate);
    EXPECT_TRUE(again.value().held);
    EXPECT_EQ(again.value().raised, 0);
    EXPECT_EQ(exceptions(ExceptionKind::PriceMismatch).size(), 1);
    EXPECT_EQ(intake.releaseHeld(QStringLiteral("shopify"), kActor).value(), 0);

    // A person accepts the charged price; the order is allocated on the next release.
    ASSERT_TRUE(ExceptionResolver(t.store())
                    .ignore(mismatches.first().id,
                            QStringLiteral("agreed with the buyer"),
                            QStringLiteral("rep@brand"))
                    .ok());
    EXPECT_EQ(intake.releaseHeld(QStringLiteral("shopify"), kActor).value(), 1);
    auto stored = OrderBook(t.store()).find(QStringLiteral("shopify"), QStringLiteral("1002"));
    ASSERT_TRUE(stored.ok() && stored.value());
    EXPECT_EQ(stored.value()->state, OrderState::Allocated);
    EXPECT_EQ(committed(QStringLiteral("FJ-NAVY-M")), 12);
    // Seen once more, the resolved mismatch is not raised again.
    ASSERT_TRUE(intake.accept(order, kActor).ok());
    EXPECT_TRUE(exceptions(ExceptionKind::PriceMismatch).isEmpty());
}

TEST_F(OrderIntakeTest, aQuantityOffTheRuleRaisesOneRuleException)
{
    auto outcome = intake.accept(b2b(QStringLiteral("1003"), 7, QStringLiteral("113.40")), kActor);
    ASSERT_TRUE(outcome.ok());
    EXPECT_TRUE(outcome.value().held);
    EXPECT_TRUE(exceptions(ExceptionKind::PriceMismatch).isEmpty());
    auto broken = exceptions(ExceptionKind::QuantityRuleBroken);
    ASSERT_EQ(broken.size(), 1);
    EXPECT_EQ(broken.first().entityKey, QStringLiteral("shopify:1003:FJ-NAVY-M"));
    EXPECT_EQ(broken.first().externalValue, QStringLiteral("7"));
    EXPECT_TRUE(broken.first().ledgerValue->contains(QStringLiteral("increment 6")));
    EXPECT_EQ(committed(QStringLiteral("FJ-NAVY-M")), 0);
}

TEST_F(OrderIntakeTest, aConsumerOrderIsOnlyAllocated)
{
    IncomingOrder order = b2b(QStringLiteral("1004"), 7, QStringLiteral("1.00"));
    order.company.clear();
    order.companyLocation.clear();
    order.poNumber.clear();
    auto outcome = intake.accept(order, kActor);
    ASSERT_TRUE(outcome.ok());
    EXPECT_FALSE(outcome.value().held);
    EXPECT_EQ(outcome.value().state, OrderState::Allocated);
    EXPECT_TRUE(exceptions(ExceptionKind::PriceMismatch).isEmpty());
    EXPECT_TRUE(exceptions(ExceptionKind::QuantityRuleBroken).isEmpty());
}

TEST_F(OrderIntakeTest, aBuyerMissingFromThePriceBookIsHeldWithAReason)
{
    IncomingOrder order = b2b(QStringLiteral("1005"), 12, QStringLiteral("113.40"));
    order.companyLocation = QStringLiteral("gid://shopify/CompanyLocation/404");
    auto outcome = intake.accept(order, kActor);
    ASSERT_TRUE(outcome.ok());
    EXPECT_TRUE(outcome.value().held);
    auto mismatches = exceptions(ExceptionKind::PriceMismatch);
    ASSERT_EQ(mismatches.size(), 2);
    EXPECT_TRUE(mismatches.first().errorText.contains(QStringLiteral("not in the price book")));
}
