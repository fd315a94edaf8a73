#include "webhookreceiver.h"

#include <core/connectors/shopify/shopifywebhookingest.h>
#include <core/store/store.h>

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QLoggingCategory>
#include <QThread>

namespace Ledgerdesk::App {

Q_LOGGING_CATEGORY(lcWebhookReceiver, "ledgerdesk.app.webhooks")

WebhookReceiver::WebhookReceiver(Core::Store &store,
                                 QList<QByteArray> secrets,
                                 QString shopDomain,
                                 QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(std::move(secrets))
    , m_shopDomain(std::move(shopDomain))
{}

WebhookReceiver::~WebhookReceiver()
{
    stop();
}

QString WebhookReceiver::callbackUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(QLatin1String(kPath));
}

Core::Status WebhookReceiver::start(quint16 port)
{
    if (m_thread != nullptr) {
        return Core::makeError(Core::ErrorCode::Validation,
                               tr("the webhook receiver is already running"));
    }
    m_thread = new QThread();
    m_thread->setObjectName(QStringLiteral("webhook-receiver"));
    m_context = new QObject();
    m_context->moveToThread(m_thread);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_context, [this, port] { serve(port); }, Qt::BlockingQueuedConnection);
    if (m_port == 0) {
        stop();
        return Core::makeError(Core::ErrorCode::Validation,
                               tr("cannot listen on 127.0.0.1:%1 (is the port in use?)").arg(port));
    }
    qCInfo(lcWebhookReceiver) << "receiving webhooks at" << callbackUrl();
    return Core::success();
}

void WebhookReceiver::serve(quint16 port)
{
    m_server = std::make_unique<QHttpServer>();
    m_server->route(
        QString::fromLatin1(kPath),
        QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest &request) {
            QElapsedTimer timer;
            timer.start();
            QHash<QByteArray, QByteArray> headers;
            for (const auto &[name, value] : request.headers()) {
                headers.insert(name, value);
            }
            Core::ShopifyWebhookIngest ingest(m_store, m_secrets, m_shopDomain);
            const Core::WebhookIngestResult result = ingest.ingest(headers, request.body());
            const int status = result.httpStatus();
            emit deliveryHandled(
                result.webhookId, result.topic, status, result.reason, timer.nsecsElapsed() / 1000);
            return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                       result.reason.toUtf8(),
                                       static_cast<QHttpServerResponse::StatusCode>(status));
        });
    m_port = m_server->listen(QHostAddress::LocalHost, port);
}

void WebhookReceiver::stop()
{
    if (m_thread == nullptr) {
        return;
    }
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_server.reset();
            m_store.closeThreadConnection();
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_context;
    delete m_thread;
    m_context = nullptr;
    m_thread = nullptr;
    m_port = 0;
}

} // namespace Ledgerdesk::App
