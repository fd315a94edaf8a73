#include "consolesession.h"

#include <app/support/webhookreceiver.h>
#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/connectors/shopify/shopifywebhookingest.h>
#include <core/sync/connectorfactory.h>
#include <core/sync/secretstore.h>

#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QThread>

#include <utility>

namespace Ledgerdesk::Console {

Q_LOGGING_CATEGORY(lcConsoleSession, "ledgerdesk.console.session")

namespace {

const QString kShopify = QStringLiteral("shopify");
const QString kTopic = QStringLiteral("inventory_levels/update");

} // namespace

ConsoleSession::ConsoleSession(Core::Store &store, Core::SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
{
    connect(&m_controller,
            &Core::SyncController::cycleFinished,
            this,
            &ConsoleSession::connectDeferred);
}

ConsoleSession::~ConsoleSession()
{
    disconnectAll();
}

bool ConsoleSession::carriesSecrets(const QJsonObject &connection)
{
    const QJsonObject systems = connection.value(QStringLiteral("systems")).toObject();
    for (auto system = systems.begin(); system != systems.end(); ++system) {
        const QJsonObject entry = system.value().toObject();
        for (auto field = entry.begin(); field != entry.end(); ++field) {
            if (Core::ConnectionSettings::isSecretField(field.key())
                && !field.value().toString().isEmpty()) {
                return true;
            }
        }
    }
    return false;
}

Core::Result<QJsonObject> ConsoleSession::readConnectionFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::makeError(Core::ErrorCode::Io,
                               tr("Cannot read %1: %2").arg(path, file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        return Core::makeError(
            Core::ErrorCode::Validation,
            tr("%1 is not a connection file: %2").arg(path, parseError.errorString()));
    }
    return document.object();
}

Core::Status ConsoleSession::connectFile(const QString &path)
{
    auto connection = readConnectionFile(path);
    if (!connection) {
        return connection.error();
    }
    return connectTo(connection.value());
}

Core::Status ConsoleSession::connectTo(const QJsonObject &connection)
{
    disconnectAll();
    m_skipped.clear();
    m_deferred.clear();
    m_connection = connection;
    QStringList now = connection.value(QStringLiteral("systems")).toObject().keys();
    if (!m_first.isEmpty() && now.contains(m_first)) {
        m_deferred = now;
        m_deferred.removeOne(m_first);
        now = {m_first};
    }
    Core::Status added = addSystems(now);
    if (added && m_controller.systems().isEmpty() && !m_deferred.isEmpty()) {
        added = addSystems(std::exchange(m_deferred, {})); // the first one had no connector
    }
    if (!added) {
        m_deferred.clear();
        disconnectAll();
        return added;
    }
    if (m_controller.systems().isEmpty() && m_deferred.isEmpty()) {
        return Core::makeError(Core::ErrorCode::Validation,
                               tr("No system in the connection has a connector."));
    }
    startWebhooks();
    emit connected(m_controller.systems());
    return Core::success();
}

Core::Status ConsoleSession::addSystems(const QStringList &systems)
{
    const Core::ConnectorFactory factory = Core::ConnectorFactory::withBuiltInKinds();
    for (const QString &system : systems) {
        auto settings
            = Core::ConnectionSettings::fromConnectionFile(m_connection, system, m_secrets);
        if (!settings) {
            return settings.error();
        }
        if (!factory.knows(settings.value().kind)) {
            qCInfo(lcConsoleSession) << "skipping" << system << "of kind" << settings.value().kind;
            m_skipped << system;
            continue;
        }
        auto connector = factory.create(m_store, settings.value(), m_secrets);
        if (!connector) {
            return connector.error();
        }
        if (const Core::Status added
            = m_controller.addConnector(std::move(connector).value(), m_interval);
            !added) {
            return added;
        }
    }
    return Core::success();
}

void ConsoleSession::connectDeferred(const Core::SyncCycleReport &report)
{
    if (m_deferred.isEmpty() || report.system != m_first) {
        return;
    }
    const QStringList later = std::exchange(m_deferred, {});
    if (const Core::Status added = addSystems(later); !added) {
        qCWarning(lcConsoleSession) << "could not connect" << later << ":" << added.error().message;
        emit connectionFailed(added.error().message);
        return;
    }
    emit connected(m_controller.systems());
}

Core::Status ConsoleSession::restart()
{
    if (m_connection.isEmpty()) {
        return Core::makeError(Core::ErrorCode::Validation, tr("Nothing was connected before."));
    }
    return connectTo(QJsonObject(m_connection));
}

void ConsoleSession::disconnectAll(std::chrono::milliseconds grace)
{
    const bool wasConnected = isConnected();
    m_deferred.clear();
    stopWebhooks();
    m_controller.stop(grace);
    if (wasConnected) {
        emit disconnected();
    }
}

QString ConsoleSession::webhookUrl() const
{
    return m_receiver ? m_receiver->callbackUrl() : QString();
}

void ConsoleSession::startWebhooks()
{
    if (!m_controller.systems().contains(kShopify)) {
        return;
    }
    const auto secret = m_secrets.read(kShopify + QStringLiteral("/webhookSecret"));
    if (!secret || secret.value().isEmpty()) {
        return; // polling alone keeps the ledger current
    }
    auto settings = Core::ConnectionSettings::fromConnectionFile(m_connection, kShopify, m_secrets);
    if (!settings) {
        emit webhooksUnavailable(settings.error().message);
        return;
    }
    m_receiver = std::make_unique<App::WebhookReceiver>(
        m_store,
        QList<QByteArray>{secret.value()},
        settings.value().options.value(QStringLiteral("shopDomain")).toString());
    if (const Core::Status started = m_receiver->start(0); !started) {
        m_receiver.reset();
        emit webhooksUnavailable(started.error().message);
        return;
    }
    // The subscription is a network round trip: made on a thread of its own, never the GUI's.
    const QString url = m_receiver->callbackUrl();
    QPointer<ConsoleSession> self(this);
    m_subscribing = QThread::create([self, settings = settings.value(), &secrets = m_secrets, url] {
        QString id;
        QString error;
        auto client = Core::ShopifyWebhookIngest::clientFor(settings, secrets);
        if (!client) {
            error = client.error().message;
        } else if (auto subscribed
                   = Core::ShopifyWebhookIngest::subscribe(*client.value(), kTopic, url)) {
            id = subscribed.value();
        } else {
            error = subscribed.error().message;
        }
        QMetaObject::invokeMethod(
            self,
            [self, id, error, url] {
                if (!self) {
                    return;
                }
                if (!error.isEmpty()) {
                    qCWarning(lcConsoleSession) << "no webhook subscription:" << error;
                    emit self->webhooksUnavailable(error);
                    return;
                }
                self->m_subscription = id;
                emit self->webhooksSubscribed(url);
            },
            Qt::QueuedConnection);
    });
    m_subscribing->setObjectName(QStringLiteral("webhook-subscribe"));
    m_subscribing->start();
}

void ConsoleSession::stopWebhooks()
{
    if (m_subscribing) {
        m_subscribing->wait();
        delete m_subscribing;
        m_subscribing = nullptr;
        // The queued answer may not have been delivered yet; take the id from it now.
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    }
    if (!m_subscription.isEmpty()) {
        auto settings
            = Core::ConnectionSettings::fromConnectionFile(m_connection, kShopify, m_secrets);
        if (settings) {
            QThread *removing = QThread::create(
                [settings = settings.value(), &secrets = m_secrets, id = m_subscription] {
                    auto client = Core::ShopifyWebhookIngest::clientFor(settings, secrets);
                    if (!client) {
                        return;
                    }
                    if (const Core::Status removed
                        = Core::ShopifyWebhookIngest::unsubscribe(*client.value(), id);
                        !removed) {
                        qCWarning(lcConsoleSession) << "could not remove the webhook subscription:"
                                                    << removed.error().message;
                    }
                });
            removing->start();
            removing->wait();
            delete removing;
        }
        m_subscription.clear();
    }
    if (m_receiver) {
        m_receiver->stop();
        m_receiver.reset();
    }
}

} // namespace Ledgerdesk::Console
