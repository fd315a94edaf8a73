#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QList>

#include <memory>

namespace Ledgerdesk::SandboxTests {

struct ReceivedWebhook
{
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray &name) const;
};

// A loopback endpoint that records every delivery and answers with the scripted statuses.
class WebhookReceiver final
{
public:
    WebhookReceiver();

    QString url() const;

    // Statuses for the next deliveries in order; 200 once the script runs out.
    void script(QList<int> statuses) { m_script = std::move(statuses); }

    // Runs the event loop until `count` deliveries arrived or `timeoutMs` passed.
    bool waitFor(int count, int timeoutMs);
    // Deliveries travel in parallel, so topics may arrive in any order: wait for this one.
    bool waitForTopic(const QByteArray &topic, int count, int timeoutMs);

    const QList<ReceivedWebhook> &received() const { return m_received; }

    QList<ReceivedWebhook> withTopic(const QByteArray &topic) const;

private:
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    QList<int> m_script;
    QList<ReceivedWebhook> m_received;
};

} // namespace Ledgerdesk::SandboxTests
