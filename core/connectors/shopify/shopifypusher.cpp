#include "shopifypusher.h"

#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outboxkinds.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <algorithm>

namespace Ledgerdesk::Core {

namespace {

const QString kSystem = QStringLiteral("shopify");
constexpr int kMaxClaims = 200;      // a pass claims at most this many batches
constexpr double kMutationCost = 10; // Shopify's requestedQueryCost for one mutation field

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

// The member index a user error points at (`input.quantities.N…`), or -1.
int quantityIndex(const QJsonValue &error)
{
    const QJsonArray field = error[QStringLiteral("field")].toArray();
    if (field.size() < 3 || field.at(0).toString() != u"input"
        || field.at(1).toString() != u"quantities") {
        return -1;
    }
    bool ok = false;
    const int index
        = field.at(2).isDouble() ? field.at(2).toInt() : field.at(2).toString().toInt(&ok);
    return field.at(2).isDouble() || ok ? index : -1;
}

} // namespace

ShopifyPusher::ShopifyPusher(Store &store,
                             ShopifyGraphqlClient &client,
                             const ShopifyIndex &index,
                             int batchSize)
    : m_store(store)
    , m_client(client)
    , m_index(index)
    , m_outbox(store)
    , m_batchSize(std::clamp(batchSize, 1, maxBatchSize))
{}

QString ShopifyPusher::batchKey(QStringList memberKeys)
{
    // A batch of one is that row's own request, so it keeps the row's key.
    if (memberKeys.size() == 1) {
        return memberKeys.first();
    }
    memberKeys.sort();
    const QByteArray digest
        = QCryptographicHash::hash(memberKeys.join(u'\n').toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("shopify-batch-%1-%2")
        .arg(memberKeys.size())
        .arg(QString::fromLatin1(digest.toHex().left(32)));
}

Status ShopifyPusher::drain(SyncCycleReport &report)
{
    for (int claim = 0; claim < kMaxClaims; ++claim) {
        // Other kinds for Shopify (fulfilments) have their own deliverer.
        auto due
            = m_outbox.claimDue(kSystem, nowUtcMillis(), m_batchSize, OutboxKinds::kInventorySet);
        if (!due) {
            return due.error();
        }
        if (due.value().isEmpty()) {
            return success();
        }
        // One mutation sets one quantity name; rows stay in id order so a resent batch is
        // byte-for-byte the same request.
        QList<Member> ready;
        for (const OutboxItem &item : due.value()) {
            if (const Status prepared = prepare(item, ready, report); !prepared) {
                return prepared;
            }
        }
        std::sort(ready.begin(), ready.end(), [](const Member &a, const Member &b) {
            return a.item.id < b.item.id;
        });
        QMap<QString, QList<Member>> byName;
        for (const Member &member : ready) {
            byName[member.name] << member;
        }
        for (auto it = byName.begin(); it != byName.end(); ++it) {
            if (const Status delivered = deliver(it.value(), report); !delivered) {
                // Stop the pass; what it claimed but did not try goes back to waiting.
                for (auto rest = std::next(it); rest != byName.end(); ++rest) {
                    for (const Member &member : rest.value()) {
                        auto requeued
                            = m_outbox.fail(member.item.id,
                                            {delivered.error().message, true, std::nullopt},
                                            nowUtcMillis());
                        if (!requeued) {
                            return requeued.error();
                        }
                    }
                }
                return delivered;
            }
        }
    }
    return success();
}

Status ShopifyPusher::prepare(const OutboxItem &item, QList<Member> &ready, SyncCycleReport &report)
{
    const QJsonObject payload = QJsonDocument::fromJson(item.payload).object();
    const QString sku = payload.value(QStringLiteral("sku")).toString();
    const QString code = payload.value(QStringLiteral("location")).toString();
    Member member;
    member.item = item;
    member.name = payload.value(QStringLiteral("name")).toString(QStringLiteral("available"));
    member.itemId = payload.value(QStringLiteral("inventoryItemId")).toString();
    member.locationId = payload.value(QStringLiteral("locationId")).toString();
    if (member.itemId.isEmpty()) {
        member.itemId = m_index.itemsBySku.value(sku).shopifyId;
    }
    if (member.locationId.isEmpty()) {
        member.locationId = m_index.locationsByCode.value(code).shopifyId;
    }
    if (member.itemId.isEmpty() || member.locationId.isEmpty()
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
    member.quantity = payload.value(QStringLiteral("quantity")).toInteger();
    member.change = {{QStringLiteral("inventoryItemId"), member.itemId},
                     {QStringLiteral("locationId"), member.locationId},
                     {QStringLiteral("quantity"), member.quantity}};
    member.change.insert(QStringLiteral("changeFromQuantity"),
                         payload.value(QStringLiteral("changeFromQuantity")).isDouble()
                             ? payload.value(QStringLiteral("changeFromQuantity"))
                             : QJsonValue(QJsonValue::Null));
    ready << member;
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

Status ShopifyPusher::deliver(QList<Member> members, SyncCycleReport &report)
{
    // Shopify applies a batch whole or not at all: members it refused leave the batch, and the
    // rest go again as a new batch, which therefore has a new key.
    while (!members.isEmpty()) {
        QStringList keys;
        QJsonArray quantities;
        for (const Member &member : members) {
            keys << member.item.idempotencyKey;
            quantities.append(member.change);
        }
        const QString key = batchKey(keys);
        const QJsonObject input{{QStringLiteral("name"), members.first().name},
                                {QStringLiteral("reason"), QStringLiteral("correction")},
                                {QStringLiteral("referenceDocumentUri"),
                                 QStringLiteral("gid://ledgerdesk/OutboxBatch/%1").arg(key)},
                                {QStringLiteral("quantities"), quantities}};
        auto answer = m_client.execute(
            kSetMutation.arg(escaped(key)), {{QStringLiteral("input"), input}}, kMutationCost);
        if (!answer) {
            const Error &error = answer.error();
            const DeliveryFailure failure{
                error.message, error.code != ErrorCode::Validation, m_client.lastRetryAfterMs()};
            for (const Member &member : members) {
                if (const Status recorded = failed(member.item, failure, report); !recorded) {
                    return recorded;
                }
            }
            // A refused token fails every row alike: stop and report it once.
            return error.code == ErrorCode::Unauthorized ? Status(error) : success();
        }
        const QJsonObject result
            = answer.value()[QStringLiteral("inventorySetQuantities")].toObject();
        const QJsonArray userErrors = result[QStringLiteral("userErrors")].toArray();
        if (userErrors.isEmpty()) {
            return completeAll(members, key, result, report);
        }
        QMap<int, QStringList> messages;
        QSet<int> stale;
        QStringList general;
        for (const QJsonValue &e : userErrors) {
            const QString text = QStringLiteral("%1: %2").arg(
                e[QStringLiteral("code")].toString(), e[QStringLiteral("message")].toString());
            const int index = quantityIndex(e);
            if (index < 0 || index >= members.size()) {
                general << text;
                continue;
            }
            messages[index] << text;
            if (e[QStringLiteral("code")].toString() == u"CHANGE_FROM_QUANTITY_STALE") {
                stale.insert(index);
            }
        }
        if (!general.isEmpty() || messages.isEmpty()) {
            const QString message = tr("Shopify refused the change: %1").arg(general.join(u"; "));
            for (const Member &member : members) {
                if (const Status recorded
                    = failed(member.item, {message, false, std::nullopt}, report);
                    !recorded) {
                    return recorded;
                }
            }
            return success();
        }
        for (auto it = messages.end(); it != messages.begin();) {
            --it;
            const QString message
                = tr("Shopify refused the change: %1").arg(it.value().join(u"; "));
            if (const Status handled
                = refused(members.at(it.key()), message, stale.contains(it.key()), report);
                !handled) {
                return handled;
            }
            members.removeAt(it.key());
        }
    }
    return success();
}

Status ShopifyPusher::completeAll(const QList<Member> &members,
                                  const QString &key,
                                  const QJsonObject &result,
                                  SyncCycleReport &report)
{
    // The agreed values move to what Shopify now holds and the rows are done, all in one
    // transaction; a crash before it resends the same batch with the same key, which Shopify
    // answers without applying again.
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    const UtcMillis now = nowUtcMillis();
    const QJsonValue group
        = result[QStringLiteral("inventoryAdjustmentGroup")][QStringLiteral("id")];
    for (qsizetype i = 0; i < members.size(); ++i) {
        const Member &member = members.at(i);
        if (InventoryKey::parse(member.item.entityKey)) {
            auto agreed
                = runQuery(db,
                           QStringLiteral("INSERT INTO sync_values (system, entity, "
                                          "entity_key, base_value, external_value, "
                                          "agreed_at) VALUES (?, 'inventory', ?, ?, ?, ?) ON "
                                          "CONFLICT (system, entity, entity_key) DO UPDATE "
                                          "SET base_value = excluded.base_value, "
                                          "external_value = excluded.external_value, "
                                          "agreed_at = excluded.agreed_at"),
                           {kSystem,
                            member.item.entityKey,
                            QString::number(member.quantity),
                            QString::number(member.quantity),
                            now});
            if (!agreed) {
                return agreed.error();
            }
        }
        const QJsonObject response{{QStringLiteral("idempotencyKey"), key},
                                   {QStringLiteral("index"), qint64(i)},
                                   {QStringLiteral("adjustmentGroup"), group}};
        if (const Status completed = m_outbox.complete(
                member.item.id, QJsonDocument(response).toJson(QJsonDocument::Compact), now);
            !completed) {
            return completed;
        }
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed;
    }
    report.pushed += members.size();
    return success();
}

Status ShopifyPusher::refused(const Member &member,
                              const QString &message,
                              bool stale,
                              SyncCycleReport &report)
{
    if (!stale) {
        return failed(member.item, {message, false, std::nullopt}, report);
    }
    const std::optional<qint64> current = currentLevel(member);
    if (current && *current == member.quantity) {
        // Shopify already holds our figure (an earlier batch with this row was applied but its
        // answer was lost): the row is done, not stale.
        return completeAll({member}, QString(), {}, report);
    }
    // One exception, with what Shopify holds now, so "keep ours and push" can expect it.
    SyncException e;
    e.kind = ExceptionKind::StaleWrite;
    e.system = kSystem;
    e.entity = QStringLiteral("inventory");
    e.entityKey = member.item.entityKey;
    e.ledgerValue = QString::number(member.quantity);
    if (current) {
        e.externalValue = QString::number(*current);
    }
    e.errorText = message;
    return failed(member.item, {message, false, std::nullopt, e}, report);
}

std::optional<qint64> ShopifyPusher::currentLevel(const Member &member)
{
    auto level = m_client.execute(
        kLevelQuery,
        {{QStringLiteral("item"), member.itemId}, {QStringLiteral("location"), member.locationId}},
        4);
    if (!level) {
        return std::nullopt;
    }
    std::optional<qint64> current;
    for (const QJsonValue &q : level
                                   .value()[QStringLiteral("inventoryItem")][QStringLiteral(
                                       "inventoryLevel")][QStringLiteral("quantities")]
                                   .toArray()) {
        current = q[QStringLiteral("quantity")].toInteger();
    }
    return current;
}

} // namespace Ledgerdesk::Core
