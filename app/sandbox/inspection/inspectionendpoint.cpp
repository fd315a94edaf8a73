#include "inspectionendpoint.h"

#include "../httpreply.h"
#include "../shopify/shopifyservice.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrlQuery>

namespace Ledgerdesk::Sandbox {

namespace {

QHttpServerResponse jsonResponse(const QJsonObject &body,
                                 QHttpServerResponse::StatusCode status
                                 = QHttpServerResponse::StatusCode::Ok)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QJsonDocument(body).toJson(QJsonDocument::Compact),
                               status);
}

QJsonObject errorBody(const QString &message)
{
    return {{QStringLiteral("error"), message}};
}

} // namespace

InspectionEndpoint::InspectionEndpoint(ShopifyService &shopify,
                                       QJsonObject connection,
                                       QObject *parent)
    : QObject(parent)
    , m_shopify(shopify)
    , m_connection(std::move(connection))
{}

void InspectionEndpoint::addSystem(const QString &name, Inspect inspect, Control control)
{
    m_inspect.insert(name, std::move(inspect));
    m_control.insert(name, std::move(control));
}

QJsonObject InspectionEndpoint::state(const QString &system, const QUrlQuery &query) const
{
    QJsonObject out;
    if (system.isEmpty() || system == u"shopify") {
        out.insert(QStringLiteral("shopify"), m_shopify.inspectState(query));
    }
    for (auto it = m_inspect.begin(); it != m_inspect.end(); ++it) {
        if (system.isEmpty() || system == it.key()) {
            out.insert(it.key(), it.value()());
        }
    }
    return out;
}

void InspectionEndpoint::mount(QHttpServer &server)
{
    server.route(QStringLiteral("/_sandbox/state"),
                 QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request) {
                     const QUrlQuery query(request.url());
                     const QString system = query.queryItemValue(QStringLiteral("system"));
                     if (!system.isEmpty() && system != u"shopify" && !m_inspect.contains(system)) {
                         return jsonResponse(errorBody(tr("Unknown system \"%1\".").arg(system)),
                                             QHttpServerResponse::StatusCode::NotFound);
                     }
                     return jsonResponse(state(system, query));
                 });
    server.route(QStringLiteral("/_sandbox/idempotency"),
                 QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request) {
                     return jsonResponse(m_shopify.inspectIdempotency(
                         QUrlQuery(request.url()).queryItemValue(QStringLiteral("key"))));
                 });
    server.route(
        QStringLiteral("/_sandbox/webhooks"),
        QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest &request) {
            bool ok = false;
            int limit = QUrlQuery(request.url()).queryItemValue(QStringLiteral("limit")).toInt(&ok);
            return jsonResponse(m_shopify.inspectWebhooks(ok ? std::clamp(limit, 0, 5000) : 100));
        });
    server.route(QStringLiteral("/_sandbox/throttle"), QHttpServerRequest::Method::Get, [this] {
        return jsonResponse(m_shopify.inspectThrottle());
    });
    server.route(QStringLiteral("/_sandbox/connection"), QHttpServerRequest::Method::Get, [this] {
        return jsonResponse(m_connection);
    });
    server.route(
        QStringLiteral("/_sandbox/control"),
        QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest &request) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                return jsonResponse(errorBody(tr("The control body must be a JSON object.")),
                                    QHttpServerResponse::StatusCode::BadRequest);
            }
            const QJsonObject command = doc.object();
            const QString system
                = command.value(QStringLiteral("system")).toString(QStringLiteral("shopify"));
            if (system == u"shopify") {
                const auto result = m_shopify.control(command);
                if (!result.ok()) {
                    return jsonResponse(errorBody(result.error().message),
                                        QHttpServerResponse::StatusCode::BadRequest);
                }
                return jsonResponse(result.value());
            }
            if (!m_control.contains(system) || !m_control.value(system)) {
                return jsonResponse(errorBody(tr("Unknown system \"%1\".").arg(system)),
                                    QHttpServerResponse::StatusCode::NotFound);
            }
            QString error;
            const QJsonObject result = m_control.value(system)(command, &error);
            if (!error.isEmpty()) {
                return jsonResponse(errorBody(error), QHttpServerResponse::StatusCode::BadRequest);
            }
            return jsonResponse(result);
        });
}

} // namespace Ledgerdesk::Sandbox
