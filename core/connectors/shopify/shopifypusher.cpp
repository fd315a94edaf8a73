#include "shopifypusher.h"

#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace Ledgerdesk::Core {

namespace {

const QString kSystem = QStringLiteral("shopify");
constexpr int kBatch = 50;
constexpr int kMaxBatches = 200; // a pass delivers at most this many batches

const QString kSetMutation = QStringLiteral(
    "mutation Push($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: "
    "$input) @idempotent(key: \"%1\") { inventoryAdjustmentGroup { id } userErrors { code field "
    "message } } }");
const QString kLevelQuery = QStringLiteral(
    "query Level($item: ID!, $location: ID!) { inventoryItem(id: $item) { "
    "inventoryLevel(locationId: $location) { quantities(names: [\"available\"]) { name "
    "quantity } } } }");

QString escaped(QString text)
{
    return text.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
}

} // namespace

ShopifyPusher::ShopifyPusher(Store &store, ShopifyGraphqlClient &client, const ShopifyIndex &index)
    : m_store(store)
    , m_client(client)
    , m_index(index)
    , m_outbox(store)
{}

Status ShopifyPusher::drain(SyncCycleReport &report)
{
    for (int batch = 0; batch < kMaxBatches; ++batch) {
        auto due = m_outbox.claimDue(kSystem, nowUtcMillis(), kBatch);
        if (!due) {
            return due.error();
        }
        if (due.value().isEmpty()) {
            return success();
        }
        const QList<OutboxItem> &items = due.value();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (const Status delivered = deliver(items.at(i), report); !delivered) {
                // Stop the pass; what it claimed but did not try goes back to waiting.
                for (qsizetype rest = i + 1; rest < items.size(); ++rest) {
                    auto requeued = m_outbox.fail(items.at(rest).id,
                                                  {delivered.error().message, true, std::nullopt},
                                                  nowUtcMillis());
                    if (!requeued) {
                        return requeued.error();
                    }
                }
                return delivered;
            }
        }
    }
    return success();
}

Status ShopifyPusher::failed(const OutboxItem &item,
                             const DeliveryFailure &failure,
                             SyncCycleReport &report)
{
    ++report.failed;
    auto status = m_outbox.fail(item.id, failure, nowUtcMillis());
    return status ? success() : Status(status.error());
}

Status ShopifyPusher::deliver(const OutboxItem &item, SyncCycleReport &report)
{
    const QJsonObject payload = QJsonDocument::fromJson(item.payload).object();
    const QString sku = payload.value(QStringLiteral("sku")).toString();
    const QString code = payload.value(QStringLiteral("location")).toString();
    const QString name
        = payload.value(QStringLiteral("name")).toString(QStringLiteral("available"));
    QString itemId = payload.value(QStringLiteral("inventoryItemId")).toString();
    QString locationId = payload.value(QStringLiteral("locationId")).toString();
    if (itemId.isEmpty()) {
        itemId = m_index.itemsBySku.value(sku).shopifyId;
    }
    if (locationId.isEmpty()) {
        locationId = m_index.locationsByCode.value(code).shopifyId;
    }
    if (itemId.isEmpty() || locationId.isEmpty()
        || !payload.value(QStringLiteral("quantity")).isDouble()) {
        return failed(item,
                      {tr("outbox row %1 names no Shopify inventory item and location (SKU \"%2\" "
                          "at \"%3\") or no quantity")
                           .arg(item.id)
                           .arg(sku, code),
                       false,
                       std::nullopt},
                      report);
    }
    const qint64 quantity = payload.value(QStringLiteral("quantity")).toInteger();
    QJsonObject change{{QStringLiteral("inventoryItemId"), itemId},
                       {QStringLiteral("locationId"), locationId},
                       {QStringLiteral("quantity"), quantity}};
    change.insert(QStringLiteral("changeFromQuantity"),
                  payload.value(QStringLiteral("changeFromQuantity")).isDouble()
                      ? payload.value(QStringLiteral("changeFromQuantity"))
                      : QJsonValue(QJsonValue::Null));
    const QJsonObject input{{QStringLiteral("name"), name},
                            {QStringLiteral("reason"), QStringLiteral("correction")},
                            {QStringLiteral("referenceDocumentUri"),
                             QStringLiteral("gid://ledgerdesk/Outbox/%1").arg(item.id)},
                            {QStringLiteral("quantities"), QJsonArray{change}}};
    auto answer = m_client.execute(
        kSetMutation.arg(escaped(item.idempotencyKey)), {{QStringLiteral("input"), input}}, 10);
    if (!answer) {
        const Error &error = answer.error();
        const bool retryable = error.code != ErrorCode::Validation;
        if (const Status recorded
            = failed(item, {error.message, retryable, m_client.lastRetryAfterMs()}, report);
            !recorded) {
            return recorded;
        }
        // A refused token fails every row alike: stop and report it once.
        return error.code == ErrorCode::Unauthorized ? Status(error) : success();
    }
    const QJsonObject result = answer.value()[QStringLiteral("inventorySetQuantities")].toObject();
    const QJsonArray userErrors = result[QStringLiteral("userErrors")].toArray();
    if (!userErrors.isEmpty()) {
        QStringList messages;
        bool stale = false;
        for (const QJsonValue &e : userErrors) {
            messages << QStringLiteral("%1: %2").arg(e[QStringLiteral("code")].toString(),
                                                     e[QStringLiteral("message")].toString());
            stale = stale || e[QStringLiteral("code")].toString() == u"CHANGE_FROM_QUANTITY_STALE";
        }
        const QString message = tr("Shopify refused the change: %1").arg(messages.join(u"; "));
        if (const Status recorded = failed(item, {message, false, std::nullopt}, report);
            !recorded) {
            return recorded;
        }
        return stale ? raiseStale(item, itemId, locationId, quantity, message) : success();
    }
    // The agreed value moves to what Shopify now holds, then the row is done; a crash in
    // between resends with the same key, which Shopify answers without applying again.
    if (InventoryKey::parse(item.entityKey)) {
        auto agreed = runQuery(m_store.connection(),
                               QStringLiteral("INSERT INTO sync_values (system, entity, "
                                              "entity_key, base_value, external_value, "
                                              "agreed_at) VALUES (?, 'inventory', ?, ?, ?, ?) ON "
                                              "CONFLICT (system, entity, entity_key) DO UPDATE "
                                              "SET base_value = excluded.base_value, "
                                              "external_value = excluded.external_value, "
                                              "agreed_at = excluded.agreed_at"),
                               {kSystem,
                                item.entityKey,
                                QString::number(quantity),
                                QString::number(quantity),
                                nowUtcMillis()});
        if (!agreed) {
            return agreed.error();
        }
    }
    if (const Status completed = m_outbox.complete(
            item.id, QJsonDocument(result).toJson(QJsonDocument::Compact), nowUtcMillis());
        !completed) {
        return completed;
    }
    ++report.pushed;
    return success();
}

Status ShopifyPusher::raiseStale(const OutboxItem &item,
                                 const QString &itemId,
                                 const QString &locationId,
                                 qint64 quantity,
                                 const QString &message)
{
    // What Shopify holds now, so "keep ours and push" can expect it.
    std::optional<QString> current;
    auto level = m_client.execute(
        kLevelQuery,
        {{QStringLiteral("item"), itemId}, {QStringLiteral("location"), locationId}},
        4);
    if (level) {
        for (const QJsonValue &q : level
                                       .value()[QStringLiteral("inventoryItem")][QStringLiteral(
                                           "inventoryLevel")][QStringLiteral("quantities")]
                                       .toArray()) {
            current = QString::number(q[QStringLiteral("quantity")].toInteger());
        }
    }
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    SyncException e;
    e.kind = ExceptionKind::StaleWrite;
    e.system = kSystem;
    e.entity = QStringLiteral("inventory");
    e.entityKey = item.entityKey;
    e.ledgerValue = QString::number(quantity);
    e.externalValue = current;
    e.errorText = message;
    e.outboxId = item.id;
    if (auto raised = ExceptionStore::raise(db, e, nowUtcMillis()); !raised) {
        return raised.error();
    }
    return tx.commit();
}

} // namespace Ledgerdesk::Core
