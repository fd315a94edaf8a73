#include <core/store/sql.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/syncvalues.h>
#include <core/sync/systemfigures.h>
#include <tests/support/tempstore.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

TEST(SystemFigures, showsTheLedgerBesideEachSystemWithItsTime)
{
    TempStore t;
    t.seedBasics();
    const VariantId m = t.variant(QStringLiteral("FJ-NAVY-M"));
    const LocationId east = t.location(QStringLiteral("WH-EAST"));
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("1"), m, east, 12)).ok());

    QSqlDatabase db = t.store().connection();
    const QString inventory = QStringLiteral("inventory");
    const QString onHand = QStringLiteral("FJ-NAVY-M@WH-EAST:on_hand");
    const QString available = QStringLiteral("FJ-NAVY-M@WH-EAST:available");
    ASSERT_TRUE(
        SyncValues::recordAgreement(
            db, QStringLiteral("wms"), inventory, onHand, QStringLiteral("12"), 5'000, 6'000)
            .ok());
    ASSERT_TRUE(SyncValues::recordAgreement(db,
                                            QStringLiteral("shopify"),
                                            inventory,
                                            available,
                                            QStringLiteral("12"),
                                            std::nullopt,
                                            7'000)
                    .ok());
    // Shopify has since reported 9 without agreeing; another SKU's figure must not show up.
    ASSERT_TRUE(runQuery(db,
                         QStringLiteral("UPDATE sync_values SET external_value = '9', external_at "
                                        "= 8000 WHERE system = 'shopify' AND entity_key = ?"),
                         {available})
                    .ok());
    ASSERT_TRUE(SyncValues::recordAgreement(db,
                                            QStringLiteral("erp"),
                                            inventory,
                                            QStringLiteral("FJ-NAVY-S@WH-EAST:on_hand"),
                                            QStringLiteral("4"),
                                            1'000,
                                            1'000)
                    .ok());

    SyncException conflict;
    conflict.kind = ExceptionKind::Conflict;
    conflict.system = QStringLiteral("shopify");
    conflict.entity = inventory;
    conflict.entityKey = available;
    conflict.ledgerValue = QStringLiteral("12");
    conflict.externalValue = QStringLiteral("9");
    ASSERT_TRUE(ExceptionStore::raise(db, conflict, 8'500).ok());
    SyncException other = conflict;
    other.entityKey = QStringLiteral("FJ-NAVY-S@WH-EAST:available");
    ASSERT_TRUE(ExceptionStore::raise(db, other, 8'500).ok());

    const auto figures = SystemFiguresQuery(t.store()).fetch(QStringLiteral("FJ-NAVY-M"),
                                                             QStringLiteral("WH-EAST"));
    ASSERT_TRUE(figures.ok()) << figures.error().message.toStdString();
    const SystemFigures &f = figures.value();
    EXPECT_TRUE(f.ledgerHasBalance);
    EXPECT_EQ(f.ledger.onHand(), 12);
    EXPECT_GT(f.ledgerUpdatedAt, 0);
    EXPECT_EQ(
        f.systems,
        (QStringList{QStringLiteral("erp"), QStringLiteral("shopify"), QStringLiteral("wms")}));
    ASSERT_EQ(f.figures.size(), 2);

    const auto wms = f.figure(QStringLiteral("wms"), QuantityName::OnHand);
    ASSERT_TRUE(wms.has_value());
    EXPECT_EQ(wms->value, QStringLiteral("12"));
    EXPECT_EQ(wms->seenAt, 5'000);
    EXPECT_EQ(wms->agreedAt, 6'000);

    const auto shopify = f.figure(QStringLiteral("shopify"), QuantityName::Available);
    ASSERT_TRUE(shopify.has_value());
    EXPECT_EQ(shopify->value, QStringLiteral("9"));
    EXPECT_EQ(shopify->base, QStringLiteral("12"));
    EXPECT_EQ(shopify->seenAt, 8'000);
    EXPECT_FALSE(f.figure(QStringLiteral("erp"), QuantityName::OnHand).has_value());

    ASSERT_EQ(f.openExceptions.size(), 1);
    EXPECT_EQ(f.openExceptions[0].entityKey, available);
    EXPECT_EQ(f.openExceptions[0].externalValue, QStringLiteral("9"));
}

TEST(SystemFigures, aFigureAgreedButNeverReportedIsSeenWhenAgreed)
{
    TempStore t;
    t.seedBasics();
    ASSERT_TRUE(SyncValues::recordAgreement(t.store().connection(),
                                            QStringLiteral("erp"),
                                            QStringLiteral("inventory"),
                                            QStringLiteral("FJ-NAVY-L@STORE-SOHO:on_hand"),
                                            QStringLiteral("3"),
                                            std::nullopt,
                                            4'000)
                    .ok());
    const auto f = SystemFiguresQuery(t.store()).fetch(QStringLiteral("FJ-NAVY-L"),
                                                       QStringLiteral("STORE-SOHO"));
    ASSERT_TRUE(f.ok());
    EXPECT_FALSE(f.value().ledgerHasBalance);
    EXPECT_EQ(f.value().ledger.onHand(), 0);
    const auto erp = f.value().figure(QStringLiteral("erp"), QuantityName::OnHand);
    ASSERT_TRUE(erp.has_value());
    EXPECT_EQ(erp->seenAt, 4'000);
    EXPECT_EQ(erp->value, QStringLiteral("3"));
}

TEST(SystemFigures, noSystemsYetMeansOnlyTheLedger)
{
    TempStore t;
    t.seedBasics();
    const auto f = SystemFiguresQuery(t.store()).fetch(QStringLiteral("FJ-NAVY-L"),
                                                       QStringLiteral("WH-EAST"));
    ASSERT_TRUE(f.ok());
    EXPECT_TRUE(f.value().systems.isEmpty());
    EXPECT_TRUE(f.value().figures.isEmpty());
    const auto unknown
        = SystemFiguresQuery(t.store()).fetch(QStringLiteral("NOPE"), QStringLiteral("WH-EAST"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
}
