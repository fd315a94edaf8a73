#include "shopifyfulfilmentpusher.h"

#include <core/connectors/shopify/shopifygraphqlclient.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace Ledgerdesk::Core {

namespace {

const QString kSystem = QStringLiteral("shopify");
constexpr int kBatch = 50;
constexpr double kQueryCost = 12;
constexpr double kMutationCost = 10;

const QString kOrderQuery = QStringLiteral(
    "query FulfilmentOrders($id: ID!) { order(id: $id) { id name displayFulfillmentStatus "
    "fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 50) { nodes { id sku "
    "remainingQuantity } } } } } }");
const QString kCreateMutation = QStringLiteral(
    "mutation Fulfil($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: "
    "$fulfillment) @idempotent(key: \"%1\") { fulfillment { id status } userErrors { field "
    "message } } }");

QString escaped(QString text)
{
    return text.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
}

QString orderGid(const QString &reference)
{
    return reference.startsWith(QStringLiteral("gid://"))
               ? reference
               : QStringLiteral("gid://shopify/Order/%1").arg(reference);
}

} // namespace

ShopifyFulfilmentPusher::ShopifyFulfilmentPusher(Store &store, ShopifyGraphqlClient &client)
    : m_store(store)
    , m_client(client)
    , m_outbox(store)
{}

Status ShopifyFulfilmentPusher::drain(SyncCycleReport &report)
{
    const auto due = m_outbox.claimDue(kSystem, nowUtcMillis(), kBatch, kKind);
    if (!due) {
        return due.error();
    }
    for (const OutboxItem &item : due.value()) {
        auto delivered = deliver(item);
        if (const auto *id = std::get_if<QString>(&delivered)) {
            const QByteArray response
                = QJsonDocument(QJsonObject{{QStringLiteral("fulfillment"), *id}})
                      .toJson(QJsonDocument::Compact);
            if (const Status done = m_outbox.complete(item.id, response, nowUtcMillis()); !done) {
                return done;
            }
            ++report.pushed;
            continue;
        }
        const Refusal &refusal = std::get<Refusal>(delivered);
        SyncException rejected;
        rejected.kind = ExceptionKind::RejectedByTarget;
        rejected.system = kSystem;
        rejected.entity = QStringLiteral("order");
        rejected.entityKey = item.entityKey;
        rejected.errorText = refusal.message;
        const DeliveryFailure failure{
            refusal.message, !refusal.permanent, m_client.lastRetryAfterMs(), rejected};
        if (const auto failed = m_outbox.fail(item.id, failure, nowUtcMillis()); !failed) {
            return failed.error();
        }
        ++report.failed;
    }
    return success();
}

std::variant<QString, ShopifyFulfilmentPusher::Refusal>
ShopifyFulfilmentPusher::deliver(const OutboxItem &item)
{
    const QJsonObject payload = QJsonDocument::fromJson(item.payload).object();
    const QString reference = payload.value(QStringLiteral("shopifyOrderId")).toString();
    if (reference.isEmpty()) {
        return Refusal{tr("outbox row %1 names no Shopify order").arg(item.id), true};
    }
    const auto read
        = m_client.execute(kOrderQuery, {{QStringLiteral("id"), orderGid(reference)}}, kQueryCost);
    if (!read) {
        return Refusal{read.error().message, read.error().code == ErrorCode::Validation};
    }
    const QJsonObject order = read.value().value(QStringLiteral("order")).toObject();
    if (order.isEmpty()) {
        return Refusal{tr("Shopify has no order %1").arg(reference), true};
    }
    QJsonArray byFulfillmentOrder;
    for (const QJsonValue &value : order.value(QStringLiteral("fulfillmentOrders"))
                                       .toObject()
                                       .value(QStringLiteral("nodes"))
                                       .toArray()) {
        const QJsonObject fo = value.toObject();
        const QString status = fo.value(QStringLiteral("status")).toString();
        if (status != u"OPEN" && status != u"IN_PROGRESS") {
            continue;
        }
        QJsonArray lines;
        for (const QJsonValue &line : fo.value(QStringLiteral("lineItems"))
                                          .toObject()
                                          .value(QStringLiteral("nodes"))
                                          .toArray()) {
            const qint64 remaining = line[QStringLiteral("remainingQuantity")].toInteger();
            if (remaining > 0) {
                lines.append(QJsonObject{{QStringLiteral("id"), line[QStringLiteral("id")]},
                                         {QStringLiteral("quantity"), remaining}});
            }
        }
        if (!lines.isEmpty()) {
            byFulfillmentOrder.append(
                QJsonObject{{QStringLiteral("fulfillmentOrderId"), fo.value(QStringLiteral("id"))},
                            {QStringLiteral("fulfillmentOrderLineItems"), lines}});
        }
    }
    if (byFulfillmentOrder.isEmpty()) {
        // Nothing left to fulfil: done already, here or in Shopify.
        return QString();
    }
    const QJsonObject input{{QStringLiteral("lineItemsByFulfillmentOrder"), byFulfillmentOrder},
                            {QStringLiteral("notifyCustomer"), true}};
    const auto created = m_client.execute(kCreateMutation.arg(escaped(item.idempotencyKey)),
                                          {{QStringLiteral("fulfillment"), input}},
                                          kMutationCost);
    if (!created) {
        return Refusal{created.error().message, created.error().code == ErrorCode::Validation};
    }
    const QJsonObject result
        = created.value().value(QStringLiteral("fulfillmentCreate")).toObject();
    QStringList problems;
    for (const QJsonValue &error : result.value(QStringLiteral("userErrors")).toArray()) {
        problems << error[QStringLiteral("message")].toString();
    }
    if (!problems.isEmpty()) {
        return Refusal{tr("Shopify refused the fulfilment of order %1: %2")
                           .arg(order.value(QStringLiteral("name")).toString(),
                                problems.join(QStringLiteral("; "))),
                       true};
    }
    return result.value(QStringLiteral("fulfillment"))
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

} // namespace Ledgerdesk::Core
