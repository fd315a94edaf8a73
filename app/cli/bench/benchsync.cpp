#include "benchsync.h"

#include <app/cli/bench/benchtable.h>
#include <app/cli/bench/latency.h>
#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <app/support/webhookreceiver.h>
#include <core/catalog/catalog.h>
#include <core/connectors/shopify/shopifycatalogmapper.h>
#include <core/connectors/shopify/shopifyconnector.h>
#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/connectors/shopify/shopifylevelsync.h>
#include <core/connectors/shopify/shopifypusher.h>
#include <core/connectors/shopify/shopifywebhookingest.h>
#include <core/demo/demoseeder.h>
#include <core/ledger/ledger.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outbox.h>
#include <core/sync/ownershipmap.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

namespace Ledgerdesk::Cli {

using namespace Core;

namespace {

void sleepMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QJsonObject generousThrottle()
{
    return {{QStringLiteral("throttle"),
             QJsonObject{{QStringLiteral("maximumAvailable"), 20000},
                         {QStringLiteral("restoreRate"), 20000}}}};
}

} // namespace

BenchSync::BenchSync(BenchSyncOptions options, QTextStream &progress)
    : m_options(std::move(options))
    , m_progress(progress)
{}

BenchSync::~BenchSync()
{
    m_connector.reset();
    if (m_sandbox.state() != QProcess::NotRunning) {
        m_sandbox.terminate();
        if (!m_sandbox.waitForFinished(5000)) {
            m_sandbox.kill();
            m_sandbox.waitForFinished();
        }
    }
}

Status BenchSync::run()
{
    const QStringList names{QStringLiteral("starting the sandbox"),
                            QStringLiteral("seeding the ledger and running the first cycle"),
                            QStringLiteral("timing changes through polling"),
                            QStringLiteral("timing changes through webhooks"),
                            QStringLiteral("draining the outbox")};
    int at = 0;
    for (auto step : {&BenchSync::startSandbox,
                      &BenchSync::prepareLedger,
                      &BenchSync::measurePolling,
                      &BenchSync::measureWebhooks,
                      &BenchSync::measurePush}) {
        m_progress << "bench sync: " << names.at(at++) << "…" << Qt::endl;
        if (const Status done = (this->*step)(); !done) {
            return done;
        }
    }
    return success();
}

Result<QJsonObject> BenchSync::http(const QString &path, const QByteArray &post)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = post.isEmpty() ? network.get(request) : network.post(request, post);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    const QString error
        = reply->error() == QNetworkReply::NoError ? QString() : reply->errorString();
    delete reply;
    if (!error.isEmpty()) {
        return makeError(ErrorCode::Network, QStringLiteral("sandbox %1: %2").arg(path, error));
    }
    return QJsonDocument::fromJson(body).object();
}

Status BenchSync::control(const QJsonObject &command)
{
    auto answer = http(QStringLiteral("/_sandbox/control"),
                       QJsonDocument(command).toJson(QJsonDocument::Compact));
    if (!answer) {
        return answer.error();
    }
    if (answer.value().contains(QStringLiteral("error"))) {
        return makeError(ErrorCode::Validation,
                         QStringLiteral("sandbox control refused: %1")
                             .arg(QString::fromUtf8(QJsonDocument(answer.value()).toJson())));
    }
    return success();
}

Status BenchSync::startSandbox()
{
    const QString faults = QDir(m_options.dir).filePath(QStringLiteral("faults.json"));
    QFile file(faults);
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(ErrorCode::Storage, QStringLiteral("cannot write %1").arg(faults));
    }
    file.write(
        QJsonDocument(QJsonObject{{QStringLiteral("shopify"), generousThrottle()}}).toJson());
    file.close();
    m_sandbox.setProcessChannelMode(QProcess::MergedChannels);
    m_sandbox.start(m_options.sandbox,
                    {QStringLiteral("--port"),
                     QStringLiteral("0"),
                     QStringLiteral("--quiet-business"),
                     QStringLiteral("--faults"),
                     faults});
    if (!m_sandbox.waitForStarted(10000)) {
        return makeError(ErrorCode::Validation,
                         QStringLiteral("cannot start the sandbox %1: %2")
                             .arg(m_options.sandbox, m_sandbox.errorString()));
    }
    static const QRegularExpression listening(QStringLiteral("listening on (http://[^\\s]+)"));
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000) {
        m_sandbox.waitForReadyRead(500);
        output += m_sandbox.readAll();
        if (const auto match = listening.match(QString::fromUtf8(output)); match.hasMatch()) {
            m_baseUrl = match.captured(1);
            break;
        }
        if (m_sandbox.state() == QProcess::NotRunning) {
            break;
        }
    }
    if (m_baseUrl.isEmpty()) {
        return makeError(ErrorCode::Validation,
                         QStringLiteral("the sandbox did not start: %1")
                             .arg(QString::fromUtf8(output.left(500))));
    }
    auto connection = http(QStringLiteral("/_sandbox/connection"));
    if (!connection) {
        return connection.error();
    }
    m_connection = connection.value();
    return success();
}

Status BenchSync::prepareLedger()
{
    m_store = std::make_unique<Store>(
        StoreConfig::sqlite(QDir(m_options.dir).filePath(QStringLiteral("ledger.sqlite"))));
    if (const Status opened = m_store->open(); !opened) {
        return opened;
    }
    if (auto seeded = seedDemoLedger(*m_store); !seeded) {
        return seeded.error();
    }
    auto settings = ConnectionSettings::fromConnectionFile(
        m_connection, QStringLiteral("shopify"), m_secrets);
    if (!settings) {
        return settings.error();
    }
    m_connector = std::make_unique<ShopifyConnector>(*m_store, m_secrets, settings.value());
    if (const Status opened = m_connector->open(); !opened) {
        return opened;
    }
    // The first pass accepts Shopify's figures so both sides start equal.
    OwnershipMap owners(*m_store);
    if (const Status owned = owners.setOwner(
            QStringLiteral("on_hand"), QStringLiteral("shopify"), QStringLiteral("bench"));
        !owned) {
        return owned;
    }
    QElapsedTimer timer;
    timer.start();
    const SyncCycleReport first = m_connector->runCycle();
    if (!first.error.isEmpty()) {
        return makeError(ErrorCode::Network, QStringLiteral("first cycle: %1").arg(first.error));
    }
    m_rows << BenchRow::info(QStringLiteral("first cycle"),
                             QStringLiteral("full pass, %1 levels pulled").arg(first.pulled),
                             QStringLiteral("s"),
                             double(timer.elapsed()) / 1000.0);
    auto cleared = runQuery(m_store->connection(),
                            QStringLiteral("DELETE FROM ownership WHERE data_kind = 'on_hand'"));
    return cleared ? success() : Status(cleared.error());
}

Result<qint64> BenchSync::ledgerAvailable(const QString &sku, const QString &code)
{
    auto q = runQuery(m_store->connection(),
                      QStringLiteral("SELECT b.available FROM balances b JOIN variants v ON "
                                     "v.id = b.variant_id JOIN locations l ON l.id = "
                                     "b.location_id WHERE v.sku = ? AND l.code = ?"),
                      {sku, code});
    if (!q) {
        return q.error();
    }
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

Status BenchSync::measurePolling()
{
    auto q = runQuery(m_store->connection(),
                      QStringLiteral("SELECT entity_key FROM sync_values WHERE system = 'shopify' "
                                     "AND entity = 'inventory' ORDER BY entity_key"));
    if (!q) {
        return q.error();
    }
    QStringList keys;
    while (q.value().next()) {
        keys << q.value().value(0).toString();
    }
    if (keys.isEmpty()) {
        return makeError(ErrorCode::Validation, QStringLiteral("the first cycle linked no levels"));
    }
    QRandomGenerator random(2026);
    std::vector<double> latencies;
    std::vector<double> cycleTimes;
    for (int i = 0; i < m_options.changes; ++i) {
        const auto key = InventoryKey::parse(keys.at(random.bounded(int(keys.size()))));
        if (!key) {
            continue;
        }
        auto before = ledgerAvailable(key->sku, key->locationCode);
        if (!before) {
            return before.error();
        }
        const qint64 target = before.value() + 1 + random.bounded(5);
        if (const Status set = control({{QStringLiteral("system"), QStringLiteral("shopify")},
                                        {QStringLiteral("action"), QStringLiteral("setLevel")},
                                        {QStringLiteral("sku"), key->sku},
                                        {QStringLiteral("location"), key->locationCode},
                                        {QStringLiteral("name"), QStringLiteral("available")},
                                        {QStringLiteral("quantity"), target}});
            !set) {
            return set;
        }
        QElapsedTimer timer;
        timer.start();
        // The change lands somewhere inside the poll interval.
        sleepMs(int(random.bounded(m_options.pollMs)));
        while (true) {
            QElapsedTimer cycleTimer;
            cycleTimer.start();
            const SyncCycleReport report = m_connector->runCycle();
            cycleTimes.push_back(double(cycleTimer.nsecsElapsed()) / 1000.0);
            if (!report.error.isEmpty()) {
                return makeError(ErrorCode::Network, QStringLiteral("cycle: %1").arg(report.error));
            }
            auto now = ledgerAvailable(key->sku, key->locationCode);
            if (!now) {
                return now.error();
            }
            if (now.value() == target) {
                break;
            }
            if (timer.elapsed() > 60000) {
                return makeError(ErrorCode::Validation,
                                 QStringLiteral("%1 at %2 did not reach the ledger within 60 s")
                                     .arg(key->sku, key->locationCode));
            }
            sleepMs(m_options.pollMs);
        }
        latencies.push_back(double(timer.nsecsElapsed()) / 1000.0);
    }
    const LatencyStats stats = latencyStats(latencies);
    const LatencyStats cycles = latencyStats(cycleTimes);
    const QString section = QStringLiteral("polling");
    m_rows << BenchRow::info(
        section,
        QStringLiteral("sandbox → ledger p50 (poll %1 ms)").arg(m_options.pollMs),
        QStringLiteral("ms"),
        stats.p50 / 1000.0)
           << BenchRow::info(section,
                             QStringLiteral("sandbox → ledger p99 (%1 changes)").arg(stats.count),
                             QStringLiteral("ms"),
                             stats.p99 / 1000.0)
           << BenchRow::info(section,
                             QStringLiteral("incremental cycle p50"),
                             QStringLiteral("ms"),
                             cycles.p50 / 1000.0);
    m_notes << QStringLiteral(
                   "polling: a change lands at a random moment in the %1 ms poll interval; the "
                   "latency runs from the change to the cycle that writes it to the ledger")
                   .arg(m_options.pollMs);
    return success();
}

Status BenchSync::measureWebhooks()
{
    // A measurement that cannot be made is reported, not fatal: the push still runs.
    const auto skip = [this](const QString &why) {
        m_notes << QStringLiteral("webhooks: not measured (%1)").arg(why);
        return success();
    };
    auto secret = m_secrets.read(QStringLiteral("shopify/webhookSecret"));
    if (!secret || secret.value().isEmpty()) {
        return skip(QStringLiteral("the connection has no webhook secret"));
    }
    App::WebhookReceiver receiver(*m_store, {secret.value()}, QString());
    if (const Status started = receiver.start(0); !started) {
        return skip(started.error().message);
    }
    auto settings = ConnectionSettings::fromConnectionFile(
        m_connection, QStringLiteral("shopify"), m_secrets);
    auto client = settings ? ShopifyWebhookIngest::clientFor(settings.value(), m_secrets)
                           : Result<std::unique_ptr<ShopifyGraphqlClient>>(settings.error());
    if (!client) {
        return skip(client.error().message);
    }
    auto subscription = ShopifyWebhookIngest::subscribe(
        *client.value(), QStringLiteral("inventory_levels/update"), receiver.callbackUrl());
    if (!subscription) {
        return skip(subscription.error().message);
    }
    auto q
        = runQuery(m_store->connection(),
                   QStringLiteral("SELECT entity_key FROM sync_values WHERE system = 'shopify' "
                                  "AND entity = 'inventory' ORDER BY entity_key DESC LIMIT 500"));
    if (!q) {
        return q.error();
    }
    QStringList keys;
    while (q.value().next()) {
        keys << q.value().value(0).toString();
    }
    q.value().finish();
    QRandomGenerator random(7);
    std::vector<double> latencies;
    int missed = 0;
    for (int i = 0; i < m_options.changes && !keys.isEmpty(); ++i) {
        const auto key = InventoryKey::parse(keys.at(random.bounded(int(keys.size()))));
        auto before = key ? ledgerAvailable(key->sku, key->locationCode) : Result<qint64>(0);
        if (!key || !before) {
            continue;
        }
        const qint64 target = before.value() + 1 + random.bounded(5);
        QElapsedTimer timer;
        timer.start();
        if (const Status set = control({{QStringLiteral("system"), QStringLiteral("shopify")},
                                        {QStringLiteral("action"), QStringLiteral("setLevel")},
                                        {QStringLiteral("sku"), key->sku},
                                        {QStringLiteral("location"), key->locationCode},
                                        {QStringLiteral("name"), QStringLiteral("available")},
                                        {QStringLiteral("quantity"), target}});
            !set) {
            return set;
        }
        bool arrived = false;
        while (timer.elapsed() < 5000) {
            auto now = ledgerAvailable(key->sku, key->locationCode);
            if (now && now.value() == target) {
                arrived = true;
                break;
            }
            sleepMs(1);
        }
        if (arrived) {
            latencies.push_back(double(timer.nsecsElapsed()) / 1000.0);
        } else {
            ++missed;
        }
    }
    if (const Status removed
        = ShopifyWebhookIngest::unsubscribe(*client.value(), subscription.value());
        !removed) {
        return removed; // the push below must not feed its own changes back through webhooks
    }
    receiver.stop();
    if (latencies.empty()) {
        return skip(QStringLiteral("no webhook reached the ledger within 5 s"));
    }
    const LatencyStats stats = latencyStats(latencies);
    const QString section = QStringLiteral("webhooks");
    m_rows << BenchRow::info(
        section, QStringLiteral("sandbox → ledger p50"), QStringLiteral("ms"), stats.p50 / 1000.0)
           << BenchRow::info(section,
                             QStringLiteral("sandbox → ledger p99 (%1 changes)").arg(stats.count),
                             QStringLiteral("ms"),
                             stats.p99 / 1000.0)
                  .target(TargetKind::Absolute, 250);
    m_notes << QStringLiteral("webhooks: from the sandbox change to the ledger row written by the "
                              "receiver; %1 changes did not arrive within 5 s")
                   .arg(missed);
    return success();
}

} // namespace Ledgerdesk::Cli
