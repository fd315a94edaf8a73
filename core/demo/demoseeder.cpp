#include "demoseeder.h"

#include <core/catalog/catalog.h>
#include <core/ledger/ledger.h>
#include <core/pricing/pricebook.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/ledgerfollowers.h>
#include <core/sync/outboxkinds.h>

#include <QCoreApplication>

#include <algorithm>

namespace Ledgerdesk::Core {

namespace {

const QString kSource = QStringLiteral("demo");
const QString kActor = QStringLiteral("demo-seeder");

struct SeedIds
{
    QList<QList<VariantId>> variants; // [style][variant]
    QList<LocationId> locations;
};

Result<SeedIds> saveMasterData(Store &store, const DemoCatalog &catalog)
{
    Catalog master(store);
    WriteTransaction tx(store.connection(), store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    SeedIds ids;
    for (const DemoLocation &l : catalog.locations()) {
        const auto id = master.saveLocation({0, l.code, l.name, l.kind, true});
        if (!id) {
            return id.error();
        }
        ids.locations << id.value();
    }
    for (const DemoStyle &s : catalog.styles()) {
        const auto styleId = master.saveStyle({0, s.handle, s.title, s.vendor, s.productType});
        if (!styleId) {
            return styleId.error();
        }
        QList<VariantId> variantIds;
        for (const DemoVariant &d : s.variants) {
            Variant v;
            v.styleId = styleId.value();
            v.sku = d.sku;
            v.barcode = d.barcode;
            v.options[0] = {QStringLiteral("Color"), d.color};
            v.options[1] = {QStringLiteral("Size"), d.size};
            v.price = d.price;
            const auto id = master.saveVariant(v);
            if (!id) {
                return id.error();
            }
            variantIds << id.value();
        }
        ids.variants << variantIds;
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    return ids;
}

// The opening count of one location, plus a few open orders and purchase orders on top.
PostingRequest openingPosting(const DemoCatalog &catalog,
                              const SeedIds &ids,
                              int location,
                              const DemoSeedOptions &options)
{
    PostingRequest request;
    request.source = kSource;
    request.reference = QStringLiteral("opening-") + catalog.locations()[location].code;
    request.reason = MovementReason::Count;
    request.actor = kActor;
    request.occurredAt = nowUtcMillis();
    request.note = QCoreApplication::translate("Ledgerdesk::Core::DemoSeeder",
                                               "Opening stock of the demo ledger");
    const bool stocksEverything = catalog.locations()[location].kind != LocationKind::TradeShow;
    int cell = 0;
    for (int s = 0; s < catalog.styles().size(); ++s) {
        for (int v = 0; v < catalog.styles()[s].variants.size(); ++v, ++cell) {
            const qint64 onHand = catalog.startingOnHand(s, v, location);
            MovementLine line{ids.variants[s][v], ids.locations[location], {}};
            if (onHand > 0) {
                // Every ninth stocked cell has units promised to open orders.
                const qint64 committed = options.committedToOpenOrders && cell % 9 == 0
                                             ? std::min<qint64>(onHand, 1 + cell % 3)
                                             : 0;
                line.delta.set(QuantityName::Available, onHand - committed);
                line.delta.set(QuantityName::Committed, committed);
            }
            if (stocksEverything && onHand < 5) {
                // Sold out or low: a purchase order is on its way.
                line.delta.set(QuantityName::Incoming, 12 + 12 * (cell % 3));
            }
            if (!line.delta.isZero()) {
                request.lines << line;
            }
        }
    }
    return request;
}

// Shopify is compared on available, the ERP and the WMS on on-hand (see the sync README).
Status recordOpeningAgreements(Store &store, const QStringList &systems)
{
    if (systems.isEmpty()) {
        return success();
    }
    QSqlDatabase db = store.connection();
    WriteTransaction tx(db, store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    const UtcMillis now = nowUtcMillis();
    for (const QString &system : systems) {
        const bool shopify = system == u"shopify";
        const QString figure = shopify ? QStringLiteral("b.available")
                                       : QStringLiteral("b.available + b.committed + b.reserved + "
                                                        "b.damaged + b.quality_control + "
                                                        "b.safety_stock");
        auto q = runQuery(
            db,
            QStringLiteral("INSERT INTO sync_values (system, entity, entity_key, "
                           "base_value, external_value, agreed_at) SELECT ?, "
                           "'inventory', v.sku || '@' || l.code || ?, CAST(%1 AS "
                           "TEXT), CAST(%1 AS TEXT), ? FROM balances b JOIN "
                           "variants v ON v.id = b.variant_id JOIN locations l ON "
                           "l.id = b.location_id WHERE 1 = 1 ON CONFLICT (system, entity, "
                           "entity_key) DO NOTHING")
                .arg(figure),
            {system, shopify ? QStringLiteral(":available") : QStringLiteral(":on_hand"), now});
        if (!q) {
            return q.error();
        }
        // A system that keeps its own on-hand hears of every change from this agreement on.
        if (inventoryPushKind(system) == OutboxKinds::kInventoryAdjust) {
            if (const Status following = LedgerFollowers::follow(db, system); !following) {
                return following;
            }
        }
    }
    return tx.commit();
}

} // namespace

Result<DemoSeedSummary>
seedDemoLedger(Store &store, const DemoCatalog &catalog, DemoSeedOptions options)
{
    const auto ids = saveMasterData(store, catalog);
    if (!ids) {
        return ids.error();
    }
    QList<PostingRequest> requests;
    DemoSeedSummary summary;
    for (int l = 0; l < catalog.locations().size(); ++l) {
        requests << openingPosting(catalog, ids.value(), l, options);
        summary.balances += requests.last().lines.size();
    }
    const auto posted = Ledger(store).postBatch(requests);
    if (!posted) {
        return posted.error();
    }
    if (const Status agreed = recordOpeningAgreements(store, options.agreedWith); !agreed) {
        return agreed.error();
    }
    // The sandbox's wholesale price lists are in EUR and CAD; quotes convert USD base prices.
    PriceBook book(store);
    for (const auto &[to, rate] : {qMakePair(QStringLiteral("EUR"), QStringLiteral("0.92")),
                                   qMakePair(QStringLiteral("CAD"), QStringLiteral("1.37"))}) {
        if (const Status set = book.setExchangeRate(
                QStringLiteral("USD"), to, QDate(2025, 1, 1), rate, QStringLiteral("demo"));
            !set) {
            return set.error();
        }
    }
    summary.styles = static_cast<int>(catalog.styles().size());
    summary.variants = catalog.variantCount();
    summary.locations = static_cast<int>(catalog.locations().size());
    return summary;
}

} // namespace Ledgerdesk::Core
