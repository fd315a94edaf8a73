#include "graphqlendpoint.h"

#include "../business/shopifyactivity.h"
#include "../graphql/gqlconnection.h"
#include "../graphql/graphqlparser.h"
#include "../jsontext.h"
#include "../sandboxclock.h"
#include "costbucket.h"
#include "fulfillmentmutation.h"
#include "idempotencystore.h"
#include "inventorymutations.h"
#include "querycost.h"
#include "shopifyformat.h"
#include "shopifyviews.h"
#include "webhookdispatcher.h"
#include "webhookpayloads.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace Ledgerdesk::Sandbox {

namespace {

QString webhookTopicEnum(const QString &rest)
{
    return QString(rest).replace(u'/', u'_').toUpper();
}

QString webhookTopicRest(const QString &enumValue)
{
    QString lower = enumValue.toLower();
    const qsizetype at = lower.lastIndexOf(u'_');
    if (at > 0) {
        lower[at] = u'/';
    }
    return lower;
}

} // namespace

GraphQlEndpoint::GraphQlEndpoint(Parts parts)
    : m_parts(std::move(parts))
{}

bool GraphQlEndpoint::isValidVersion(const QString &version)
{
    static const QRegularExpression pattern(QStringLiteral("^20\\d\\d-(01|04|07|10)$"));
    return version == u"unstable" || pattern.match(version).hasMatch();
}

QJsonObject GraphQlEndpoint::costExtension(double requested, const QJsonValue &actual)
{
    return {{QStringLiteral("cost"),
             QJsonObject{{QStringLiteral("requestedQueryCost"), requested},
                         {QStringLiteral("actualQueryCost"), actual},
                         {QStringLiteral("throttleStatus"), m_parts.bucket.throttleStatus()}}}};
}

HttpAnswer GraphQlEndpoint::errorAnswer(const QJsonArray &errors, double requested)
{
    const QJsonObject body{{QStringLiteral("errors"), errors},
                           {QStringLiteral("extensions"), costExtension(requested, 0)}};
    return HttpReply::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpAnswer GraphQlEndpoint::handle(const GraphQlRequest &request, bool *stateChanged)
{
    *stateChanged = false;
    if (!isValidVersion(request.apiVersion)) {
        return HttpReply::json(404, QByteArrayLiteral("{\"errors\":\"Not Found\"}"));
    }
    if (request.accessToken != m_parts.accessToken) {
        return HttpReply::json(
            401,
            QByteArrayLiteral("{\"errors\":\"[API] Invalid API key or access token "
                              "(unrecognized login or wrong password)\"}"));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject envelope = doc.object();
    const QJsonValue variablesValue = envelope.value(QStringLiteral("variables"));
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()
        || !envelope.value(QStringLiteral("query")).isString()
        || !(variablesValue.isUndefined() || variablesValue.isNull()
             || variablesValue.isObject())) {
        return HttpReply::json(
            400,
            QByteArrayLiteral("{\"errors\":{\"query\":\"Required parameter missing "
                              "or invalid\"}}"));
    }
    auto parsed = GraphQlParser::parse(envelope.value(QStringLiteral("query")).toString());
    if (std::holds_alternative<GqlError>(parsed)) {
        return errorAnswer({std::get<GqlError>(parsed).toJson()}, 0);
    }
    const GqlDocument &document = std::get<GqlDocument>(parsed);
    const QString operationName = envelope.value(QStringLiteral("operationName")).toString();
    const GqlOperation *operation = nullptr;
    for (const GqlOperation &op : document.operations) {
        if (operationName.isEmpty() ? document.operations.size() == 1 : op.name == operationName) {
            operation = &op;
        }
    }
    if (operation == nullptr) {
        return errorAnswer(
            {GqlError{operationName.isEmpty()
                          ? QStringLiteral("An operation name is required when the "
                                           "document has several operations")
                          : QStringLiteral("No operation named \"%1\"").arg(operationName),
                      std::nullopt,
                      QStringLiteral("OPERATION_NOT_FOUND"),
                      {}}
                 .toJson()},
            0);
    }
    if (operation->kind == u"subscription") {
        return errorAnswer(
            {GqlError{QStringLiteral("Subscriptions are not supported by the Admin API"),
                      operation->at,
                      QStringLiteral("UNSUPPORTED_OPERATION"),
                      {}}
                 .toJson()},
            0);
    }
    const GqlContext context(*operation, variablesValue.toObject());
    if (const auto error = context.validate()) {
        return errorAnswer({error->toJson()}, 0);
    }
    double requested = 0;
    try {
        requested = QueryCost::requested(*operation, context);
    } catch (const GqlFieldError &failure) {
        return errorAnswer({failure.error.toJson()}, 0);
    }
    const ThrottleKnob &knob = m_parts.bucket.knob();
    if (requested > knob.maxQueryCost) {
        return errorAnswer(
            {GqlError{QStringLiteral("Query cost is %1, which exceeds the single query "
                                     "max cost limit (%2).")
                          .arg(requested)
                          .arg(knob.maxQueryCost),
                      std::nullopt,
                      QStringLiteral("MAX_COST_EXCEEDED"),
                      {}}
                 .toJson()},
            requested);
    }
    if (!m_parts.bucket.take(requested)) {
        const QJsonObject body{
            {QStringLiteral("errors"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("message"), QStringLiteral("Throttled")},
                 {QStringLiteral("extensions"),
                  QJsonObject{{QStringLiteral("code"), QStringLiteral("THROTTLED")},
                              {QStringLiteral("documentation"),
                               QStringLiteral("https://shopify.dev/api/usage/rate-limits")}}}}}},
            {QStringLiteral("extensions"), costExtension(requested, QJsonValue())}};
        HttpAnswer answer = HttpReply::json(knob.http429 ? 429 : 200,
                                            QJsonDocument(body).toJson(QJsonDocument::Compact));
        if (knob.http429) {
            answer.retryAfter = QByteArray::number(
                std::max<qint64>(1, qint64(std::ceil(m_parts.bucket.secondsUntil(requested)))));
        }
        return answer;
    }
    QJsonObject data;
    QJsonArray errors;
    const ShopifyViews views(m_parts.store, context, m_parts.clockSkewMs);
    for (const GqlField &field : operation->selections) {
        const QString key = field.isFragment() ? QStringLiteral("fragment") : field.responseKey();
        try {
            if (field.isFragment()) {
                GqlContext::raise(QStringLiteral("Fragments are not supported on the root type"),
                                  field.at,
                                  QStringLiteral("UNSUPPORTED"));
            }
            if (field.name == u"__typename") {
                data.insert(key,
                            operation->kind == u"mutation" ? QStringLiteral("Mutation")
                                                           : QStringLiteral("QueryRoot"));
            } else if (operation->kind == u"mutation") {
                data.insert(key, mutate(field, context, request.apiVersion, stateChanged));
            } else if (field.name == u"webhookSubscriptions") {
                data.insert(key, webhookSubscriptions(field, context.arguments(field), context));
            } else {
                data.insert(key, views.root(field));
            }
        } catch (const GqlFieldError &failure) {
            GqlError error = failure.error;
            error.path = QJsonArray{key};
            errors.append(error.toJson());
            data.insert(key, QJsonValue());
        }
    }
    const double actual
        = operation->kind == u"mutation" ? requested : QueryCost::actual(data, requested);
    m_parts.bucket.refund(requested - actual);
    QJsonObject body{{QStringLiteral("data"), data}};
    if (!errors.isEmpty()) {
        body.insert(QStringLiteral("errors"), errors);
    }
    body.insert(QStringLiteral("extensions"), costExtension(requested, actual));
    return HttpReply::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonValue GraphQlEndpoint::mutate(const GqlField &field,
                                   const GqlContext &context,
                                   const QString &apiVersion,
                                   bool *changed)
{
    const QJsonObject args = context.arguments(field);
    if (InventoryMutations::handles(field.name)) {
        return inventoryMutation(field, args, context, apiVersion, changed);
    }
    if (field.name.startsWith(QStringLiteral("webhookSubscription"))) {
        *changed = true;
        return webhookMutation(field, args, context, apiVersion);
    }
    if (FulfillmentMutation::handles(field.name)) {
        return fulfillmentMutation(field, args, context, apiVersion, changed);
    }
    GqlContext::raise(QStringLiteral("Field '%1' doesn't exist on type 'Mutation'").arg(field.name),
                      field.at,
                      QStringLiteral("undefinedField"));
}

namespace {

// The key of an @idempotent(key:) directive: honoured in every version, required from 2026-04
// (the sandbox requires it on every mutation that changes stock, so connectors always send it).
QString idempotencyKey(const GqlField &field, const GqlContext &context, const QString &apiVersion)
{
    const GqlDirective *directive = field.directive(QStringLiteral("idempotent"));
    if (directive != nullptr) {
        const QString key = context.arguments(*directive).value(QStringLiteral("key")).toString();
        if (key.isEmpty()) {
            GqlContext::raise(
                QStringLiteral("The @idempotent directive needs a non-empty key argument"),
                directive->at,
                QStringLiteral("BAD_REQUEST"));
        }
        return key;
    }
    if (InventoryMutations::versionNumber(apiVersion) >= 202604) {
        GqlContext::raise(QStringLiteral("The @idempotent directive is required for %1 from API "
                                         "version 2026-04. Add @idempotent(key: \"<unique key>\").")
                              .arg(field.name),
                          field.at,
                          QStringLiteral("IDEMPOTENCY_KEY_REQUIRED"));
    }
    return {};
}

} // namespace

QJsonValue GraphQlEndpoint::inventoryMutation(const GqlField &field,
                                              const QJsonObject &args,
                                              const GqlContext &context,
                                              const QString &apiVersion,
                                              bool *changed)
{
    const QString key = idempotencyKey(field, context, apiVersion);
    const QByteArray input = QJsonDocument(args).toJson(QJsonDocument::Compact);
    if (!key.isEmpty()) {
        switch (m_parts.idempotency.check(key, field.name, input)) {
        case IdempotencyStore::Outcome::Replay:
            *changed = true; // the replay counter is state too
            return GqlObject::projectPlain(m_parts.idempotency.find(key)->payload, field, context);
        case IdempotencyStore::Outcome::Mismatch: {
            *changed = true;
            const QString type = field.name.mid(0, 1).toUpper() + field.name.mid(1);
            const QJsonObject payload{
                {QStringLiteral("__typename"), QString(type + QStringLiteral("Payload"))},
                {QStringLiteral("inventoryAdjustmentGroup"), QJsonValue()},
                {QStringLiteral("userErrors"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("__typename"), QString(type + QStringLiteral("UserError"))},
                     {QStringLiteral("code"), QStringLiteral("IDEMPOTENCY_KEY_PARAMETER_MISMATCH")},
                     {QStringLiteral("field"), QJsonArray{QStringLiteral("input")}},
                     {QStringLiteral("message"),
                      QStringLiteral("The idempotency key was already used with different "
                                     "parameters. Use a new key for a new request.")}}}}};
            return GqlObject::projectPlain(payload, field, context);
        }
        case IdempotencyStore::Outcome::New:
            break;
        }
    }
    InventoryMutations mutations(
        m_parts.store, apiVersion, m_parts.clock.now(), m_parts.clockSkewMs);
    const QJsonObject payload = mutations.run(field, args);
    const bool applied = !mutations.changes().isEmpty();
    if (!key.isEmpty()) {
        IdempotencyStore::Record record;
        record.key = key;
        record.mutation = field.name;
        record.input = input;
        record.payload = payload;
        record.applied = applied ? 1 : 0;
        record.firstSeen = m_parts.clock.now();
        m_parts.idempotency.remember(record);
        *changed = true;
    }
    if (applied) {
        *changed = true;
        QSet<QPair<int, int>> touched;
        for (const LevelChange &c : mutations.changes()) {
            if (c.name == u"available" && !touched.contains({c.variant, c.location})) {
                touched.insert({c.variant, c.location});
                m_parts.activity.levelChanged(c.variant, c.location);
            }
        }
    }
    return GqlObject::projectPlain(payload, field, context);
}

QJsonValue GraphQlEndpoint::fulfillmentMutation(const GqlField &field,
                                                const QJsonObject &args,
                                                const GqlContext &context,
                                                const QString &apiVersion,
                                                bool *changed)
{
    // The same @idempotent rules as the inventory mutations.
    const QString key = idempotencyKey(field, context, apiVersion);
    const QByteArray input = QJsonDocument(args).toJson(QJsonDocument::Compact);
    if (!key.isEmpty()) {
        switch (m_parts.idempotency.check(key, field.name, input)) {
        case IdempotencyStore::Outcome::Replay:
            *changed = true;
            return GqlObject::projectPlain(m_parts.idempotency.find(key)->payload, field, context);
        case IdempotencyStore::Outcome::Mismatch: {
            *changed = true;
            const QJsonObject payload{
                {QStringLiteral("__typename"), QStringLiteral("FulfillmentCreatePayload")},
                {QStringLiteral("fulfillment"), QJsonValue()},
                {QStringLiteral("userErrors"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("__typename"), QStringLiteral("UserError")},
                     {QStringLiteral("code"), QStringLiteral("IDEMPOTENCY_KEY_PARAMETER_MISMATCH")},
                     {QStringLiteral("field"), QJsonArray{QStringLiteral("fulfillment")}},
                     {QStringLiteral("message"),
                      QStringLiteral("The idempotency key was already used with different "
                                     "parameters. Use a new key for a new request.")}}}}};
            return GqlObject::projectPlain(payload, field, context);
        }
        case IdempotencyStore::Outcome::New:
            break;
        }
    }
    const qint64 now = m_parts.clock.now();
    FulfillmentMutation mutation(m_parts.store, now);
    const QJsonObject payload = mutation.run(field, args);
    const int order = mutation.orderIndex();
    if (!key.isEmpty()) {
        IdempotencyStore::Record record;
        record.key = key;
        record.mutation = field.name;
        record.input = input;
        record.payload = payload;
        record.applied = order >= 0 ? 1 : 0;
        record.firstSeen = now;
        m_parts.idempotency.remember(record);
        *changed = true;
    }
    if (order >= 0) {
        *changed = true;
        const WebhookPayloads payloads(m_parts.store, m_parts.clockSkewMs);
        m_parts.webhooks.publish(QStringLiteral("fulfillments/create"),
                                 payloads.fulfillment(order, mutation.fulfillmentId(), now));
        if (m_parts.store.orders.at(order).fulfillmentStatus == u"FULFILLED") {
            m_parts.webhooks.publish(QStringLiteral("orders/fulfilled"), payloads.order(order));
        }
        m_parts.webhooks.publish(QStringLiteral("orders/updated"), payloads.order(order));
    }
    return GqlObject::projectPlain(payload, field, context);
}

QJsonValue GraphQlEndpoint::webhookMutation(const GqlField &field,
                                            const QJsonObject &args,
                                            const GqlContext &context,
                                            const QString &apiVersion)
{
    const QString name = field.name;
    const auto userError = [](const QStringList &path, const QString &message) {
        return QJsonObject{{QStringLiteral("__typename"), QStringLiteral("UserError")},
                           {QStringLiteral("field"), QJsonArray::fromStringList(path)},
                           {QStringLiteral("message"), message}};
    };
    if (name == u"webhookSubscriptionCreate") {
        const QString topic = webhookTopicRest(args.value(QStringLiteral("topic")).toString());
        const QJsonObject input = args.value(QStringLiteral("webhookSubscription")).toObject();
        const QUrl url(input.value(QStringLiteral("callbackUrl")).toString());
        QJsonObject payload{
            {QStringLiteral("__typename"), QStringLiteral("WebhookSubscriptionCreatePayload")}};
        const qint64 id = m_parts.webhooks.subscribe(
            topic, url, apiVersion, input.value(QStringLiteral("name")).toString());
        if (id == 0) {
            payload.insert(QStringLiteral("webhookSubscription"), QJsonValue());
            payload.insert(
                QStringLiteral("userErrors"),
                QJsonArray{userError(
                    {QStringLiteral("webhookSubscription"), QStringLiteral("callbackUrl")},
                    WebhookDispatcher::isKnownTopic(topic)
                        ? QStringLiteral("Address is invalid: the sandbox delivers "
                                         "only to loopback http(s) URLs")
                        : QStringLiteral("Topic is not supported"))});
            return GqlObject::projectPlain(payload, field, context);
        }
        payload.insert(
            QStringLiteral("webhookSubscription"),
            QJsonObject{
                {QStringLiteral("__typename"), QStringLiteral("WebhookSubscription")},
                {QStringLiteral("id"),
                 ShopifyFormat::gid(QStringLiteral("WebhookSubscription"), id)},
                {QStringLiteral("topic"), webhookTopicEnum(topic)},
                {QStringLiteral("format"), QStringLiteral("JSON")},
                {QStringLiteral("callbackUrl"), url.toString()},
                {QStringLiteral("createdAt"), ShopifyFormat::graphqlTime(m_parts.clock.now())},
                {QStringLiteral("endpoint"),
                 QJsonObject{{QStringLiteral("__typename"), QStringLiteral("WebhookHttpEndpoint")},
                             {QStringLiteral("callbackUrl"), url.toString()}}}});
        payload.insert(QStringLiteral("userErrors"), QJsonArray());
        return GqlObject::projectPlain(payload, field, context);
    }
    if (name == u"webhookSubscriptionDelete") {
        const QString gid = args.value(QStringLiteral("id")).toString();
        const auto id = ShopifyFormat::parseGid(gid, QStringLiteral("WebhookSubscription"));
        const bool removed = id && m_parts.webhooks.unsubscribe(*id);
        const QJsonObject payload{
            {QStringLiteral("__typename"), QStringLiteral("WebhookSubscriptionDeletePayload")},
            {QStringLiteral("deletedWebhookSubscriptionId"),
             removed ? QJsonValue(gid) : QJsonValue()},
            {QStringLiteral("userErrors"),
             removed
                 ? QJsonArray()
                 : QJsonArray{userError({QStringLiteral("id")},
                                        QStringLiteral("Webhook subscription does not exist"))}}};
        return GqlObject::projectPlain(payload, field, context);
    }
    GqlContext::raise(QStringLiteral("Field '%1' doesn't exist on type 'Mutation'").arg(name),
                      field.at,
                      QStringLiteral("undefinedField"));
}

QJsonValue GraphQlEndpoint::webhookSubscriptions(const GqlField &field,
                                                 const QJsonObject &args,
                                                 const GqlContext &context)
{
    const QList<WebhookSubscription> &subs = m_parts.webhooks.subscriptions();
    return GqlConnection::build(
        field,
        args,
        context,
        int(subs.size()),
        [&subs](int i) { return subs.at(i).id; },
        [&subs](int i) {
            const WebhookSubscription &s = subs.at(i);
            GqlObject o(QStringLiteral("WebhookSubscription"));
            o.set(QStringLiteral("id"),
                  ShopifyFormat::gid(QStringLiteral("WebhookSubscription"), s.id));
            o.set(QStringLiteral("topic"), webhookTopicEnum(s.topic));
            o.set(QStringLiteral("format"), QStringLiteral("JSON"));
            o.set(QStringLiteral("callbackUrl"), s.callbackUrl.toString());
            o.set(QStringLiteral("createdAt"), ShopifyFormat::graphqlTime(s.createdAt));
            o.set(QStringLiteral("endpoint"),
                  QJsonObject{{QStringLiteral("__typename"), QStringLiteral("WebhookHttpEndpoint")},
                              {QStringLiteral("callbackUrl"), s.callbackUrl.toString()}});
            return o;
        });
}

} // namespace Ledgerdesk::Sandbox
