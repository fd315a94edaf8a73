#include "shopifylevelsync.h"

#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/connectors/shopify/shopifysyncstate.h>
#include <core/ledger/postingwriter.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inbox.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outbox.h>
#include <core/sync/outboxkinds.h>
#include <core/sync/ownershipmap.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace Ledgerdesk::Core {

namespace {

const QString kSystem = QStringLiteral("shopify");
const QString kEntity = QStringLiteral("inventory");
const QString kItemGid = QStringLiteral("gid://shopify/InventoryItem/");
constexpr double kLevelsPageCost = 253;

const QString kLevelsQuery = QStringLiteral(
    "query Levels($id: ID!, $after: String, $query: String) { location(id: $id) { "
    "inventoryLevels(first: 250, after: $after, query: $query) { nodes { id updatedAt "
    "quantities(names: [\"available\", \"on_hand\", \"committed\"]) { name quantity } } "
    "pageInfo { hasNextPage endCursor } } } }");

QString numericId(const QString &gid)
{
    return gid.mid(gid.lastIndexOf(u'/') + 1);
}

QString keyOf(const QString &sku, const QString &code)
{
    return InventoryKey{sku, code, QuantityName::Available}.toString();
}

Status upsertExternal(QSqlDatabase db, const QString &key, qint64 theirs, UtcMillis at)
{
    auto q = runQuery(db,
                      QStringLiteral("INSERT INTO sync_values (system, entity, entity_key, "
                                     "external_value, external_at) VALUES (?, ?, ?, ?, ?) ON "
                                     "CONFLICT (system, entity, entity_key) DO UPDATE SET "
                                     "external_value = excluded.external_value, external_at = "
                                     "excluded.external_at"),
                      {kSystem, kEntity, key, QString::number(theirs), at});
    return q ? success() : Status(q.error());
}

Status upsertAgreement(QSqlDatabase db, const QString &key, const QString &value, UtcMillis at)
{
    auto q = runQuery(db,
                      QStringLiteral("INSERT INTO sync_values (system, entity, entity_key, "
                                     "base_value, external_value, agreed_at) VALUES (?, ?, ?, ?, "
                                     "?, ?) ON CONFLICT (system, entity, entity_key) DO UPDATE SET "
                                     "base_value = excluded.base_value, external_value = "
                                     "excluded.external_value, agreed_at = excluded.agreed_at"),
                      {kSystem, kEntity, key, value, value, at});
    return q ? success() : Status(q.error());
}

} // namespace

ShopifyLevelSync::ShopifyLevelSync(Store &store,
                                   ShopifyGraphqlClient &client,
                                   const ShopifyIndex &index)
    : m_store(store)
    , m_client(&client)
    , m_index(index)
{}

ShopifyLevelSync::ShopifyLevelSync(Store &store, const ShopifyIndex &index)
    : m_store(store)
    , m_index(index)
{}

Status ShopifyLevelSync::loadState(const std::optional<KeyScope> &only)
{
    auto owner = OwnershipMap(m_store).owner(QStringLiteral("on_hand"));
    if (!owner) {
        return owner.error();
    }
    m_owner = owner.value();
    m_available.clear();
    m_known.clear();
    m_pendingPush.clear();
    m_openConflicts.clear();
    // The same four reads for a whole pull or, narrowed to one key, for a webhook, so a
    // delivery costs the same whatever the ledger's size.
    QSqlDatabase db = m_store.connection();
    const auto select = [&db, &only](QString sql,
                                     QVariantList values,
                                     const QString &narrowed,
                                     const QVariantList &narrowedValues) -> Result<QSqlQuery> {
        if (only) {
            sql += narrowed;
            values += narrowedValues;
        }
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            return storageError(q, QStringLiteral("shopify levels"));
        }
        for (const QVariant &value : std::as_const(values)) {
            q.addBindValue(value);
        }
        if (!q.exec()) {
            return storageError(q, QStringLiteral("shopify levels"));
        }
        return q;
    };
    const QString key = only ? only->key : QString();
    auto balances
        = select(QStringLiteral("SELECT variant_id, location_id, available FROM balances"),
                 {},
                 QStringLiteral(" WHERE variant_id = ? AND location_id = ?"),
                 {only ? only->variantId : 0, only ? only->locationId : 0});
    if (!balances) {
        return balances.error();
    }
    while (balances.value().next()) {
        m_available.insert(
            {balances.value().value(0).toLongLong(), balances.value().value(1).toLongLong()},
            balances.value().value(2).toLongLong());
    }
    auto known = select(QStringLiteral("SELECT entity_key, base_value, external_value FROM "
                                       "sync_values WHERE system = ? AND entity = ?"),
                        {kSystem, kEntity},
                        QStringLiteral(" AND entity_key = ?"),
                        {key});
    if (!known) {
        return known.error();
    }
    while (known.value().next()) {
        Known k;
        if (!known.value().isNull(1)) {
            k.base = known.value().value(1).toString();
        }
        if (!known.value().isNull(2)) {
            k.external = known.value().value(2).toString();
        }
        m_known.insert(known.value().value(0).toString(), k);
    }
    auto pending = select(QStringLiteral("SELECT entity_key FROM outbox WHERE target = ? AND "
                                         "status IN ('pending', 'in_flight')"),
                          {kSystem},
                          QStringLiteral(" AND entity_key = ?"),
                          {key});
    if (!pending) {
        return pending.error();
    }
    while (pending.value().next()) {
        m_pendingPush.insert(pending.value().value(0).toString());
    }
    auto open = select(QStringLiteral("SELECT entity_key, id FROM sync_exceptions WHERE system = "
                                      "? AND entity = ? AND kind = 'conflict' AND state IN "
                                      "('open', 'acknowledged')"),
                       {kSystem, kEntity},
                       QStringLiteral(" AND entity_key = ?"),
                       {key});
    if (!open) {
        return open.error();
    }
    while (open.value().next()) {
        m_openConflicts.insert(open.value().value(0).toString(),
                               open.value().value(1).toLongLong());
    }
    return success();
}

Status ShopifyLevelSync::run(SyncCycleReport &report)
{
    if (m_client == nullptr) {
        return makeError(ErrorCode::Validation, tr("pulling levels needs a Shopify client"));
    }
    if (const Status loaded = loadState(); !loaded) {
        return loaded;
    }
    for (const ShopifyLocationLink &location : m_index.locations) {
        if (const Status pulled = pullLocation(location, report); !pulled) {
            return pulled;
        }
    }
    return scanLedgerChanges(report);
}

Status ShopifyLevelSync::pullLocation(const ShopifyLocationLink &location, SyncCycleReport &report)
{
    const QString cursorName = QStringLiteral("levels_cursor.") + numericId(location.shopifyId);
    auto cursor = ShopifySyncState::read(m_store, cursorName);
    if (!cursor) {
        return cursor.error();
    }
    QString newest;
    const UtcMillis readStart = nowUtcMillis();
    QJsonValue after;
    bool more = true;
    while (more) {
        QJsonObject variables{{QStringLiteral("id"), location.shopifyId},
                              {QStringLiteral("after"), after}};
        if (const QString term = ShopifySyncState::searchTerm(cursor.value()); !term.isEmpty()) {
            // A repeated second is re-read; the inbox drops what was already applied.
            variables.insert(QStringLiteral("query"), term);
        }
        auto data = m_client->execute(kLevelsQuery, variables, kLevelsPageCost);
        if (!data) {
            return data.error();
        }
        const QJsonValue levels
            = data.value()[QStringLiteral("location")][QStringLiteral("inventoryLevels")];
        if (!levels.isObject() || !levels[QStringLiteral("nodes")].isArray()) {
            // Never "pulled 0": an answer without the levels asked for is a failed read.
            return makeError(
                ErrorCode::Network,
                tr("Shopify's answer for location %1 has no inventory levels").arg(location.code));
        }
        const QJsonObject page = levels.toObject();
        for (const QJsonValue &node : page[QStringLiteral("nodes")].toArray()) {
            ++report.pulled;
            const QString levelId = node[QStringLiteral("id")].toString();
            const qsizetype marker = levelId.indexOf(QStringLiteral("inventory_item_id="));
            const auto item = m_index.itemsById.constFind(kItemGid + levelId.mid(marker + 18));
            if (marker < 0 || item == m_index.itemsById.constEnd()) {
                continue; // an unmapped item was reported when the variants were mapped
            }
            Figure figure;
            figure.item = *item;
            figure.location = location;
            figure.updatedAt = node[QStringLiteral("updatedAt")].toString();
            figure.sourceAt = parseIsoTimestamp(figure.updatedAt).ok()
                                  ? parseIsoTimestamp(figure.updatedAt).value()
                                  : nowUtcMillis();
            bool found = false;
            for (const QJsonValue &q : node[QStringLiteral("quantities")].toArray()) {
                if (q[QStringLiteral("name")].toString() == u"available") {
                    figure.theirs = q[QStringLiteral("quantity")].toInteger();
                    found = true;
                }
            }
            if (!found) {
                continue;
            }
            figure.payload = QJsonDocument(node.toObject()).toJson(QJsonDocument::Compact);
            newest = std::max(newest, figure.updatedAt);
            if (const Status done = consider(figure, report); !done) {
                return done;
            }
        }
        if (const Status flushed = flushAgreements(); !flushed) {
            return flushed;
        }
        const QJsonObject info = page[QStringLiteral("pageInfo")].toObject();
        more = info[QStringLiteral("hasNextPage")].toBool();
        after = info[QStringLiteral("endCursor")];
    }
    if (const QString next = ShopifySyncState::cursorAfter(cursor.value(), newest, readStart);
        next != cursor.value()) {
        return ShopifySyncState::write(m_store, cursorName, next);
    }
    return success();
}

Status ShopifyLevelSync::consider(const Figure &figure, SyncCycleReport &report)
{
    const QString key = keyOf(figure.item.sku, figure.location.code);
    m_seenThisPass.insert(key);
    if (m_pendingPush.contains(key)) {
        return success(); // our own push is on its way; its compare-and-swap decides
    }
    const qint64 ours = m_available.value({figure.item.variantId, figure.location.locationId}, 0);
    const Known known = m_known.value(key);
    const QString theirs = QString::number(figure.theirs);
    const SyncDecision decision
        = compareThreeWay({known.base, QString::number(ours), theirs}, m_owner, kSystem);
    if (decision == SyncDecision::InSync) {
        if (known.base != theirs || known.external != theirs) {
            m_agreements << qMakePair(key, theirs);
            m_known[key] = Known{theirs, theirs};
        }
        agreeAgain(key);
        return success();
    }
    return settle(figure, decision, key, ours, report);
}

Status ShopifyLevelSync::settle(const Figure &figure,
                                SyncDecision decision,
                                const QString &key,
                                qint64 ours,
                                SyncCycleReport &report)
{
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    // A webhook (or a person) may have moved the figure since `ours` was read; a movement
    // computed from the old value would count the change twice.
    auto fresh = runQuery(db,
                          QStringLiteral("SELECT available FROM balances WHERE variant_id = ? "
                                         "AND location_id = ?"),
                          {figure.item.variantId, figure.location.locationId});
    if (!fresh) {
        return fresh.error();
    }
    const qint64 current = fresh.value().next() ? fresh.value().value(0).toLongLong() : 0;
    fresh.value().finish();
    if (current != ours) {
        m_available[{figure.item.variantId, figure.location.locationId}] = current;
        if (!figure.eventId.isEmpty()) {
            // Shopify delivers it again; by then the new state is read first.
            return makeError(ErrorCode::Conflict,
                             tr("%1 changed while this level was settled").arg(key));
        }
        return success(); // the next pass compares again against the new value
    }
    const UtcMillis now = nowUtcMillis();
    const QString itemNumber = numericId(figure.item.shopifyId);
    const QString locationNumber = numericId(figure.location.shopifyId);
    std::optional<qint64> inboxId;
    if (!figure.updatedAt.isEmpty()) {
        InboxEvent event;
        event.system = kSystem;
        event.eventId = !figure.eventId.isEmpty()
                            ? figure.eventId
                            : QStringLiteral("level:%1:%2:%3:%4")
                                  .arg(itemNumber, locationNumber, figure.updatedAt)
                                  .arg(figure.theirs);
        event.topic
            = !figure.topic.isEmpty() ? figure.topic : QStringLiteral("inventory_levels/pull");
        event.entityKey = key;
        event.sourceAt = figure.sourceAt;
        event.payload = figure.payload;
        auto receipt = Inbox::receive(db, event, now);
        if (!receipt) {
            return receipt.error();
        }
        const bool pushes
            = decision == SyncDecision::PushOurs || decision == SyncDecision::OwnerOurs;
        m_lastVerdict = receipt.value().verdict;
        if (receipt.value().verdict == InboxVerdict::Apply) {
            inboxId = receipt.value().id;
        } else if (!pushes || !figure.eventId.isEmpty()) {
            return tx.commit(); // seen before, or older than what was applied
        }
    }
    QString outcome;
    Known after = m_known.value(key);
    after.external = QString::number(figure.theirs);
    switch (decision) {
    case SyncDecision::TakeTheirs:
    case SyncDecision::OwnerTheirs: {
        PostingRequest request;
        request.source = kSystem;
        request.reference
            = QStringLiteral("level:%1:%2:%3:%4")
                  .arg(itemNumber,
                       locationNumber,
                       figure.updatedAt.isEmpty() ? QString::number(now) : figure.updatedAt)
                  .arg(figure.theirs);
        request.reason = MovementReason::SyncAccept;
        request.actor = QStringLiteral("shopify-connector");
        request.occurredAt = figure.sourceAt;
        request.note = tr("Shopify's available at %1 changed to %2")
                           .arg(figure.location.code)
                           .arg(figure.theirs);
        if (figure.theirs < 0) {
            request.override = StockOverride{tr("Shopify reports an oversold level")};
        }
        MovementLine line{figure.item.variantId, figure.location.locationId, {}};
        line.delta.set(QuantityName::Available, figure.theirs - ours);
        request.lines = {line};
        PostingWriter writer(db, &m_store);
        if (const Status prepared = writer.prepare(); !prepared) {
            return prepared;
        }
        if (auto posted = writer.write(request, now); !posted) {
            return posted.error();
        }
        if (const Status agreed = upsertAgreement(db, key, *after.external, now); !agreed) {
            return agreed;
        }
        after.base = after.external;
        agreeAgain(key);
        outcome = QStringLiteral("applied");
        break;
    }
    case SyncDecision::PushOurs:
    case SyncDecision::OwnerOurs: {
        OutboxItem item;
        item.idempotencyKey = QStringLiteral("shopify-available-%1-%2-%3-to-%4")
                                  .arg(itemNumber, locationNumber)
                                  .arg(figure.theirs)
                                  .arg(ours);
        item.target = kSystem;
        item.kind = OutboxKinds::kInventorySet;
        item.entityKey = key;
        item.payload
            = QJsonDocument(QJsonObject{{QStringLiteral("inventoryItemId"), figure.item.shopifyId},
                                        {QStringLiteral("locationId"), figure.location.shopifyId},
                                        {QStringLiteral("sku"), figure.item.sku},
                                        {QStringLiteral("location"), figure.location.code},
                                        {QStringLiteral("name"), QStringLiteral("available")},
                                        {QStringLiteral("quantity"), ours},
                                        {QStringLiteral("changeFromQuantity"), figure.theirs}})
                  .toJson(QJsonDocument::Compact);
        if (const Status queued = Outbox::enqueue(db, item, now); !queued) {
            return queued;
        }
        if (const Status seen = upsertExternal(db, key, figure.theirs, now); !seen) {
            return seen;
        }
        m_pendingPush.insert(key);
        outcome = QStringLiteral("pushed");
        break;
    }
    case SyncDecision::Conflict: {
        SyncException e;
        e.kind = ExceptionKind::Conflict;
        e.system = kSystem;
        e.entity = kEntity;
        e.entityKey = key;
        e.baseValue = after.base;
        e.ledgerValue = QString::number(ours);
        e.externalValue = after.external;
        e.errorText = tr("available changed in the ledger (%1) and in Shopify (%2)")
                          .arg(ours)
                          .arg(figure.theirs);
        auto raised = ExceptionStore::raise(db, e, now);
        if (!raised) {
            return raised.error();
        }
        m_openConflicts.insert(key, raised.value());
        if (const Status seen = upsertExternal(db, key, figure.theirs, now); !seen) {
            return seen;
        }
        ++report.conflicts;
        outcome = QStringLiteral("conflict");
        break;
    }
    case SyncDecision::InSync:
        // Only a reported level gets here: recorded as applied, so an older one is stale.
        if (const Status agreed = upsertAgreement(db, key, *after.external, now); !agreed) {
            return agreed;
        }
        after.base = after.external;
        agreeAgain(key);
        outcome = QStringLiteral("applied");
        break;
    }
    if (const Status closed = closeSettled(db, now); !closed) {
        return closed;
    }
    if (inboxId) {
        if (const Status marked = Inbox::markApplied(db, *inboxId, outcome, now); !marked) {
            return marked;
        }
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed;
    }
    m_known[key] = after;
    if (outcome == u"applied") {
        m_available[{figure.item.variantId, figure.location.locationId}] = figure.theirs;
        ++report.applied;
    }
    return success();
}

Result<InboxVerdict> ShopifyLevelSync::settleReported(const ReportedLevel &level,
                                                      SyncCycleReport &report)
{
    Figure figure{level.item,
                  level.location,
                  level.available,
                  level.updatedAt,
                  level.sourceAt,
                  level.payload,
                  level.eventId,
                  level.topic};
    const QString key = keyOf(figure.item.sku, figure.location.code);
    if (const Status loaded
        = loadState(KeyScope{key, figure.item.variantId, figure.location.locationId});
        !loaded) {
        return loaded.error();
    }
    if (m_pendingPush.contains(key)) {
        // As in the pull: our own push is on its way and its compare-and-swap decides.
        QSqlDatabase db = m_store.connection();
        WriteTransaction tx(db, m_store.dialect());
        if (!tx.begun()) {
            return tx.begun().error();
        }
        const UtcMillis now = nowUtcMillis();
        auto receipt = Inbox::receive(
            db, {kSystem, level.eventId, level.topic, key, level.sourceAt, level.payload}, now);
        if (!receipt) {
            return receipt.error();
        }
        if (receipt.value().verdict == InboxVerdict::Apply) {
            if (const Status marked
                = Inbox::markApplied(db, receipt.value().id, QStringLiteral("deferred"), now);
                !marked) {
                return marked.error();
            }
        }
        const Status committed = tx.commit();
        return committed ? Result<InboxVerdict>(receipt.value().verdict)
                         : Result<InboxVerdict>(committed.error());
    }
    const qint64 ours = m_available.value({figure.item.variantId, figure.location.locationId}, 0);
    const Known known = m_known.value(key);
    const SyncDecision decision = compareThreeWay(
        {known.base, QString::number(ours), QString::number(figure.theirs)}, m_owner, kSystem);
    m_lastVerdict = InboxVerdict::Apply;
    if (const Status settled = settle(figure, decision, key, ours, report); !settled) {
        return settled.error();
    }
    return m_lastVerdict;
}

Status ShopifyLevelSync::flushAgreements()
{
    if (m_agreements.isEmpty() && m_settled.isEmpty()) {
        return success();
    }
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    const UtcMillis now = nowUtcMillis();
    for (const auto &[key, value] : std::as_const(m_agreements)) {
        if (const Status agreed = upsertAgreement(db, key, value, now); !agreed) {
            return agreed;
        }
    }
    if (const Status closed = closeSettled(db, now); !closed) {
        return closed;
    }
    m_agreements.clear();
    return tx.commit();
}

void ShopifyLevelSync::agreeAgain(const QString &key)
{
    if (const qint64 id = m_openConflicts.take(key); id != 0) {
        m_settled << id;
    }
}

Status ShopifyLevelSync::closeSettled(QSqlDatabase db, UtcMillis now)
{
    for (const qint64 id : std::as_const(m_settled)) {
        const Status closed = ExceptionStore::close(db,
                                                    id,
                                                    ExceptionState::Resolved,
                                                    QStringLiteral("shopify-connector"),
                                                    tr("the ledger and Shopify agree again"),
                                                    now);
        if (!closed && closed.error().code != ErrorCode::Conflict) {
            return closed; // Conflict: a person closed it meanwhile
        }
    }
    m_settled.clear();
    return success();
}

Status ShopifyLevelSync::scanLedgerChanges(SyncCycleReport &report)
{
    // The pull only sees what changed in Shopify; a ledger-only change shows as a figure whose
    // ledger value left the agreed base while Shopify's last known value did not move.
    const QList<QString> keys = m_known.keys();
    for (const QString &key : keys) {
        const Known known = m_known.value(key);
        const Known *it = &known;
        if (m_seenThisPass.contains(key) || m_pendingPush.contains(key) || !it->base
            || !it->external) {
            continue;
        }
        const auto parsed = InventoryKey::parse(key);
        if (!parsed) {
            continue;
        }
        const auto item = m_index.itemsBySku.constFind(parsed->sku);
        const auto location = m_index.locationsByCode.constFind(parsed->locationCode);
        if (item == m_index.itemsBySku.constEnd()
            || location == m_index.locationsByCode.constEnd()) {
            continue;
        }
        const qint64 ours = m_available.value({item->variantId, location->locationId}, 0);
        if (QString::number(ours) == *it->base) {
            continue;
        }
        const SyncDecision decision
            = compareThreeWay({it->base, QString::number(ours), *it->external}, m_owner, kSystem);
        if (decision == SyncDecision::InSync) {
            m_agreements << qMakePair(key, *it->external);
            agreeAgain(key);
            continue;
        }
        if (decision == SyncDecision::Conflict && m_openConflicts.contains(key)) {
            continue; // raised already; a new Shopify value arrives through the pull
        }
        Figure figure;
        figure.item = *item;
        figure.location = *location;
        figure.theirs = it->external->toLongLong();
        figure.sourceAt = nowUtcMillis();
        if (const Status settled = settle(figure, decision, key, ours, report); !settled) {
            return settled;
        }
    }
    return flushAgreements();
}

} // namespace Ledgerdesk::Core
