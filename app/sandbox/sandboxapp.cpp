#include "sandboxapp.h"

#include "erp/erpstandin.h"
#include "inspection/inspectionendpoint.h"
#include "sandboxclock.h"
#include "shopify/shopifyservice.h"
#include "wms/wmsdropfolder.h"

#include <core/domain/timestamp.h>

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QHttpServer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTcpServer>
#include <QTextStream>

namespace Ledgerdesk::Sandbox {

Q_LOGGING_CATEGORY(lcSandbox, "ledgerdesk.sandbox")

namespace {

constexpr int kSaveDebounceMs = 1000;
constexpr int kPeriodicSaveMs = 10000; // the ERP and WMS change without telling
const QString kStateFile = QStringLiteral("sandbox-state.json");

} // namespace

SandboxApp::SandboxApp(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDebounceMs);
    const auto save = [this] {
        if (const Core::Status status = writeState(); !status.ok()) {
            qCWarning(lcSandbox) << status.error().message;
        }
    };
    connect(&m_saveTimer, &QTimer::timeout, this, save);
    m_periodicSave.setInterval(kPeriodicSaveMs);
    connect(&m_periodicSave, &QTimer::timeout, this, save);
}

SandboxApp::~SandboxApp() = default;

QString SandboxApp::statePath() const
{
    return QDir(m_options.dataDir).filePath(kStateFile);
}

Core::Result<QJsonObject> SandboxApp::readState() const
{
    if (m_options.dataDir.isEmpty() || !QFile::exists(statePath())) {
        return QJsonObject{};
    }
    QFile file(statePath());
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::makeError(Core::ErrorCode::Io,
                               tr("Cannot read %1: %2").arg(statePath(), file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return Core::makeError(Core::ErrorCode::Validation,
                               tr("%1 is damaged (%2); move it away to start fresh.")
                                   .arg(statePath(), parseError.errorString()));
    }
    return doc.object();
}

Core::Status SandboxApp::start(QTextStream &out)
{
    if (!m_options.faultsFile.isEmpty()) {
        auto plan = FaultPlan::load(m_options.faultsFile, m_options.seed);
        if (!plan.ok()) {
            return plan.error();
        }
        m_faults = plan.value();
    } else {
        m_faults.seed = m_options.seed;
    }
    if (!m_options.dataDir.isEmpty() && !QDir().mkpath(m_options.dataDir)) {
        return Core::makeError(Core::ErrorCode::Io,
                               tr("Cannot create the data directory %1.").arg(m_options.dataDir));
    }
    const auto saved = readState();
    if (!saved.ok()) {
        return saved.error();
    }
    // Business time never runs backwards across a restart, even at high speed.
    const qint64 savedNow = saved->value(QStringLiteral("businessNow")).toInteger();
    m_clock
        = std::make_unique<SandboxClock>(std::max(Core::nowUtcMillis(), savedNow), m_options.speed);
    m_shopify = new ShopifyService(
        m_options.shopName, m_options.apiVersion, m_options.seed, m_faults.shopify, *m_clock, this);
    if (saved->contains(QStringLiteral("shopify"))) {
        if (const Core::Status status
            = m_shopify->loadState(saved->value(QStringLiteral("shopify")).toObject());
            !status.ok()) {
            return status.error();
        }
    }
    m_server = std::make_unique<QHttpServer>();
    m_shopify->mount(*m_server);
    m_port = m_server->listen(QHostAddress::LocalHost, m_options.port);
    if (m_port == 0) {
        return Core::makeError(
            Core::ErrorCode::Network,
            tr("Cannot listen on 127.0.0.1:%1 (is the port in use?).").arg(m_options.port));
    }
    if (const Core::Status status = startStandIns(saved.value()); !status.ok()) {
        return status.error();
    }
    m_inspection = new InspectionEndpoint(*m_shopify, connection(), this);
    m_inspection->addSystem(
        QStringLiteral("erp"),
        [this] { return m_erp->inspect(); },
        [this](const QJsonObject &command, QString *error) {
            if (command.value(QStringLiteral("action")).toString() != u"setFaults") {
                *error = tr("Unknown ERP action; known: setFaults.");
                return QJsonObject{};
            }
            m_erp->setFaults(
                ErpFaults::fromJson(command.value(QStringLiteral("faults")).toObject()));
            return QJsonObject{{QStringLiteral("faults"), m_erp->faults().toJson()}};
        });
    m_inspection->addSystem(
        QStringLiteral("wms"),
        [this] { return m_wms->inspect(); },
        [this](const QJsonObject &command, QString *error) {
            const QString action = command.value(QStringLiteral("action")).toString();
            if (action == u"setFaults") {
                m_wms->setFaults(
                    WmsFaults::fromJson(command.value(QStringLiteral("faults")).toObject()));
            } else if (action == u"processNow") {
                m_wms->processNow();
            } else if (action == u"writeSnapshot") {
                m_wms->writeSnapshotNow();
            } else {
                *error = tr("Unknown WMS action; known: setFaults, processNow, writeSnapshot.");
                return QJsonObject{};
            }
            return QJsonObject{{QStringLiteral("faults"), m_wms->faults().toJson()}};
        });
    m_inspection->mount(*m_server);
    connect(m_shopify, &ShopifyService::stateChanged, this, &SandboxApp::scheduleSave);
    m_shopify->start(!m_options.quietBusiness);
    if (const Core::Status status = writeConnectionFile(); !status.ok()) {
        return status.error();
    }
    if (const Core::Status status = writeState(); !status.ok()) {
        return status.error();
    }
    if (!m_options.dataDir.isEmpty()) {
        m_periodicSave.start();
    }
    printBanner(out);
    return Core::success();
}

Core::Status SandboxApp::startStandIns(const QJsonObject &saved)
{
    const Core::DemoCatalog catalog = Core::DemoCatalog::generate(m_options.seed);
    m_erp = new ErpStandIn(catalog, m_options.seed, ErpCredentials::demo(), this);
    m_erp->setFaults(ErpFaults::fromJson(m_faults.erp));
    if (saved.contains(QStringLiteral("erp"))
        && !m_erp->loadState(saved.value(QStringLiteral("erp")).toObject())) {
        return Core::makeError(Core::ErrorCode::Validation,
                               tr("The saved ERP state in %1 does not fit seed %2.")
                                   .arg(statePath())
                                   .arg(m_options.seed));
    }
    m_erp->mount(*m_server);
    if (m_options.dataDir.isEmpty()) {
        m_scratch = std::make_unique<QTemporaryDir>();
        m_wmsRoot = m_scratch->filePath(QStringLiteral("wms"));
    } else {
        m_wmsRoot = QDir(m_options.dataDir).filePath(QStringLiteral("wms"));
    }
    m_wms = new WmsDropFolder(catalog, m_wmsRoot, m_options.seed, this);
    m_wms->setFaults(WmsFaults::fromJson(m_faults.wms));
    m_wms->setSpeed(m_options.speed);
    if (saved.contains(QStringLiteral("wms"))
        && !m_wms->loadState(saved.value(QStringLiteral("wms")).toObject())) {
        return Core::makeError(Core::ErrorCode::Validation,
                               tr("The saved WMS state in %1 does not fit seed %2.")
                                   .arg(statePath())
                                   .arg(m_options.seed));
    }
    m_wms->start();
    return Core::success();
}

QJsonObject SandboxApp::connection() const
{
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
    const ShopifyCredentials &shop = m_shopify->credentials();
    QJsonObject systems{{QStringLiteral("shopify"),
                         QJsonObject{{QStringLiteral("kind"), QStringLiteral("shopify")},
                                     {QStringLiteral("shopDomain"), shop.shopDomain},
                                     {QStringLiteral("baseUrl"), base},
                                     {QStringLiteral("apiVersion"), shop.apiVersion},
                                     {QStringLiteral("graphqlUrl"),
                                      QString(base + QStringLiteral("/admin/api/") + shop.apiVersion
                                              + QStringLiteral("/graphql.json"))},
                                     {QStringLiteral("accessToken"), shop.accessToken},
                                     {QStringLiteral("webhookSecret"), shop.webhookSecret}}}};
    if (m_erp != nullptr) {
        const ErpCredentials erp = ErpCredentials::demo();
        systems.insert(
            QStringLiteral("erp"),
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("netsuite")},
                        {QStringLiteral("baseUrl"), base},
                        {QStringLiteral("recordUrl"),
                         QString(base + QStringLiteral("/services/rest/record/v1"))},
                        {QStringLiteral("suiteqlUrl"),
                         QString(base + QStringLiteral("/services/rest/query/v1/suiteql"))},
                        {QStringLiteral("accountId"), erp.realm},
                        {QStringLiteral("consumerKey"), erp.consumerKey},
                        {QStringLiteral("consumerSecret"), erp.consumerSecret},
                        {QStringLiteral("tokenId"), erp.tokenId},
                        {QStringLiteral("tokenSecret"), erp.tokenSecret}});
    }
    if (m_wms != nullptr) {
        const QDir root(m_wmsRoot);
        systems.insert(QStringLiteral("wms"),
                       QJsonObject{{QStringLiteral("kind"), QStringLiteral("wms-drop-folder")},
                                   {QStringLiteral("rootFolder"), root.absolutePath()},
                                   {QStringLiteral("inboundFolder"),
                                    root.absoluteFilePath(QStringLiteral("inbound"))},
                                   {QStringLiteral("outboundFolder"),
                                    root.absoluteFilePath(QStringLiteral("outbound"))},
                                   {QStringLiteral("archiveFolder"),
                                    root.absoluteFilePath(QStringLiteral("archive"))}});
    }
    return {{QStringLiteral("format"), QStringLiteral("ledgerdesk-connection")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("name"),
             QStringLiteral("Ledgerdesk sandbox (seed %1)").arg(m_options.seed)},
            {QStringLiteral("inspectionUrl"), QString(base + QStringLiteral("/_sandbox"))},
            {QStringLiteral("systems"), systems}};
}

Core::Status SandboxApp::writeConnectionFile() const
{
    if (m_options.connectionFile.isEmpty()) {
        return Core::success();
    }
    QSaveFile file(m_options.connectionFile);
    if (!file.open(QIODevice::WriteOnly)) {
        return Core::makeError(Core::ErrorCode::Io,
                               tr("Cannot write the connection file %1: %2")
                                   .arg(m_options.connectionFile, file.errorString()));
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // it holds credentials
    file.write(QJsonDocument(connection()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return Core::makeError(Core::ErrorCode::Io,
                               tr("Cannot write the connection file %1: %2")
                                   .arg(m_options.connectionFile, file.errorString()));
    }
    return Core::success();
}

void SandboxApp::scheduleSave()
{
    if (!m_options.dataDir.isEmpty() && !m_saveTimer.isActive()) {
        m_saveTimer.start();
    }
}

Core::Status SandboxApp::writeState()
{
    if (m_options.dataDir.isEmpty() || m_shopify == nullptr) {
        return Core::success();
    }
    const QJsonObject state{
        {QStringLiteral("format"), QStringLiteral("ledgerdesk-sandbox-state")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("businessNow"), QJsonValue(m_clock->now())},
        {QStringLiteral("shopify"), m_shopify->saveState()},
        {QStringLiteral("erp"), m_erp != nullptr ? m_erp->saveState() : QJsonObject{}},
        {QStringLiteral("wms"), m_wms != nullptr ? m_wms->saveState() : QJsonObject{}}};
    QSaveFile file(statePath());
    if (!file.open(QIODevice::WriteOnly)) {
        return Core::makeError(Core::ErrorCode::Io,
                               tr("Cannot save %1: %2").arg(statePath(), file.errorString()));
    }
    file.write(QJsonDocument(state).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        return Core::makeError(Core::ErrorCode::Io,
                               tr("Cannot save %1: %2").arg(statePath(), file.errorString()));
    }
    return Core::success();
}

void SandboxApp::shutdown()
{
    m_saveTimer.stop();
    m_periodicSave.stop();
    if (m_wms != nullptr) {
        m_wms->stop();
    }
    if (const Core::Status status = writeState(); !status.ok()) {
        qCWarning(lcSandbox) << status.error().message;
    }
    m_server.reset();
}

void SandboxApp::printBanner(QTextStream &out) const
{
    const QJsonObject shop = connection()
                                 .value(QStringLiteral("systems"))
                                 .toObject()
                                 .value(QStringLiteral("shopify"))
                                 .toObject();
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
    out << "ledgerdesk-sandbox listening on " << base << '\n';
    out << "  seed " << m_options.seed << ", speed " << m_options.speed << "x, data dir: "
        << (m_options.dataDir.isEmpty() ? QStringLiteral("(none: state is lost on exit)")
                                        : m_options.dataDir)
        << '\n';
    out << "Shopify Admin GraphQL\n";
    out << "  endpoint:       " << shop.value(QStringLiteral("graphqlUrl")).toString() << '\n';
    out << "  shop domain:    " << shop.value(QStringLiteral("shopDomain")).toString() << '\n';
    out << "  access token:   " << shop.value(QStringLiteral("accessToken")).toString() << '\n';
    out << "  webhook secret: " << shop.value(QStringLiteral("webhookSecret")).toString() << '\n';
    const QJsonObject systems = connection().value(QStringLiteral("systems")).toObject();
    const QJsonObject erp = systems.value(QStringLiteral("erp")).toObject();
    out << "ERP (NetSuite-style REST, token-based auth)\n";
    out << "  record service: " << erp.value(QStringLiteral("recordUrl")).toString() << '\n';
    out << "  SuiteQL:        " << erp.value(QStringLiteral("suiteqlUrl")).toString() << '\n';
    out << "  account:        " << erp.value(QStringLiteral("accountId")).toString() << '\n';
    out << "  consumer key:   " << erp.value(QStringLiteral("consumerKey")).toString() << '\n';
    out << "  consumer secret:" << ' ' << erp.value(QStringLiteral("consumerSecret")).toString()
        << '\n';
    out << "  token id:       " << erp.value(QStringLiteral("tokenId")).toString() << '\n';
    out << "  token secret:   " << erp.value(QStringLiteral("tokenSecret")).toString() << '\n';
    const QJsonObject wms = systems.value(QStringLiteral("wms")).toObject();
    out << "WMS / 3PL drop folder\n";
    out << "  inbound:        " << wms.value(QStringLiteral("inboundFolder")).toString() << '\n';
    out << "  outbound:       " << wms.value(QStringLiteral("outboundFolder")).toString() << '\n';
    out << "  archive:        " << wms.value(QStringLiteral("archiveFolder")).toString() << '\n';
    out << "Inspection:       " << base << "/_sandbox/state\n";
    if (!m_options.connectionFile.isEmpty()) {
        out << "Connection file:  " << m_options.connectionFile << '\n';
    }
    out << "Ready." << Qt::endl;
}

} // namespace Ledgerdesk::Sandbox
