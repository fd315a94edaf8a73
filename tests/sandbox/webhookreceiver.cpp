#include "webhookreceiver.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTimer>

namespace Ledgerdesk::SandboxTests {

QByteArray ReceivedWebhook::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

WebhookReceiver::WebhookReceiver()
    : m_server(std::make_unique<QHttpServer>())
{
    m_server->route(QStringLiteral("/hooks"),
                    QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest &request) {
                        m_received << ReceivedWebhook{request.body(), request.headers()};
                        const int status = m_script.isEmpty() ? 200 : m_script.takeFirst();
                        return QHttpServerResponse(
                            static_cast<QHttpServerResponse::StatusCode>(status));
                    });
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
}

QString WebhookReceiver::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/hooks").arg(m_port);
}

bool WebhookReceiver::waitFor(int count, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_received.size() < count && !deadline.hasExpired()) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return m_received.size() >= count;
}

bool WebhookReceiver::waitForTopic(const QByteArray &topic, int count, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (withTopic(topic).size() < count && !deadline.hasExpired()) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return withTopic(topic).size() >= count;
}

QList<ReceivedWebhook> WebhookReceiver::withTopic(const QByteArray &topic) const
{
    QList<ReceivedWebhook> out;
    for (const ReceivedWebhook &w : m_received) {
        if (w.header("X-Shopify-Topic") == topic) {
            out << w;
        }
    }
    return out;
}

} // namespace Ledgerdesk::SandboxTests
