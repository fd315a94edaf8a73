#include <core/domain/quantities.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;

TEST(Quantities, onHand_isTheSumOfTheSixStatesAndExcludesIncoming)
{
    Quantities q;
    q.set(QuantityName::Available, 10);
    q.set(QuantityName::Committed, 3);
    q.set(QuantityName::Reserved, 1);
    q.set(QuantityName::Damaged, 2);
    q.set(QuantityName::QualityControl, 1);
    q.set(QuantityName::SafetyStock, 4);
    q.set(QuantityName::Incoming, 100);
    EXPECT_EQ(q.onHand(), 21);
    EXPECT_EQ(q.get(QuantityName::OnHand), 21);
}

TEST(Quantities, settingOnHand_movesTheDifferenceThroughAvailable)
{
    Quantities q;
    q.set(QuantityName::Committed, 5);
    q.set(QuantityName::OnHand, 12);
    EXPECT_EQ(q.available(), 7);
    EXPECT_EQ(q.onHand(), 12);
}

TEST(Quantities, namesRoundTripThroughTheirKeys)
{
    for (int i = 0; i <= static_cast<int>(QuantityName::OnHand); ++i) {
        const auto name = static_cast<QuantityName>(i);
        EXPECT_EQ(quantityNameFromKey(quantityNameKey(name)), name);
    }
    EXPECT_EQ(quantityNameKey(QuantityName::QualityControl), QStringLiteral("quality_control"));
    EXPECT_FALSE(quantityNameFromKey(u"sellable").has_value());
}
