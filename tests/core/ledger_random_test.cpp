#include <core/store/sql.h>
#include <tests/support/tempstore.h>

#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <map>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

// Random deltas over every quantity name; some are refused, and the model must agree on which.
PostingRequest randomPosting(QRandomGenerator &rng, int n, VariantId v, LocationId l)
{
    PostingRequest request;
    request.source = QStringLiteral("random");
    request.reference = QString::number(n);
    request.reason = MovementReason::Adjustment;
    request.actor = QStringLiteral("fuzz");
    MovementLine line{v, l, {}};
    const auto name = static_cast<QuantityName>(rng.bounded(kStoredQuantityCount));
    line.delta.set(name, rng.bounded(-20, 40));
    if (line.delta.isZero()) {
        line.delta.set(QuantityName::Available, 1);
    }
    request.lines = {line};
    return request;
}

} // namespace

TEST(LedgerRandom, invariantsHoldUnderLongSeededSequences)
{
    for (const quint32 seed : {1u, 7u, 42u}) {
        TempStore t;
        t.seedBasics();
        const QList<VariantId> variants = {t.variant(QStringLiteral("FJ-NAVY-S")),
                                           t.variant(QStringLiteral("FJ-NAVY-M")),
                                           t.variant(QStringLiteral("FJ-NAVY-L"))};
        const QList<LocationId> locations
            = {t.location(QStringLiteral("WH-EAST")), t.location(QStringLiteral("STORE-SOHO"))};
        QRandomGenerator rng(seed);
        std::map<std::pair<VariantId, LocationId>, Quantities> model;
        int accepted = 0;
        for (int n = 0; n < 1500; ++n) {
            const VariantId v = variants[rng.bounded(static_cast<int>(variants.size()))];
            const LocationId l = locations[rng.bounded(static_cast<int>(locations.size()))];
            PostingRequest request = randomPosting(rng, n, v, l);
            if (rng.bounded(10) == 0 && n > 0) {
                request.reference = QString::number(n - 1); // a retry of an earlier reference
            }
            const Quantities expected = model[{v, l}] + request.lines[0].delta;
            bool valid = true;
            for (int i = 0; i < kStoredQuantityCount; ++i) {
                if (expected.values[static_cast<std::size_t>(i)] < 0) {
                    valid = false;
                }
            }
            const auto result = t.ledger().post(request);
            if (result.ok() && !result.value().duplicate) {
                ASSERT_TRUE(valid) << "seed " << seed << " step " << n;
                model[{v, l}] = expected;
                ++accepted;
                const Quantities after = result.value().balances.first().quantities;
                ASSERT_EQ(after, expected);
                ASSERT_EQ(after.onHand(),
                          after.get(QuantityName::Available) + after.get(QuantityName::Committed)
                              + after.get(QuantityName::Reserved) + after.get(QuantityName::Damaged)
                              + after.get(QuantityName::QualityControl)
                              + after.get(QuantityName::SafetyStock));
            }
        }
        EXPECT_GT(accepted, 300);
        const auto report = t.ledger().verify();
        ASSERT_TRUE(report.ok());
        EXPECT_TRUE(report.value().consistent()) << "seed " << seed;
        for (const auto &[key, quantities] : model) {
            EXPECT_EQ(t.ledger().balance(key.first, key.second).value(), quantities);
        }
        // Rebuilding from movements yields exactly the maintained balances.
        const auto rebuilt = t.ledger().rebuild(QStringLiteral("test"));
        ASSERT_TRUE(rebuilt.ok());
        EXPECT_TRUE(rebuilt.value().consistent());
        for (const auto &[key, quantities] : model) {
            EXPECT_EQ(t.ledger().balance(key.first, key.second).value(), quantities);
        }
    }
}
