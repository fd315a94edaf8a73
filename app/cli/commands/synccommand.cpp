#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <app/support/keychainsecretstore.h>
#include <app/support/sessionsecretstore.h>
#include <app/support/webhookreceiver.h>
#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/connectors/shopify/shopifywebhookingest.h>
#include <core/sync/connectorfactory.h>
#include <core/sync/synccontroller.h>
#include <core/sync/syncmetrics.h>

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSocketNotifier>

#include <unistd.h>

#include <csignal>
#include <memory>
#include <sys/socket.h>

namespace Ledgerdesk::Cli {

namespace {

QString duration(qint64 ms)
{
    if (ms < 1000) {
        return QStringLiteral("%1 ms").arg(ms);
    }
    const qint64 minutes = ms / 60000;
    if (minutes < 1) {
        return QStringLiteral("%1 s").arg(ms / 1000);
    }
    if (minutes < 60) {
        return QStringLiteral("%1m").arg(minutes);
    }
    if (minutes < 48 * 60) {
        return QStringLiteral("%1h").arg(minutes / 60);
    }
    return QStringLiteral("%1d").arg(minutes / (24 * 60));
}

QJsonValue optionalMs(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue();
}

QJsonObject toJson(const Core::SystemSyncMetrics &m)
{
    QJsonArray drift;
    for (const Core::LocationDrift &d : m.drift) {
        drift.append(QJsonObject{{QStringLiteral("location"), d.locationCode},
                                 {QStringLiteral("openExceptions"), double(d.openExceptions)}});
    }
    return QJsonObject{
        {QStringLiteral("system"), m.system},
        {QStringLiteral("outbox"),
         QJsonObject{{QStringLiteral("pending"), double(m.pending)},
                     {QStringLiteral("inFlight"), double(m.inFlight)},
                     {QStringLiteral("dead"), double(m.dead)},
                     {QStringLiteral("oldestPendingAgeMs"), optionalMs(m.oldestPendingAgeMs)}}},
        {QStringLiteral("retries"),
         QJsonObject{{QStringLiteral("deliveriesLastHour"), double(m.deliveriesLastHour)},
                     {QStringLiteral("retriedLastHour"), double(m.retriedLastHour)},
                     {QStringLiteral("rate"), m.retryRate}}},
        {QStringLiteral("latency"),
         QJsonObject{{QStringLiteral("samples"), double(m.latencySamples)},
                     {QStringLiteral("p50Ms"), optionalMs(m.latencyP50Ms)},
                     {QStringLiteral("p99Ms"), optionalMs(m.latencyP99Ms)}}},
        {QStringLiteral("inbox"),
         QJsonObject{{QStringLiteral("receivedLastHour"), double(m.receivedLastHour)},
                     {QStringLiteral("appliedLastHour"), double(m.appliedLastHour)}}},
        {QStringLiteral("exceptions"),
         QJsonObject{{QStringLiteral("open"), double(m.openExceptions())},
                     {QStringLiteral("underHour"), double(m.openUnderHour)},
                     {QStringLiteral("underDay"), double(m.openUnderDay)},
                     {QStringLiteral("older"), double(m.openOlder)},
                     {QStringLiteral("oldestAgeMs"), optionalMs(m.oldestOpenAgeMs)}}},
        {QStringLiteral("drift"), drift},
    };
}

void printMetrics(QTextStream &out, const Core::SystemSyncMetrics &m)
{
    out << m.system << '\n';
    out << "  outbox      pending " << m.pending << ", in flight " << m.inFlight << ", dead "
        << m.dead;
    if (m.oldestPendingAgeMs) {
        out << ", oldest pending " << duration(*m.oldestPendingAgeMs);
    }
    out << '\n';
    out << "  retries     " << m.retriedLastHour << " of " << m.deliveriesLastHour
        << " deliveries in the last hour (" << QString::number(m.retryRate * 100.0, 'f', 1)
        << "%)\n";
    out << "  latency     ";
    if (m.latencyP50Ms && m.latencyP99Ms) {
        out << "p50 " << duration(*m.latencyP50Ms) << ", p99 " << duration(*m.latencyP99Ms)
            << " over " << m.latencySamples << " events\n";
    } else {
        out << "no applied events yet\n";
    }
    out << "  inbox       received " << m.receivedLastHour << ", applied " << m.appliedLastHour
        << " in the last hour\n";
    out << "  exceptions  open " << m.openExceptions() << " (<1h " << m.openUnderHour << ", <24h "
        << m.openUnderDay << ", older " << m.openOlder << ")";
    if (m.oldestOpenAgeMs) {
        out << ", oldest " << duration(*m.oldestOpenAgeMs);
    }
    out << '\n';
    out << "  drift       ";
    if (m.drift.isEmpty()) {
        out << "none\n";
    } else {
        QStringList parts;
        for (const Core::LocationDrift &d : m.drift) {
            parts << QStringLiteral("%1 %2").arg(d.locationCode).arg(d.openExceptions);
        }
        out << parts.join(QStringLiteral(", ")) << '\n';
    }
}

int status(CliContext &context, const QCommandLineParser &parser)
{
    Core::Store *store = context.openStore();
    if (store == nullptr) {
        return ExitStorage;
    }
    const Core::SyncMetrics metrics(*store);
    const Core::UtcMillis now = Core::nowUtcMillis();
    QList<Core::SystemSyncMetrics> systems;
    if (parser.isSet(QStringLiteral("system"))) {
        auto one = metrics.forSystem(parser.value(QStringLiteral("system")), now);
        if (!one) {
            context.err() << one.error().message << '\n';
            return ExitStorage;
        }
        systems << one.value();
    } else {
        auto all = metrics.collect(now);
        if (!all) {
            context.err() << all.error().message << '\n';
            return ExitStorage;
        }
        systems = all.value();
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Core::SystemSyncMetrics &m : std::as_const(systems)) {
            array.append(toJson(m));
        }
        const QJsonObject root{{QStringLiteral("at"), Core::formatIsoTimestamp(now)},
                               {QStringLiteral("systems"), array}};
        context.out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (systems.isEmpty()) {
        context.out() << "no sync activity recorded yet\n";
        return ExitOk;
    }
    for (const Core::SystemSyncMetrics &m : std::as_const(systems)) {
        printMetrics(context.out(), m);
    }
    return ExitOk;
}

void printReport(QTextStream &out, const Core::SyncCycleReport &r)
{
    out << Core::formatIsoTimestamp(r.finishedAt) << "  " << r.system << "  "
        << (r.error.isEmpty() ? QStringLiteral("ok") : QStringLiteral("FAILED")) << "  pulled "
        << r.pulled << ", applied " << r.applied << ", conflicts " << r.conflicts << ", pushed "
        << r.pushed << ", failed " << r.failed << "  (" << duration(r.finishedAt - r.startedAt)
        << ')';
    if (!r.error.isEmpty()) {
        out << "  " << r.error;
    }
    out << '\n';
    out.flush();
}

// SIGINT/SIGTERM end `sync run` through the event loop, so every connector closes cleanly.
int g_signalFds[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_signalFds[0], &byte, 1);
}

std::unique_ptr<QSocketNotifier> watchTermination(QEventLoop &loop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        return nullptr;
    }
    auto notifier
        = std::make_unique<QSocketNotifier>(g_signalFds[1], QSocketNotifier::Read, nullptr);
    QObject::connect(notifier.get(), &QSocketNotifier::activated, &loop, [waiting = &loop] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(g_signalFds[1], &byte, 1);
        waiting->quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    return notifier;
}

// `sync run --webhooks PORT`: the receiver and its inventory_levels/update subscription.
struct WebhookListening
{
    std::unique_ptr<App::WebhookReceiver> receiver;
    std::unique_ptr<Core::ShopifyGraphqlClient> client;
    QString subscription;
};

Core::Status startWebhooks(WebhookListening &listening,
                           Core::Store &store,
                           const QJsonObject &connection,
                           Core::SecretStore &secrets,
                           const QString &portText)
{
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535) {
        return Core::makeError(Core::ErrorCode::Validation,
                               QStringLiteral("--webhooks needs a port (0 picks a free one)"));
    }
    auto settings = Core::ConnectionSettings::fromConnectionFile(
        connection, QStringLiteral("shopify"), secrets);
    if (!settings) {
        return settings.error();
    }
    auto secret = secrets.read(QStringLiteral("shopify/webhookSecret"));
    if (!secret || secret.value().isEmpty()) {
        return Core::makeError(Core::ErrorCode::Validation,
                               QStringLiteral("the connection has no Shopify webhookSecret"));
    }
    listening.receiver = std::make_unique<App::WebhookReceiver>(
        store,
        QList<QByteArray>{secret.value()},
        settings.value().options.value(QStringLiteral("shopDomain")).toString());
    if (const Core::Status started = listening.receiver->start(quint16(port)); !started) {
        return started;
    }
    auto client = Core::ShopifyWebhookIngest::clientFor(settings.value(), secrets);
    if (!client) {
        return client.error();
    }
    listening.client = std::move(client).value();
    auto subscribed
        = Core::ShopifyWebhookIngest::subscribe(*listening.client,
                                                QStringLiteral("inventory_levels/update"),
                                                listening.receiver->callbackUrl());
    if (!subscribed) {
        return subscribed.error();
    }
    listening.subscription = subscribed.value();
    return Core::success();
}

void stopWebhooks(WebhookListening &listening, QTextStream &err)
{
    if (listening.client && !listening.subscription.isEmpty()) {
        const Core::Status removed
            = Core::ShopifyWebhookIngest::unsubscribe(*listening.client, listening.subscription);
        if (!removed) {
            err << "could not remove the webhook subscription: " << removed.error().message << '\n';
        }
    }
    if (listening.receiver) {
        listening.receiver->stop();
    }
}

struct OnceProgress
{
    QSet<QString> reported;
    bool failed = false;
};

int runConnectors(CliContext &context, const QCommandLineParser &parser, bool once)
{
    const QString path = parser.value(QStringLiteral("connection"));
    if (path.isEmpty()) {
        context.err() << "sync " << (once ? "once" : "run") << " needs --connection FILE\n";
        return ExitUsage;
    }
    std::chrono::milliseconds interval = Core::SyncController::defaultPollInterval;
    if (parser.isSet(QStringLiteral("interval"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("interval")).toDouble(&ok);
        if (!ok || seconds <= 0) {
            context.err() << "--interval needs a positive number of seconds\n";
            return ExitUsage;
        }
        interval = std::chrono::milliseconds(qint64(seconds * 1000.0));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        context.err() << "cannot read " << path << ": " << file.errorString() << '\n';
        return ExitFailed;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        context.err() << path << " is not a JSON object: " << parseError.errorString() << '\n';
        return ExitFailed;
    }
    const QJsonObject connection = document.object();

    // The keychain is asked only when the file carries secrets.
    const bool inMemory = parser.isSet(QStringLiteral("insecure-memory-secrets"));
    // Connectors read the secrets on their own threads, from this run's memory.
    auto secrets = std::make_unique<App::SessionSecretStore>(
        inMemory ? nullptr : std::make_unique<App::KeychainSecretStore>());

    Core::Store *store = context.openStore();
    if (store == nullptr) {
        return ExitStorage;
    }
    const Core::ConnectorFactory factory = Core::ConnectorFactory::withBuiltInKinds();
    const bool chosen = parser.isSet(QStringLiteral("system"));
    const QStringList systems = chosen
                                    ? QStringList{parser.value(QStringLiteral("system"))}
                                    : connection.value(QStringLiteral("systems")).toObject().keys();
    Core::SyncController controller;
    for (const QString &system : systems) {
        auto settings = Core::ConnectionSettings::fromConnectionFile(connection, system, *secrets);
        if (!settings) {
            if (!inMemory && settings.error().code == Core::ErrorCode::Unauthorized) {
                context.err() << "refusing to keep the secrets of " << system << ": "
                              << settings.error().message
                              << "\n(--insecure-memory-secrets holds them in memory for this run "
                                 "only)\n";
            } else {
                context.err() << settings.error().message << '\n';
            }
            return ExitFailed;
        }
        if (!chosen && !factory.knows(settings.value().kind)) {
            context.err() << "skipping " << system << ": no connector for kind \""
                          << settings.value().kind << "\"\n";
            continue;
        }
        auto connector = factory.create(*store, settings.value(), *secrets);
        if (!connector) {
            context.err() << connector.error().message << '\n';
            return ExitFailed;
        }
        const Core::Status added = controller.addConnector(
            std::move(connector).value(), once ? std::chrono::milliseconds(0) : interval);
        if (!added) {
            context.err() << added.error().message << '\n';
            return ExitFailed;
        }
    }
    if (controller.systems().isEmpty()) {
        context.err() << "no system in " << path << " has a connector\n";
        return ExitFailed;
    }

    QEventLoop loop;
    auto progress = std::make_shared<OnceProgress>();
    QObject::connect(&controller,
                     &Core::SyncController::cycleFinished,
                     &loop,
                     [out = &context.out(),
                      progress,
                      expected = controller.systems().size(),
                      waiting = &loop,
                      once](const Core::SyncCycleReport &report) {
                         printReport(*out, report);
                         progress->failed = progress->failed || !report.error.isEmpty();
                         progress->reported.insert(report.system);
                         if (once && progress->reported.size() == expected) {
                             waiting->quit();
                         }
                     });
    WebhookListening webhooks;
    if (!once && parser.isSet(QStringLiteral("webhooks"))) {
        const Core::Status listening = startWebhooks(
            webhooks, *store, connection, *secrets, parser.value(QStringLiteral("webhooks")));
        if (!listening) {
            context.err() << "webhooks: " << listening.error().message << '\n';
            stopWebhooks(webhooks, context.err());
            controller.stop();
            return ExitFailed;
        }
        context.out() << "receiving Shopify webhooks at " << webhooks.receiver->callbackUrl()
                      << '\n';
        context.out().flush();
    }
    std::unique_ptr<QSocketNotifier> termination;
    if (once) {
        controller.syncNow();
    } else {
        termination = watchTermination(loop);
    }
    loop.exec();
    if (!once) {
        context.out() << "stopping\n";
        context.out().flush();
    }
    stopWebhooks(webhooks, context.err());
    controller.stop();
    if (termination) {
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
    }
    return once && progress->failed ? ExitFailed : ExitOk;
}

} // namespace

int syncCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("status, once or run"));
    parser.addOptions({
        {QStringLiteral("json"), QStringLiteral("status: print JSON")},
        {QStringLiteral("system"),
         QStringLiteral("only this system (a key of the connection file's \"systems\")"),
         QStringLiteral("S")},
        {QStringLiteral("connection"),
         QStringLiteral("once/run: the connection file (as ledgerdesk-sandbox writes it)"),
         QStringLiteral("FILE")},
        {QStringLiteral("interval"),
         QStringLiteral("run: seconds between cycles per system (default 5)"),
         QStringLiteral("SECONDS")},
        {QStringLiteral("webhooks"),
         QStringLiteral("run: also receive Shopify webhooks on 127.0.0.1:PORT (0 = any) and "
                        "subscribe to inventory_levels/update while running"),
         QStringLiteral("PORT")},
        {QStringLiteral("insecure-memory-secrets"),
         QStringLiteral("once/run: keep the connection's secrets in memory for this run only, "
                        "for machines without a keychain (otherwise the OS keychain is required)")},
    });
    const int parsed = context.parse(
        parser,
        arguments,
        QStringLiteral(
            "Sync health and one-shot or continuous sync.\n\n"
            "  status [--json] [--system S]    backlog, retries, latency, exceptions "
            "and drift per system\n"
            "  once --connection FILE [--system S]   one cycle per system; exit 1 if "
            "any failed\n"
            "  run --connection FILE [--interval SECONDS] [--webhooks PORT]   cycle until "
            "SIGINT/SIGTERM"));
    if (parsed >= 0) {
        return parsed;
    }
    const QStringList actions = parser.positionalArguments();
    if (actions.size() != 1) {
        context.err() << "usage: ledgerdesk-cli sync status|once|run [options] (see --help)\n";
        return ExitUsage;
    }
    const QString action = actions.first();
    if (action == QLatin1String("status")) {
        return status(context, parser);
    }
    if (action == QLatin1String("once") || action == QLatin1String("run")) {
        return runConnectors(context, parser, action == QLatin1String("once"));
    }
    context.err() << "unknown sync action \"" << action << "\" (status, once or run)\n";
    return ExitUsage;
}

} // namespace Ledgerdesk::Cli
