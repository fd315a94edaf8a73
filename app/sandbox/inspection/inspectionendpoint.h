#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>

class QHttpServer;

namespace Ledgerdesk::Sandbox {

class ShopifyService;

// The oracle tests and benchmarks read, separate from the emulated APIs: each system's state,
// idempotency keys and how often they were applied, webhooks delivered and failed, throttling.
class InspectionEndpoint final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectionEndpoint)

public:
    using Inspect = std::function<QJsonObject()>;
    using Control = std::function<QJsonObject(const QJsonObject &command, QString *error)>;

    InspectionEndpoint(ShopifyService &shopify, QJsonObject connection, QObject *parent = nullptr);

    // Other stand-ins (ERP, WMS) report their state and take controls under their name.
    void addSystem(const QString &name, Inspect inspect, Control control);
    void mount(QHttpServer &server);

private:
    QJsonObject state(const QString &system, const QUrlQuery &query) const;

    ShopifyService &m_shopify;
    QJsonObject m_connection;
    QHash<QString, Inspect> m_inspect;
    QHash<QString, Control> m_control;
};

} // namespace Ledgerdesk::Sandbox
