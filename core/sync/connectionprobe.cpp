#include "connectionprobe.h"

#include <core/net/oauth1signer.h>
#include <core/sync/connectionkinds.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTemporaryFile>
#include <QUrlQuery>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcProbe, "ledgerdesk.core.probe")

namespace {

constexpr int kTickMs = 250;

ProbeResult failed(const QString &message, int status = 0)
{
    return {ProbeResult::Outcome::Failed, message, status};
}

QString firstErrorText(const QJsonValue &errors)
{
    if (errors.isString()) {
        return errors.toString();
    }
    if (errors.isArray() && !errors.toArray().isEmpty()) {
        const QJsonValue first = errors.toArray().first();
        return first.isObject() ? first.toObject().value(QStringLiteral("message")).toString()
                                : first.toString();
    }
    if (errors.isObject()) {
        return QString::fromUtf8(QJsonDocument(errors.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace

ConnectionProbe::ConnectionProbe(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ProbeResult>();
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_elapsed.elapsed() >= m_timeoutMs) {
            onTimeout();
            return;
        }
        emit progress(tr("Waiting for %1 … %2 s").arg(m_target).arg(m_elapsed.elapsed() / 1000));
    });
}

ConnectionProbe::~ConnectionProbe()
{
    if (m_reply) {
        // No report from a probe going away: whoever listens may be going away too.
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ConnectionProbe::start(const ConnectionSettings &settings,
                            const QHash<QString, QString> &secrets)
{
    if (m_running) {
        cancel();
    }
    m_running = true;
    m_timedOut = false;
    m_kind = settings.kind;
    m_target.clear();
    m_elapsed.start();
    if (settings.kind == u"shopify") {
        startShopify(settings, secrets);
    } else if (settings.kind == u"netsuite") {
        startNetSuite(settings, secrets);
    } else if (settings.kind == u"wms-drop-folder") {
        startWms(settings);
    } else {
        finishLater(
            failed(tr("There is no test for connections of kind \"%1\".").arg(settings.kind)));
    }
}

void ConnectionProbe::cancel()
{
    if (!m_running) {
        return;
    }
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    finish({ProbeResult::Outcome::Cancelled, tr("The test was cancelled."), 0});
}

void ConnectionProbe::startShopify(const ConnectionSettings &settings,
                                   const QHash<QString, QString> &secrets)
{
    QString url = settings.options.value(QStringLiteral("graphqlUrl")).toString().trimmed();
    const QString base = settings.options.value(QStringLiteral("baseUrl")).toString().trimmed();
    const QString version
        = settings.options.value(QStringLiteral("apiVersion")).toString().trimmed();
    if (url.isEmpty() && !base.isEmpty() && !version.isEmpty()) {
        // The same rule ShopifyConnector::open applies.
        url = base + QStringLiteral("/admin/api/%1/graphql.json").arg(version);
    }
    if (url.isEmpty()) {
        finishLater(failed(tr("Enter the shop URL and API version, or the GraphQL endpoint.")));
        return;
    }
    if (const auto problem = ConnectionKinds::urlProblem(url)) {
        finishLater(failed(*problem));
        return;
    }
    const QString token = secrets.value(QStringLiteral("accessToken"));
    if (token.isEmpty()) {
        finishLater(failed(tr("Enter the Admin API access token.")));
        return;
    }
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("X-Shopify-Access-Token", token.toUtf8());
    send(request,
         QJsonDocument(QJsonObject{{QStringLiteral("query"), QStringLiteral("{ shop { name } }")}})
             .toJson(QJsonDocument::Compact),
         tr("Asking the shop for its name"));
}

void ConnectionProbe::startNetSuite(const ConnectionSettings &settings,
                                    const QHash<QString, QString> &secrets)
{
    const QString address
        = settings.options.value(QStringLiteral("suiteqlUrl")).toString().trimmed();
    if (const auto problem = ConnectionKinds::urlProblem(address)) {
        finishLater(
            failed(address.isEmpty() ? tr("Enter the base URL or the SuiteQL URL.") : *problem));
        return;
    }
    OAuth1Credentials credentials;
    credentials.realm = settings.options.value(QStringLiteral("accountId")).toString().trimmed();
    credentials.consumerKey
        = settings.options.value(QStringLiteral("consumerKey")).toString().trimmed();
    credentials.tokenId = settings.options.value(QStringLiteral("tokenId")).toString().trimmed();
    credentials.consumerSecret = secrets.value(QStringLiteral("consumerSecret"));
    credentials.tokenSecret = secrets.value(QStringLiteral("tokenSecret"));
    for (const auto &[value, label] : {std::pair{credentials.realm, tr("account")},
                                       std::pair{credentials.consumerKey, tr("consumer key")},
                                       std::pair{credentials.consumerSecret, tr("consumer secret")},
                                       std::pair{credentials.tokenId, tr("token id")},
                                       std::pair{credentials.tokenSecret, tr("token secret")}}) {
        if (value.isEmpty()) {
            finishLater(failed(tr("Enter the %1.").arg(label)));
            return;
        }
    }
    m_accountId = credentials.realm;
    QUrl url(address);
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("offset"), QStringLiteral("0"));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Prefer", "transient");
    request.setRawHeader("Authorization",
                         OAuth1Signer(credentials).authorizationHeader("POST", url));
    send(
        request,
        QJsonDocument(QJsonObject{{QStringLiteral("q"), QStringLiteral("SELECT id FROM location")}})
            .toJson(QJsonDocument::Compact),
        tr("Running a one-row SuiteQL query"));
}

void ConnectionProbe::startWms(const ConnectionSettings &settings)
{
    const QString root = settings.options.value(QStringLiteral("rootFolder")).toString().trimmed();
    QStringList checked;
    for (const auto &[option, below] :
         {std::pair{QStringLiteral("inboundFolder"), QStringLiteral("inbound")},
          std::pair{QStringLiteral("outboundFolder"), QStringLiteral("outbound")},
          std::pair{QStringLiteral("archiveFolder"), QStringLiteral("archive")}}) {
        QString path = settings.options.value(option).toString().trimmed();
        if (path.isEmpty() && !root.isEmpty()) {
            path = QDir(root).filePath(below);
        }
        if (path.isEmpty()) {
            finishLater(failed(tr("Enter the root folder, or the %1 folder.").arg(below)));
            return;
        }
        const QString shown = QDir::toNativeSeparators(path);
        if (!QFileInfo(path).isDir()) {
            finishLater(failed(tr("The %1 folder %2 does not exist.").arg(below, shown)));
            return;
        }
        QTemporaryFile probe(QDir(path).filePath(QStringLiteral(".ledgerdesk-probe-XXXXXX")));
        if (!probe.open()) {
            finishLater(failed(tr("Ledgerdesk cannot write into the %1 folder %2: %3")
                                   .arg(below, shown, probe.errorString())));
            return;
        }
        checked << shown;
    }
    finishLater({ProbeResult::Outcome::Ok,
                 tr("All three folders exist and take files: %1.").arg(checked.join(u", ")),
                 0});
}

void ConnectionProbe::send(const QNetworkRequest &request,
                           const QByteArray &body,
                           const QString &what)
{
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
    }
    const QUrl url = request.url();
    m_target
        = url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    qCDebug(lcProbe) << "probing" << m_kind << "at" << url.toString(QUrl::RemoveQuery);
    m_reply = m_nam->post(request, body);
    connect(m_reply, &QNetworkReply::finished, this, &ConnectionProbe::onReplyFinished);
    m_timer.start();
    emit progress(tr("%1 at %2 …").arg(what, m_target));
}

void ConnectionProbe::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || !m_running) {
        return;
    }
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        finish(failed(transportProblem(reply)));
        return;
    }
    const QByteArray body = reply->readAll();
    finish(m_kind == u"shopify" ? interpretShopify(status, body) : interpretNetSuite(status, body));
}

void ConnectionProbe::onTimeout()
{
    m_timedOut = true;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    finish(failed(tr("%1 did not answer within %2 s.").arg(m_target).arg(m_timeoutMs / 1000.0)));
}

QString ConnectionProbe::transportProblem(QNetworkReply *reply) const
{
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("Nothing answers at %1: the connection was refused. Check the address and "
                  "that the service runs.")
            .arg(m_target);
    case QNetworkReply::HostNotFoundError:
        return tr("The host %1 is unknown. Check the address.").arg(reply->url().host());
    case QNetworkReply::RemoteHostClosedError:
        return tr("%1 closed the connection without answering.").arg(m_target);
    case QNetworkReply::SslHandshakeFailedError:
        return tr("The secure connection to %1 failed: %2").arg(m_target, reply->errorString());
    default:
        return tr("%1 could not be reached: %2").arg(m_target, reply->errorString());
    }
}

ProbeResult ConnectionProbe::interpretShopify(int status, const QByteArray &body) const
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QString detail = firstErrorText(json.value(QStringLiteral("errors")));
    if (status == 401 || status == 403) {
        return failed(
            tr("Shopify refused the access token (HTTP %1). Check the token.").arg(status), status);
    }
    if (status == 404) {
        return failed(tr("There is no Shopify GraphQL endpoint at this address (HTTP 404). Check "
                         "the shop URL and the API version."),
                      status);
    }
    if (status != 200) {
        return failed(
            tr("Shopify answered HTTP %1%2")
                .arg(status)
                .arg(detail.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + detail),
            status);
    }
    const QString name = json.value(QStringLiteral("data"))
                             .toObject()
                             .value(QStringLiteral("shop"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString();
    if (name.isEmpty()) {
        return failed(detail.isEmpty()
                          ? tr("The answer is not from a Shopify GraphQL endpoint (no shop name).")
                          : tr("Shopify answered with an error: %1").arg(detail),
                      status);
    }
    return {ProbeResult::Outcome::Ok, tr("Connected to the shop \"%1\".").arg(name), status};
}

ProbeResult ConnectionProbe::interpretNetSuite(int status, const QByteArray &body) const
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    QString detail;
    for (const QJsonValue &entry : json.value(QStringLiteral("o:errorDetails")).toArray()) {
        detail = entry.toObject().value(QStringLiteral("detail")).toString();
        break;
    }
    if (detail.endsWith(u'.')) {
        detail.chop(1);
    }
    const QString because = detail.isEmpty() ? QString() : QStringLiteral(": ") + detail;
    if (status == 401 || status == 403) {
        return failed(tr("The ERP refused the token credentials (HTTP %1)%2. Check the account, "
                         "keys and secrets.")
                          .arg(status)
                          .arg(because),
                      status);
    }
    if (status < 200 || status >= 300) {
        return failed(tr("The ERP answered HTTP %1%2.").arg(status).arg(because), status);
    }
    if (!json.value(QStringLiteral("items")).isArray()) {
        return failed(tr("The answer is not from a SuiteQL endpoint (no items list)."), status);
    }
    return {ProbeResult::Outcome::Ok,
            tr("Connected to ERP account %1; SuiteQL answers.").arg(m_accountId),
            status};
}

void ConnectionProbe::finishLater(ProbeResult result)
{
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, result] {
        if (generation == m_generation && m_running) {
            finish(result);
        }
    });
}

void ConnectionProbe::finish(ProbeResult result)
{
    m_timer.stop();
    m_running = false;
    ++m_generation;
    qCDebug(lcProbe) << m_kind << "probe:" << result.message;
    emit finished(result);
}

} // namespace Ledgerdesk::Core
