#include "shopifysyncfixture.h"

#include <core/catalog/externalidmap.h>
#include <core/demo/democatalog.h>
#include <core/store/sql.h>
#include <core/sync/exceptionresolver.h>
#include <core/sync/inventorykey.h>

#include <QElapsedTimer>

#include <iostream>

using namespace Ledgerdesk::Core;
using Ledgerdesk::ShopifySyncTests::ShopifySyncTest;

namespace {

const QString kEast = QStringLiteral("WH-EAST");
const QString kSoho = QStringLiteral("STORE-SOHO");

QString skuAt(int style, int variant)
{
    static const DemoCatalog catalog = DemoCatalog::generate();
    return catalog.styles().at(style).variants.at(variant).sku;
}

qint64 countRows(Store &store, const QString &sql)
{
    auto q = runQuery(store.connection(), sql);
    return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
}

} // namespace

TEST_F(ShopifySyncTest, theFirstCycleMapsEverythingAndTheLedgerAgreesWithShopify)
{
    // The demo ledger keeps some units committed to open orders; the shop counts them as
    // available, so those figures differ at first sight.
    const QString sku = skuAt(0, 0);
    ASSERT_NE(ledgerAvailable(sku, kEast), shopifyAvailable(sku, kEast));
    ASSERT_NE(ledgerTotalAvailable(), shopifyTotalAvailable());

    setOnHandOwner(QStringLiteral("shopify"));
    QElapsedTimer timer;
    timer.start();
    const SyncCycleReport report = cycle();
    const qint64 elapsed = timer.elapsed();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    std::cout << "first cycle over " << DemoCatalog::generate().variantCount()
              << " SKUs: " << elapsed << " ms, pulled " << report.pulled << ", applied "
              << report.applied << ", " << connector().client()->requestsSent() << " requests\n";

    Store &store = m_ledger.store();
    EXPECT_EQ(countRows(store,
                        QStringLiteral("SELECT COUNT(*) FROM external_ids WHERE system = "
                                       "'shopify' AND entity = 'location'")),
              5);
    EXPECT_EQ(countRows(store,
                        QStringLiteral("SELECT COUNT(*) FROM external_ids WHERE system = "
                                       "'shopify' AND entity = 'inventory_item'")),
              DemoCatalog::generate().variantCount());
    EXPECT_TRUE(openExceptions(ExceptionKind::UnknownSku).isEmpty());
    EXPECT_TRUE(openExceptions(ExceptionKind::UnknownLocation).isEmpty());
    EXPECT_GT(report.applied, 0);
    EXPECT_EQ(ledgerAvailable(sku, kEast), shopifyAvailable(sku, kEast));
    EXPECT_EQ(ledgerTotalAvailable(), shopifyTotalAvailable());
    EXPECT_EQ(
        countRows(store, QStringLiteral("SELECT COUNT(*) FROM postings WHERE source = 'shopify'")),
        report.applied);
    // Every figure has an agreed base now.
    EXPECT_EQ(countRows(store,
                        QStringLiteral("SELECT COUNT(*) FROM sync_values WHERE system = "
                                       "'shopify' AND base_value IS NOT NULL")),
              DemoCatalog::generate().variantCount() * 5);

    // Nothing changed since: the next pass reads only the cursor's second and applies nothing.
    timer.restart();
    const SyncCycleReport again = cycle();
    ASSERT_TRUE(again.error.isEmpty()) << again.error.toStdString();
    std::cout << "incremental cycle: " << timer.elapsed() << " ms, pulled " << again.pulled << "\n";
    EXPECT_EQ(again.applied, 0);
    EXPECT_EQ(again.pushed, 0);
    EXPECT_LT(again.pulled, report.pulled / 10);
    EXPECT_EQ(ledgerTotalAvailable(), shopifyTotalAvailable());
}

TEST_F(ShopifySyncTest, theFirstSyncNeverPushesOverFiguresShopifyReported_andKeepOursThenDoes)
{
    // The README's path: a ledger from the demo, the WMS owning on-hand, a shop that has sold
    // since. Shopify's own state is the judge: unchanged by the first sync.
    setOnHandOwner(QStringLiteral("wms"));
    const QString sku = skuAt(2, 1);
    setShopifyLevel(sku, kSoho, 3); // sold down at the shop before we ever synced
    ASSERT_NE(ledgerAvailable(sku, kSoho), 3);
    const qint64 shopBefore = shopifyTotalAvailable();
    const SyncCycleReport first = cycle();
    ASSERT_TRUE(first.error.isEmpty()) << first.error.toStdString();
    EXPECT_EQ(first.pushed, 0);
    EXPECT_EQ(shopifyTotalAvailable(), shopBefore);
    EXPECT_EQ(shopifyAvailable(sku, kSoho), 3);
    EXPECT_TRUE(sentShopifyKeys().isEmpty());

    // One conflict for the figure, met again by later passes without a second row.
    const QString key = InventoryKey{sku, kSoho, QuantityName::Available}.toString();
    const auto conflictFor = [this, &key] {
        QList<SyncException> found;
        for (const SyncException &e : openExceptions(ExceptionKind::Conflict)) {
            if (e.entityKey == key) {
                found << e;
            }
        }
        return found;
    };
    ASSERT_EQ(conflictFor().size(), 1);
    const qint64 id = conflictFor().first().id;
    ASSERT_TRUE(cycle().error.isEmpty());
    ASSERT_EQ(conflictFor().size(), 1);
    EXPECT_EQ(conflictFor().first().id, id);
    EXPECT_EQ(shopifyAvailable(sku, kSoho), 3);

    // A person keeps the ledger's figure: Shopify shows it, set once.
    const qint64 ours = ledgerAvailable(sku, kSoho);
    ASSERT_TRUE(
        ExceptionResolver(m_ledger.store()).keepOursAndPush(id, QStringLiteral("maria")).ok());
    ASSERT_TRUE(cycle().error.isEmpty());
    EXPECT_EQ(shopifyAvailable(sku, kSoho), ours);
    EXPECT_EQ(sentShopifyKeys().size(), 1);
    ASSERT_TRUE(cycle().error.isEmpty());
    EXPECT_EQ(shopifyAvailable(sku, kSoho), ours);
    EXPECT_TRUE(conflictFor().isEmpty());
}

TEST_F(ShopifySyncTest, aLevelChangedInShopifyReachesTheLedgerInTheNextCycle)
{
    firstCycleAcceptingShopify();
    const QString sku = skuAt(3, 1);
    const QString accepted = QStringLiteral("SELECT COUNT(*) FROM postings WHERE source = "
                                            "'shopify' AND reason = 'sync-accept'");
    const qint64 acceptedBefore = countRows(m_ledger.store(), accepted);
    setShopifyLevel(sku, kSoho, 77);
    const SyncCycleReport report = cycle();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(report.applied, 1);
    EXPECT_EQ(ledgerAvailable(sku, kSoho), 77);
    EXPECT_EQ(countRows(m_ledger.store(), accepted), acceptedBefore + 1);
    EXPECT_EQ(countRows(m_ledger.store(),
                        QStringLiteral("SELECT COUNT(*) FROM inbox WHERE system = 'shopify' AND "
                                       "outcome = 'applied' AND entity_key = '%1'")
                            .arg(sku + QStringLiteral("@STORE-SOHO:available"))),
              1);

    // The same level read again (the cursor's second is re-read) is not applied twice.
    const SyncCycleReport again = cycle();
    ASSERT_TRUE(again.error.isEmpty()) << again.error.toStdString();
    EXPECT_EQ(again.applied, 0);
    EXPECT_EQ(ledgerAvailable(sku, kSoho), 77);
    EXPECT_EQ(ledgerTotalAvailable(), shopifyTotalAvailable());

    // A ledger change to the figure just accepted goes out at once, though the pull still
    // re-reads (and the inbox drops) the Shopify change it came from.
    adjustLedger(QStringLiteral("sold-3"), sku, kSoho, -3);
    const SyncCycleReport pushed = cycle();
    ASSERT_TRUE(pushed.error.isEmpty()) << pushed.error.toStdString();
    EXPECT_EQ(pushed.pushed, 1);
    EXPECT_EQ(pushed.applied, 0);
    EXPECT_EQ(shopifyAvailable(sku, kSoho), 74);
}

TEST_F(ShopifySyncTest, aLedgerChangeIsPushedAndAppliedExactlyOnce)
{
    firstCycleAcceptingShopify();
    const QString sku = skuAt(5, 2);
    const qint64 before = shopifyAvailable(sku, kEast);
    adjustLedger(QStringLiteral("count-1"), sku, kEast, 6);
    ASSERT_EQ(ledgerAvailable(sku, kEast), before + 6);

    const SyncCycleReport report = cycle();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(report.pushed, 1);
    EXPECT_EQ(report.applied, 0);
    EXPECT_EQ(shopifyAvailable(sku, kEast), before + 6);
    const QStringList keys = shopifyOutboxKeys();
    ASSERT_EQ(keys.size(), 1);
    EXPECT_EQ(idempotency(keys.first())[QStringLiteral("applied")].toInteger(), 1);

    // Running the cycle again pushes nothing new.
    const SyncCycleReport again = cycle();
    ASSERT_TRUE(again.error.isEmpty()) << again.error.toStdString();
    EXPECT_EQ(again.pushed, 0);
    EXPECT_EQ(shopifyOutboxKeys().size(), 1);

    // A lost acknowledgement: the row is sent again with its key, Shopify replays its answer.
    ASSERT_TRUE(runQuery(m_ledger.store().connection(),
                         QStringLiteral("UPDATE outbox SET status = 'pending', next_attempt_at = 0 "
                                        "WHERE target = 'shopify'"))
                    .ok());
    const SyncCycleReport resent = cycle();
    ASSERT_TRUE(resent.error.isEmpty()) << resent.error.toStdString();
    EXPECT_EQ(resent.pushed, 1);
    const QJsonObject oracle = idempotency(keys.first());
    EXPECT_EQ(oracle[QStringLiteral("applied")].toInteger(), 1);
    EXPECT_EQ(oracle[QStringLiteral("replays")].toInteger(), 1);
    EXPECT_EQ(shopifyAvailable(sku, kEast), before + 6);
    EXPECT_EQ(ledgerTotalAvailable(), shopifyTotalAvailable());
}

TEST_F(ShopifySyncTest, aChangeOnBothSidesIsAnExceptionThatKeepOursResolves)
{
    firstCycleAcceptingShopify();
    const QString sku = skuAt(7, 0);
    const qint64 base = ledgerAvailable(sku, kEast);
    adjustLedger(QStringLiteral("recount-7"), sku, kEast, 3);
    setShopifyLevel(sku, kEast, base + 40);

    const SyncCycleReport report = cycle();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(report.conflicts, 1);
    EXPECT_EQ(report.applied, 0);
    EXPECT_EQ(report.pushed, 0);
    const QList<SyncException> conflicts = openExceptions(ExceptionKind::Conflict);
    ASSERT_EQ(conflicts.size(), 1);
    const SyncException &conflict = conflicts.first();
    EXPECT_EQ(conflict.entity, QStringLiteral("inventory"));
    EXPECT_EQ(conflict.entityKey, sku + QStringLiteral("@WH-EAST:available"));
    EXPECT_EQ(conflict.baseValue, QString::number(base));
    EXPECT_EQ(conflict.ledgerValue, QString::number(base + 3));
    EXPECT_EQ(conflict.externalValue, QString::number(base + 40));
    EXPECT_EQ(shopifyAvailable(sku, kEast), base + 40);
    EXPECT_EQ(ledgerAvailable(sku, kEast), base + 3);

    ASSERT_TRUE(ExceptionResolver(m_ledger.store())
                    .keepOursAndPush(conflict.id, QStringLiteral("ana"))
                    .ok());
    const SyncCycleReport pushed = cycle();
    ASSERT_TRUE(pushed.error.isEmpty()) << pushed.error.toStdString();
    EXPECT_EQ(pushed.pushed, 1);
    EXPECT_EQ(pushed.conflicts, 0);
    EXPECT_EQ(shopifyAvailable(sku, kEast), base + 3);
    EXPECT_TRUE(openExceptions(ExceptionKind::Conflict).isEmpty());

    const SyncCycleReport settled = cycle();
    ASSERT_TRUE(settled.error.isEmpty()) << settled.error.toStdString();
    EXPECT_EQ(settled.pushed + settled.applied + settled.conflicts, 0);
    EXPECT_EQ(ledgerTotalAvailable(), shopifyTotalAvailable());
}

TEST_F(ShopifySyncTest, aStalePushIsRefusedAndRaised)
{
    firstCycleAcceptingShopify();
    const QString sku = skuAt(9, 1);
    const qint64 base = ledgerAvailable(sku, kSoho);
    adjustLedger(QStringLiteral("recount-9"), sku, kSoho, 2);
    // Shopify moves after the connector's last look and before its push is delivered: the
    // pull is made to miss the change by moving its cursors past it.
    setShopifyLevel(sku, kSoho, base + 10);
    ASSERT_TRUE(runQuery(m_ledger.store().connection(),
                         QStringLiteral("UPDATE meta SET value = '2100-01-01T00:00:00Z' WHERE key "
                                        "LIKE 'sync.shopify.levels_cursor.%'"))
                    .ok());
    const SyncCycleReport report = cycle();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(report.pushed, 0);
    EXPECT_EQ(report.failed, 1);
    EXPECT_EQ(shopifyAvailable(sku, kSoho), base + 10);
    const QList<SyncException> stale = openExceptions(ExceptionKind::StaleWrite);
    ASSERT_EQ(stale.size(), 1);
    EXPECT_TRUE(
        openExceptions(ExceptionKind::RejectedByTarget).isEmpty()); // one problem, one exception
    EXPECT_EQ(stale.first().externalValue, QString::number(base + 10));
    EXPECT_EQ(stale.first().ledgerValue, QString::number(base + 2));

    ASSERT_TRUE(ExceptionResolver(m_ledger.store())
                    .keepOursAndPush(stale.first().id, QStringLiteral("ana"))
                    .ok());
    const SyncCycleReport pushed = cycle();
    ASSERT_TRUE(pushed.error.isEmpty()) << pushed.error.toStdString();
    EXPECT_EQ(pushed.pushed, 1);
    EXPECT_EQ(shopifyAvailable(sku, kSoho), base + 2);
}

TEST_F(ShopifySyncTest, aWrongTokenIsAnAuthenticationFailure)
{
    ASSERT_TRUE(m_secrets.write(QStringLiteral("shopify/accessToken"), "shpat_wrong").ok());
    ShopifyConnector wrong(m_ledger.store(), m_secrets, m_settings);
    const Status opened = wrong.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::Unauthorized);
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("access token")))
        << opened.error().message.toStdString();
    const QList<SyncException> raised = openExceptions(ExceptionKind::AuthenticationFailure);
    ASSERT_EQ(raised.size(), 1);
    EXPECT_EQ(raised.first().system, QStringLiteral("shopify"));

    const SyncCycleReport report = wrong.runCycle();
    EXPECT_FALSE(report.error.isEmpty());
    EXPECT_EQ(countRows(m_ledger.store(),
                        QStringLiteral("SELECT COUNT(*) FROM postings WHERE source = 'shopify'")),
              0);
}

TEST_F(ShopifySyncTest, unknownSkusAndLocationsAreReportedOnceAndNotInvented)
{
    Store &store = m_ledger.store();
    // The ledger calls one location differently and has retired the first style's SKUs.
    ASSERT_TRUE(runQuery(store.connection(),
                         QStringLiteral("UPDATE locations SET name = 'Trade Show Booth' WHERE "
                                        "code = 'SHOW-CASE'"))
                    .ok());
    const int retired = DemoCatalog::generate().styles().at(0).variants.size();
    for (int v = 0; v < retired; ++v) {
        ASSERT_TRUE(runQuery(store.connection(),
                             QStringLiteral("UPDATE variants SET sku = ? WHERE sku = ?"),
                             {QString(QStringLiteral("RETIRED-") + skuAt(0, v)), skuAt(0, v)})
                        .ok());
    }
    const qint64 locationsBefore
        = countRows(store, QStringLiteral("SELECT COUNT(*) FROM locations"));
    const qint64 variantsBefore = countRows(store, QStringLiteral("SELECT COUNT(*) FROM variants"));
    for (int pass = 0; pass < 2; ++pass) {
        const SyncCycleReport report = cycle();
        ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    }
    const QList<SyncException> locations = openExceptions(ExceptionKind::UnknownLocation);
    ASSERT_EQ(locations.size(), 1);
    EXPECT_EQ(locations.first().entityKey, QStringLiteral("Trade Show Case"));
    EXPECT_EQ(locations.first().attempts, 1);
    const QList<SyncException> skus = openExceptions(ExceptionKind::UnknownSku);
    ASSERT_EQ(skus.size(), retired);
    for (const SyncException &e : skus) {
        EXPECT_EQ(e.attempts, 1);
        EXPECT_TRUE(e.entityKey.startsWith(skuAt(0, 0).section(u'-', 0, 0)))
            << e.entityKey.toStdString();
    }
    // On first sight nothing is pushed over Shopify's figures: where they differ from the
    // ledger's and Shopify does not own on-hand, a person decides, one conflict per figure.
    EXPECT_EQ(
        countRows(store, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE target = 'shopify'")),
        0);
    const QList<SyncException> conflicts = openExceptions(ExceptionKind::Conflict);
    for (int style = 1; style < 4; ++style) {
        const QString key
            = InventoryKey{skuAt(style, 0), kEast, QuantityName::Available}.toString();
        const qint64 raised
            = std::count_if(conflicts.begin(), conflicts.end(), [&key](const SyncException &e) {
                  return e.entityKey == key;
              });
        EXPECT_EQ(
            raised,
            ledgerAvailable(skuAt(style, 0), kEast) == shopifyAvailable(skuAt(style, 0), kEast) ? 0
                                                                                                : 1)
            << key.toStdString();
    }
    EXPECT_EQ(countRows(store, QStringLiteral("SELECT COUNT(*) FROM locations")), locationsBefore);
    EXPECT_EQ(countRows(store, QStringLiteral("SELECT COUNT(*) FROM variants")), variantsBefore);
    EXPECT_EQ(countRows(store,
                        QStringLiteral("SELECT COUNT(*) FROM sync_values WHERE entity_key LIKE "
                                       "'%@SHOW-CASE:%'")),
              0);
}
