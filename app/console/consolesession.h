#pragma once

#include <core/error.h>
#include <core/sync/synccontroller.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <memory>

class QThread;

namespace Ledgerdesk::Core {
class SecretStore;
class Store;
} // namespace Ledgerdesk::Core

namespace Ledgerdesk::App {
class WebhookReceiver;
}

namespace Ledgerdesk::Console {

// The console's live connection to the systems of one connection file: a SyncController with a
// connector per system and, when Shopify gives a webhook secret, a webhook receiver on a free
// loopback port subscribed to inventory level changes. The controller lives as long as the
// session, so the window can hold it; reconnecting replaces its connectors, not the controller.
class ConsoleSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSession)

public:
    // `secrets` receives the secrets a connection file carries and answers the connectors.
    ConsoleSession(Core::Store &store, Core::SecretStore &secrets, QObject *parent = nullptr);
    ~ConsoleSession() override;

    Core::SyncController *controller() { return &m_controller; }

    // Seconds between cycles of each system; applies from the next connect.
    void setPollInterval(std::chrono::milliseconds interval) { m_interval = interval; }

    // Systems connected only once `first` has completed a cycle (or failed to), so the first
    // full pull of the system people look at has the machine to itself.
    void setConnectOrder(const QString &first) { m_first = first; }

    // Whether a connection file carries secrets of its own (as the sandbox writes it).
    static bool carriesSecrets(const QJsonObject &connection);
    static Core::Result<QJsonObject> readConnectionFile(const QString &path);

    Core::Status connectFile(const QString &path);
    // Connects to every system of `connection` that has a connector, replacing what was
    // connected before. Systems of unknown kinds are skipped (see skipped()).
    Core::Status connectTo(const QJsonObject &connection);
    // Connects again to the same systems, e.g. after their settings changed.
    Core::Status restart();

    Core::Status restart(const QJsonObject &connection) { return connectTo(connection); }

    // Unsubscribes webhooks, lets running cycles finish and closes every connector; past
    // `grace` a cycle still running (say, retrying a system that went away) is interrupted.
    void disconnectAll(std::chrono::milliseconds grace = std::chrono::seconds(2));

    bool isConnected() const { return !m_controller.systems().isEmpty(); }

    QStringList systems() const { return m_controller.systems(); }

    QStringList skipped() const { return m_skipped; }

    // Where Shopify delivers webhooks; empty when none are received.
    QString webhookUrl() const;

signals:
    void connected(const QStringList &systems);
    void disconnected();
    // A system connected later (see setConnectOrder()) could not be.
    void connectionFailed(const QString &message);
    // Webhooks could not be set up; sync still runs by polling.
    void webhooksUnavailable(const QString &reason);
    void webhooksSubscribed(const QString &callbackUrl);

private:
    Core::Status addSystems(const QStringList &systems);
    void connectDeferred(const Core::SyncCycleReport &report);
    void startWebhooks();
    void stopWebhooks();

    Core::Store &m_store;
    Core::SecretStore &m_secrets;
    Core::SyncController m_controller;
    std::chrono::milliseconds m_interval = Core::SyncController::defaultPollInterval;
    QJsonObject m_connection;
    QStringList m_skipped;
    QString m_first;
    QStringList m_deferred; // waiting for m_first's first cycle
    std::unique_ptr<App::WebhookReceiver> m_receiver;
    QThread *m_subscribing = nullptr; // the subscription is made off the GUI thread
    QString m_subscription;
};

} // namespace Ledgerdesk::Console
