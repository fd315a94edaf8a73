#include <core/pricing/paymentterms.h>

#include <gtest/gtest.h>

namespace {

using namespace Ledgerdesk::Core;
using Standing = PaymentTerms::Standing;

const QDate kIssued(2026, 11, 2);

TEST(PaymentTerms, DueDatePerType)
{
    EXPECT_EQ(PaymentTerms::net(30).dueDate(kIssued), QDate(2026, 12, 2));
    EXPECT_EQ(PaymentTerms::onReceipt().dueDate(kIssued), kIssued);
    EXPECT_EQ(PaymentTerms::onFulfillment().dueDate(kIssued), std::nullopt);
    EXPECT_EQ(PaymentTerms::onFulfillment().dueDate(kIssued, QDate(2026, 11, 9)),
              QDate(2026, 11, 9));
    EXPECT_EQ(PaymentTerms::fixedDate(QDate(2027, 1, 15)).dueDate(kIssued), QDate(2027, 1, 15));
    // Net terms run across month and year ends.
    EXPECT_EQ(PaymentTerms::net(60).dueDate(QDate(2026, 12, 15)), QDate(2027, 2, 13));
}

TEST(PaymentTerms, OverdueIsFlaggedUntilPaid)
{
    const PaymentTerms net30 = PaymentTerms::net(30);
    EXPECT_EQ(net30.standing(QDate(2026, 12, 1), kIssued), Standing::NotYetDue);
    EXPECT_EQ(net30.standing(QDate(2026, 12, 2), kIssued), Standing::Due);
    EXPECT_EQ(net30.standing(QDate(2026, 12, 3), kIssued), Standing::Overdue);
    EXPECT_EQ(net30.standing(QDate(2026, 12, 3), kIssued, std::nullopt, QDate(2026, 12, 3)),
              Standing::Paid);
    EXPECT_EQ(PaymentTerms::onFulfillment().standing(QDate(2027, 6, 1), kIssued),
              Standing::AwaitingFulfillment);
}

TEST(PaymentTerms, ReadsShopifyTermsAndRefusesNonsense)
{
    const auto net45 = PaymentTerms::fromShopify(QStringLiteral("NET"), 45, {});
    ASSERT_TRUE(net45);
    EXPECT_EQ(net45.value().describe(), QStringLiteral("Net 45"));
    EXPECT_EQ(PaymentTerms::fromShopify(QStringLiteral("RECEIPT"), -1, {}).value().type(),
              PaymentTerms::Type::Receipt);
    EXPECT_EQ(PaymentTerms::fromShopify(QStringLiteral("FULFILLMENT"), -1, {}).value().type(),
              PaymentTerms::Type::Fulfillment);
    EXPECT_FALSE(PaymentTerms::fromShopify(QStringLiteral("NET"), -1, {}));
    EXPECT_FALSE(PaymentTerms::fromShopify(QStringLiteral("FIXED"), -1, {}));
    EXPECT_FALSE(PaymentTerms::fromShopify(QStringLiteral("UNKNOWN"), 30, {}));
}

} // namespace
