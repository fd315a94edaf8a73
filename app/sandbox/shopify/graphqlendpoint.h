#pragma once

#include "../httpreply.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Ledgerdesk::Sandbox {

class CostBucket;
class IdempotencyStore;
class ShopifyActivity;
class ShopifyStore;
class WebhookDispatcher;
class SandboxClock;
struct GqlField;
struct GqlOperation;
class GqlContext;

struct GraphQlRequest
{
    QString apiVersion;
    QByteArray accessToken;
    QByteArray body;
};

// POST /admin/api/{version}/graphql.json: authentication, the cost bucket, parsing, execution
// of the recognised queries and mutations, and the response envelope with extensions.cost.
class GraphQlEndpoint final
{
public:
    struct Parts
    {
        ShopifyStore &store;
        CostBucket &bucket;
        IdempotencyStore &idempotency;
        WebhookDispatcher &webhooks;
        ShopifyActivity &activity;
        const SandboxClock &clock;
        QByteArray accessToken;
        qint64 clockSkewMs = 0;
    };

    explicit GraphQlEndpoint(Parts parts);

    HttpAnswer handle(const GraphQlRequest &request, bool *stateChanged);

    static bool isValidVersion(const QString &version);

private:
    QJsonObject costExtension(double requested, const QJsonValue &actual);
    HttpAnswer errorAnswer(const QJsonArray &errors, double requested);
    QJsonValue mutate(const GqlField &field,
                      const GqlContext &context,
                      const QString &apiVersion,
                      bool *changed);
    QJsonValue inventoryMutation(const GqlField &field,
                                 const QJsonObject &args,
                                 const GqlContext &context,
                                 const QString &apiVersion,
                                 bool *changed);
    QJsonValue fulfillmentMutation(const GqlField &field,
                                   const QJsonObject &args,
                                   const GqlContext &context,
                                   const QString &apiVersion,
                                   bool *changed);
    QJsonValue webhookMutation(const GqlField &field,
                               const QJsonObject &args,
                               const GqlContext &context,
                               const QString &apiVersion);
    QJsonValue
    webhookSubscriptions(const GqlField &field, const QJsonObject &args, const GqlContext &context);

    Parts m_parts;
};

} // namespace Ledgerdesk::Sandbox
