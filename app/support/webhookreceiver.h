#pragma once

#include <core/error.h>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QHttpServer;
class QThread;

namespace Ledgerdesk::Core {
class Store;
} // namespace Ledgerdesk::Core

namespace Ledgerdesk::App {

// Receives Shopify webhooks on a loopback port: POST /webhooks/shopify is verified and
// ingested on the receiver's own thread, with that thread's own ledger connection, and
// answered with the ingest's status well inside Shopify's 5 s budget.
class WebhookReceiver final : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kPath = "/webhooks/shopify";

    // `secrets`: the current webhook secret and any previous one still valid; `shopDomain`:
    // the connection's shop, the only one whose deliveries are taken.
    WebhookReceiver(Core::Store &store,
                    QList<QByteArray> secrets,
                    QString shopDomain,
                    QObject *parent = nullptr);
    ~WebhookReceiver() override;
    Q_DISABLE_COPY_MOVE(WebhookReceiver)

    // Listens on 127.0.0.1:`port` (0 picks a free one); returns once it listens.
    Core::Status start(quint16 port = 0);
    void stop();

    quint16 port() const { return m_port; }

    QString callbackUrl() const;

signals:
    // One per answered delivery, sent from the receiver's thread.
    void deliveryHandled(const QString &webhookId,
                         const QString &topic,
                         int httpStatus,
                         const QString &reason,
                         qint64 elapsedMicros);

private:
    void serve(quint16 port); // runs on m_thread

    Core::Store &m_store;
    QList<QByteArray> m_secrets;
    QString m_shopDomain;
    QThread *m_thread = nullptr;
    QObject *m_context = nullptr;          // lives on m_thread
    std::unique_ptr<QHttpServer> m_server; // created, used and destroyed on m_thread
    quint16 m_port = 0;
};

} // namespace Ledgerdesk::App
