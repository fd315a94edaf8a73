#include "shopifywebhookingest.h"

#include <core/audit/auditlog.h>
#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/connectors/shopify/shopifyindex.h>
#include <core/connectors/shopify/shopifylevelsync.h>
#include <core/connectors/shopify/shopifyorderpull.h>
#include <core/connectors/shopify/shopifyorderwebhook.h>
#include <core/domain/externalid.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/connector.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inbox.h>
#include <core/sync/inventorykey.h>
#include <core/sync/secretstore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <limits>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcShopifyWebhooks, "ledgerdesk.core.shopify.webhooks")

namespace {

const QString kSystem = QStringLiteral("shopify");
const QString kLevelTopic = QStringLiteral("inventory_levels/update");
const QString kOrderTopic = QStringLiteral("orders/create");
const QString kItemGid = QStringLiteral("gid://shopify/InventoryItem/");
const QString kLocationGid = QStringLiteral("gid://shopify/Location/");

QByteArray header(const QHash<QByteArray, QByteArray> &headers, const QByteArray &name)
{
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0) {
            return it.value();
        }
    }
    return {};
}

} // namespace

int WebhookIngestResult::httpStatus() const
{
    switch (outcome) {
    case WebhookOutcome::Accepted:
    case WebhookOutcome::Duplicate:
    case WebhookOutcome::Stale:
        return 200;
    case WebhookOutcome::Unauthorized:
        return 401;
    case WebhookOutcome::Malformed:
        return 400;
    case WebhookOutcome::Failed:
        return 500;
    }
    return 500;
}

ShopifyWebhookIngest::ShopifyWebhookIngest(Store &store,
                                           QList<QByteArray> secrets,
                                           QString shopDomain)
    : m_store(store)
    , m_verifier(std::move(secrets))
    , m_shopDomain(std::move(shopDomain))
{}

WebhookIngestResult ShopifyWebhookIngest::ingest(const QHash<QByteArray, QByteArray> &headers,
                                                 const QByteArray &rawBody)
{
    WebhookIngestResult result;
    result.webhookId = QString::fromUtf8(header(headers, "X-Shopify-Webhook-Id")).trimmed();
    result.topic = QString::fromUtf8(header(headers, "X-Shopify-Topic")).trimmed();
    const QByteArray signature = header(headers, "X-Shopify-Hmac-Sha256");
    if (signature.isEmpty() || !m_verifier.verify(rawBody, signature)) {
        result.outcome = WebhookOutcome::Unauthorized;
        return reject(result,
                      signature.isEmpty() ? tr("no X-Shopify-Hmac-Sha256 header")
                                          : tr("the HMAC signature does not match the body"));
    }
    if (const QString shop = QString::fromUtf8(header(headers, "X-Shopify-Shop-Domain")).trimmed();
        !m_shopDomain.isEmpty() && shop.compare(m_shopDomain, Qt::CaseInsensitive) != 0) {
        result.outcome = WebhookOutcome::Unauthorized;
        return reject(result,
                      tr("the delivery is for shop \"%1\", the connection is for \"%2\"")
                          .arg(shop, m_shopDomain));
    }
    if (result.webhookId.isEmpty() || result.topic.isEmpty()) {
        result.outcome = WebhookOutcome::Malformed;
        result.reason = tr("a webhook needs X-Shopify-Webhook-Id and X-Shopify-Topic");
        return result;
    }
    if (result.topic == kLevelTopic) {
        return ingestLevel(result, rawBody);
    }
    QJsonParseError error;
    if (!QJsonDocument::fromJson(rawBody, &error).isObject()) {
        result.outcome = WebhookOutcome::Malformed;
        result.reason = tr("the body is not a JSON object: %1").arg(error.errorString());
        return result;
    }
    if (result.topic == kOrderTopic) {
        return ingestOrder(result, rawBody);
    }
    // Not followed yet: recorded once, so a later reader sees what arrived.
    return recordOnly(result, QString(), nowUtcMillis(), QStringLiteral("ignored"), rawBody);
}

WebhookIngestResult ShopifyWebhookIngest::reject(WebhookIngestResult result, const QString &reason)
{
    result.reason = reason;
    qCWarning(lcShopifyWebhooks) << "rejected webhook" << result.webhookId << result.topic << ":"
                                 << reason;
    QSqlDatabase db = m_store.connection();
    const QString detail
        = tr("webhook %1 (%2) rejected: %3")
              .arg(result.webhookId.isEmpty() ? tr("without id") : result.webhookId,
                   result.topic.isEmpty() ? tr("no topic") : result.topic,
                   reason);
    if (const Status audited = AuditLog::record(db,
                                                {nowUtcMillis(),
                                                 QStringLiteral("shopify-webhook"),
                                                 QStringLiteral("webhook.rejected"),
                                                 result.webhookId,
                                                 detail});
        !audited) {
        qCWarning(lcShopifyWebhooks) << "could not audit:" << audited.error().message;
    }
    return result;
}

WebhookIngestResult ShopifyWebhookIngest::recordOnly(WebhookIngestResult result,
                                                     const QString &entityKey,
                                                     UtcMillis sourceAt,
                                                     const QString &outcome,
                                                     const QByteArray &rawBody)
{
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    Status done = tx.begun();
    const UtcMillis now = nowUtcMillis();
    if (done) {
        auto receipt = Inbox::receive(
            db, {kSystem, result.webhookId, result.topic, entityKey, sourceAt, rawBody}, now);
        if (!receipt) {
            done = receipt.error();
        } else if (receipt.value().verdict == InboxVerdict::Duplicate) {
            result.outcome = WebhookOutcome::Duplicate;
            result.reason = tr("already received");
        } else {
            done = Inbox::markApplied(db, receipt.value().id, outcome, now);
        }
    }
    if (done) {
        done = tx.commit();
    }
    if (!done) {
        result.outcome = WebhookOutcome::Failed;
        result.reason = done.error().message;
    }
    return result;
}

WebhookIngestResult ShopifyWebhookIngest::ingestOrder(WebhookIngestResult result,
                                                      const QByteArray &rawBody)
{
    auto order = ShopifyOrderWebhook::fromRest(m_store, rawBody);
    if (!order) {
        if (order.error().code == ErrorCode::Storage) {
            result.outcome = WebhookOutcome::Failed;
        } else {
            result.outcome = WebhookOutcome::Malformed;
        }
        result.reason = order.error().message;
        return result;
    }
    // Recorded once by webhook id; an order whose buyer is not known yet waits for the pull.
    const bool now = order.value().has_value();
    result = recordOnly(result,
                        now ? QStringLiteral("order:") + order.value()->externalRef : QString(),
                        now ? order.value()->issuedAt : nowUtcMillis(),
                        now ? QStringLiteral("received") : QStringLiteral("left to the pull"),
                        rawBody);
    if (!now || result.outcome != WebhookOutcome::Accepted) {
        return result;
    }
    SyncCycleReport report;
    if (const Status taken = ShopifyOrderPull::intake(m_store, *order.value(), report); !taken) {
        // Recorded already, so a redelivery is a duplicate; the pull takes the order instead.
        result.outcome = WebhookOutcome::Failed;
        result.reason = taken.error().message;
    }
    return result;
}

WebhookIngestResult ShopifyWebhookIngest::ingestLevel(WebhookIngestResult result,
                                                      const QByteArray &rawBody)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(rawBody, &error);
    const QJsonObject body = document.object();
    const auto itemId = externalIdFromJson(body.value(QStringLiteral("inventory_item_id")));
    const auto locationId = externalIdFromJson(body.value(QStringLiteral("location_id")));
    const auto updatedAt = parseIsoTimestamp(body.value(QStringLiteral("updated_at")).toString());
    const QJsonValue available = body.value(QStringLiteral("available"));
    const qint64 quantity = available.toInteger(std::numeric_limits<qint64>::min());
    result.outcome = WebhookOutcome::Malformed;
    if (!document.isObject()) {
        result.reason = tr("the body is not a JSON object: %1").arg(error.errorString());
        return result;
    }
    if (!itemId || !locationId) {
        result.reason = tr("inventory_item_id and location_id: %1")
                            .arg(!itemId ? itemId.error().message : locationId.error().message);
        return result;
    }
    if (!updatedAt) {
        result.reason = tr("updated_at: %1").arg(updatedAt.error().message);
        return result;
    }
    if (!available.isNull() && quantity == std::numeric_limits<qint64>::min()) {
        result.reason = tr("available must be a whole number or null");
        return result;
    }
    result.outcome = WebhookOutcome::Accepted;

    const QString itemGid = kItemGid + itemId.value();
    const QString locationGid = kLocationGid + locationId.value();
    ShopifyIndex index;
    QSqlDatabase db = m_store.connection();
    auto item = runQuery(db,
                         QStringLiteral("SELECT v.id, v.sku FROM external_ids e JOIN variants v ON "
                                        "v.id = e.local_id WHERE e.system = ? AND e.entity = "
                                        "'inventory_item' AND e.external_id = ?"),
                         {kSystem, itemGid});
    auto location = item ? runQuery(db,
                                    QStringLiteral("SELECT l.id, l.code FROM external_ids e JOIN "
                                                   "locations l ON l.id = e.local_id WHERE "
                                                   "e.system = ? AND e.entity = 'location' AND "
                                                   "e.external_id = ?"),
                                    {kSystem, locationGid})
                         : item;
    if (!location) {
        result.outcome = WebhookOutcome::Failed;
        result.reason = location.error().message;
        return result;
    }
    const bool knownItem = item.value().next();
    const bool knownLocation = location.value().next();
    ShopifyLevelSync::ReportedLevel level;
    if (knownItem) {
        level.item
            = {item.value().value(0).toLongLong(), item.value().value(1).toString(), itemGid};
    }
    if (knownLocation) {
        level.location = {location.value().value(0).toLongLong(),
                          location.value().value(1).toString(),
                          locationGid};
    }
    item.value().finish();
    location.value().finish();
    if (!knownItem || !knownLocation) {
        // Not mapped yet (a delivery can beat the first pull) or not in the ledger at all: the
        // pull maps the catalogue and names what is truly unknown by its SKU or location, once.
        return recordOnly(result, QString(), updatedAt.value(), QStringLiteral("unknown"), rawBody);
    }
    const QString key
        = InventoryKey{level.item.sku, level.location.code, QuantityName::Available}.toString();
    if (available.isNull()) {
        // An untracked item: nothing to compare, but the delivery is still recorded once.
        return recordOnly(result, key, updatedAt.value(), QStringLiteral("ignored"), rawBody);
    }
    level.available = quantity;
    level.updatedAt = body.value(QStringLiteral("updated_at")).toString();
    level.sourceAt = updatedAt.value();
    level.payload = rawBody;
    level.eventId = result.webhookId;
    level.topic = result.topic;
    SyncCycleReport report;
    index.itemsById.insert(level.item.shopifyId, level.item);
    index.itemsBySku.insert(level.item.sku, level.item);
    index.locations << level.location;
    index.locationsById.insert(level.location.shopifyId, level.location);
    index.locationsByCode.insert(level.location.code, level.location);
    auto verdict = ShopifyLevelSync(m_store, index).settleReported(level, report);
    if (!verdict) {
        result.outcome = WebhookOutcome::Failed;
        result.reason = verdict.error().message;
        return result;
    }
    switch (verdict.value()) {
    case InboxVerdict::Apply:
        result.outcome = WebhookOutcome::Accepted;
        break;
    case InboxVerdict::Duplicate:
        result.outcome = WebhookOutcome::Duplicate;
        result.reason = tr("already received");
        break;
    case InboxVerdict::Stale:
        result.outcome = WebhookOutcome::Stale;
        result.reason = tr("older than the level already applied");
        break;
    }
    return result;
}

Result<std::unique_ptr<ShopifyGraphqlClient>>
ShopifyWebhookIngest::clientFor(const ConnectionSettings &settings, SecretStore &secrets)
{
    QString url = settings.options.value(QStringLiteral("graphqlUrl")).toString();
    const QString version = settings.options.value(QStringLiteral("apiVersion")).toString();
    const QString base = settings.options.value(QStringLiteral("baseUrl")).toString();
    if (url.isEmpty() && !base.isEmpty() && !version.isEmpty()) {
        url = base + QStringLiteral("/admin/api/%1/graphql.json").arg(version);
    }
    const QUrl graphqlUrl(url);
    if (!graphqlUrl.isValid() || graphqlUrl.host().isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("the Shopify connection has no valid graphqlUrl (\"%1\")").arg(url));
    }
    auto token = secrets.read(settings.system + QStringLiteral("/accessToken"));
    if (!token) {
        return token.error();
    }
    ShopifyClientOptions options;
    options.graphqlUrl = graphqlUrl;
    options.accessToken = token.value();
    options.timeoutMs = 5000;
    options.maxAttempts = 3;
    return std::make_unique<ShopifyGraphqlClient>(options);
}

Result<QString> ShopifyWebhookIngest::subscribe(ShopifyGraphqlClient &client,
                                                const QString &topic,
                                                const QString &callbackUrl)
{
    const QString topicEnum = QString(topic).replace(u'/', u'_').toUpper();
    auto data = client.execute(
        QStringLiteral("mutation($topic: WebhookSubscriptionTopic!, $sub: "
                       "WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: $topic, "
                       "webhookSubscription: $sub) { webhookSubscription { id } userErrors { "
                       "field message } } }"),
        {{QStringLiteral("topic"), topicEnum},
         {QStringLiteral("sub"),
          QJsonObject{{QStringLiteral("callbackUrl"), callbackUrl},
                      {QStringLiteral("format"), QStringLiteral("JSON")}}}});
    if (!data) {
        return data.error();
    }
    const QJsonObject created
        = data.value()[QStringLiteral("webhookSubscriptionCreate")].toObject();
    const QJsonArray errors = created[QStringLiteral("userErrors")].toArray();
    const QString id
        = created[QStringLiteral("webhookSubscription")][QStringLiteral("id")].toString();
    if (!errors.isEmpty() || id.isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("Shopify refused the %1 subscription: %2")
                             .arg(topic,
                                  errors.isEmpty()
                                      ? tr("no subscription id")
                                      : errors.first()[QStringLiteral("message")].toString()));
    }
    return id;
}

Status ShopifyWebhookIngest::unsubscribe(ShopifyGraphqlClient &client,
                                         const QString &subscriptionId)
{
    auto data = client.execute(QStringLiteral("mutation($id: ID!) { webhookSubscriptionDelete(id: "
                                              "$id) { deletedWebhookSubscriptionId userErrors { "
                                              "field message } } }"),
                               {{QStringLiteral("id"), subscriptionId}});
    if (!data) {
        return data.error();
    }
    const QJsonArray errors
        = data.value()[QStringLiteral("webhookSubscriptionDelete")][QStringLiteral("userErrors")]
              .toArray();
    if (!errors.isEmpty()) {
        return makeError(
            ErrorCode::Validation,
            tr("Shopify did not remove subscription %1: %2")
                .arg(subscriptionId, errors.first()[QStringLiteral("message")].toString()));
    }
    return success();
}

} // namespace Ledgerdesk::Core
