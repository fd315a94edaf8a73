#include "shopifycatalogmapper.h"

#include <core/catalog/catalog.h>
#include <core/catalog/externalidmap.h>
#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/connectors/shopify/shopifysyncstate.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>

#include <QJsonArray>

namespace Ledgerdesk::Core {

namespace {

const QString kSystem = QStringLiteral("shopify");
const QString kItemEntity = QStringLiteral("inventory_item");
const QString kLocationEntity = QStringLiteral("location");
const QString kVariantsCursor = QStringLiteral("variants_cursor");

const QString kLocationsQuery
    = QStringLiteral("{ locations(first: 250) { nodes { id name isActive } } }");
const QString kVariantsQuery = QStringLiteral(
    "query Variants($after: String, $query: String) { productVariants(first: 250, after: "
    "$after, query: $query) { nodes { sku updatedAt inventoryItem { id sku } } pageInfo { "
    "hasNextPage endCursor } } }");
constexpr double kVariantsPageCost = 252;

} // namespace

ShopifyCatalogMapper::ShopifyCatalogMapper(Store &store, ShopifyGraphqlClient &client)
    : m_store(store)
    , m_client(client)
{}

Status ShopifyCatalogMapper::raiseUnknown(ExceptionKind kind,
                                          const QString &entity,
                                          const QString &key,
                                          const QString &text,
                                          SyncCycleReport &report)
{
    SyncException e;
    e.kind = kind;
    e.system = kSystem;
    e.entity = entity;
    e.entityKey = key;
    e.errorText = text;
    const auto raised = ExceptionStore(m_store).raiseOnce(e);
    if (!raised) {
        return raised.error();
    }
    if (raised.value()) {
        ++report.conflicts;
    }
    return success();
}

Status ShopifyCatalogMapper::mapLocations(ShopifyIndex &index, SyncCycleReport &report)
{
    auto data = m_client.execute(kLocationsQuery, {}, 6);
    if (!data) {
        return data.error();
    }
    Catalog catalog(m_store);
    ExternalIdMap links(m_store);
    const QJsonArray nodes
        = data.value()[QStringLiteral("locations")][QStringLiteral("nodes")].toArray();
    for (const QJsonValue &node : nodes) {
        ++report.pulled;
        const QString id = node[QStringLiteral("id")].toString();
        const QString name = node[QStringLiteral("name")].toString();
        const auto local = catalog.locationByCodeOrName(name);
        if (!local) {
            return local.error();
        }
        if (!local.value()) {
            if (const Status raised = raiseUnknown(
                    ExceptionKind::UnknownLocation,
                    kLocationEntity,
                    name,
                    tr("Shopify location \"%1\" (%2) has no ledger location of that name")
                        .arg(name, id),
                    report);
                !raised) {
                return raised;
            }
            continue;
        }
        auto linked = links.externalId(kSystem, kLocationEntity, local.value()->id);
        if (!linked) {
            return linked.error();
        }
        if (linked.value() != id) {
            if (const Status saved = links.link(kSystem, kLocationEntity, local.value()->id, id);
                !saved) {
                return saved;
            }
        }
        const ShopifyLocationLink link{local.value()->id, local.value()->code, id};
        index.locations << link;
        index.locationsById.insert(id, link);
        index.locationsByCode.insert(link.code, link);
    }
    return success();
}

Status ShopifyCatalogMapper::mapItems(ShopifyIndex &index, SyncCycleReport &report)
{
    auto cursor = ShopifySyncState::read(m_store, kVariantsCursor);
    if (!cursor) {
        return cursor.error();
    }
    QSqlDatabase db = m_store.connection();
    QHash<QString, VariantId> variants;
    {
        auto q = runQuery(db, QStringLiteral("SELECT sku, id FROM variants"));
        if (!q) {
            return q.error();
        }
        while (q.value().next()) {
            variants.insert(q.value().value(0).toString(), q.value().value(1).toLongLong());
        }
    }
    QString newest;
    const UtcMillis readStart = nowUtcMillis();
    QJsonValue after;
    bool more = true;
    while (more) {
        QJsonObject variables{{QStringLiteral("after"), after}};
        if (const QString term = ShopifySyncState::searchTerm(cursor.value()); !term.isEmpty()) {
            // A repeated second is re-read; the inbox drops what was already applied.
            variables.insert(QStringLiteral("query"), term);
        }
        auto data = m_client.execute(kVariantsQuery, variables, kVariantsPageCost);
        if (!data) {
            return data.error();
        }
        const QJsonObject page = data.value()[QStringLiteral("productVariants")].toObject();
        WriteTransaction tx(db, m_store.dialect());
        if (!tx.begun()) {
            return tx.begun();
        }
        QList<QPair<QString, QString>> unknown;
        for (const QJsonValue &node : page[QStringLiteral("nodes")].toArray()) {
            ++report.pulled;
            const QString sku = node[QStringLiteral("sku")].toString();
            const QString itemId
                = node[QStringLiteral("inventoryItem")][QStringLiteral("id")].toString();
            newest = std::max(newest, node[QStringLiteral("updatedAt")].toString());
            const auto local = variants.constFind(sku);
            if (sku.isEmpty() || local == variants.constEnd()) {
                unknown << qMakePair(sku, itemId);
                continue;
            }
            auto removed = runQuery(db,
                                    QStringLiteral("DELETE FROM external_ids WHERE system = ? "
                                                   "AND entity = ? AND (local_id = ? OR "
                                                   "external_id = ?)"),
                                    {kSystem, kItemEntity, *local, itemId});
            auto inserted = removed ? runQuery(db,
                                               QStringLiteral("INSERT INTO external_ids (system, "
                                                              "entity, local_id, external_id) "
                                                              "VALUES (?, ?, ?, ?)"),
                                               {kSystem, kItemEntity, *local, itemId})
                                    : removed;
            if (!inserted) {
                return inserted.error();
            }
        }
        if (const Status committed = tx.commit(); !committed) {
            return committed;
        }
        for (const auto &[sku, itemId] : unknown) {
            if (const Status raised = raiseUnknown(
                    ExceptionKind::UnknownSku,
                    kItemEntity,
                    sku.isEmpty() ? itemId : sku,
                    tr("Shopify inventory item %1 has SKU \"%2\", which the ledger does not know")
                        .arg(itemId, sku),
                    report);
                !raised) {
                return raised;
            }
        }
        const QJsonObject info = page[QStringLiteral("pageInfo")].toObject();
        more = info[QStringLiteral("hasNextPage")].toBool();
        after = info[QStringLiteral("endCursor")];
    }
    if (const QString next = ShopifySyncState::cursorAfter(cursor.value(), newest, readStart);
        next != cursor.value()) {
        if (const Status saved = ShopifySyncState::write(m_store, kVariantsCursor, next); !saved) {
            return saved;
        }
    }
    return loadItemLinks(index);
}

Status ShopifyCatalogMapper::loadItemLinks(ShopifyIndex &index)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT e.external_id, v.id, v.sku FROM external_ids e JOIN "
                                     "variants v ON v.id = e.local_id WHERE e.system = ? AND "
                                     "e.entity = ?"),
                      {kSystem, kItemEntity});
    if (!q) {
        return q.error();
    }
    while (q.value().next()) {
        const ShopifyItemLink link{q.value().value(1).toLongLong(),
                                   q.value().value(2).toString(),
                                   q.value().value(0).toString()};
        index.itemsById.insert(link.shopifyId, link);
        index.itemsBySku.insert(link.sku, link);
    }
    return success();
}

} // namespace Ledgerdesk::Core
