#include "erpstandin.h"

#include "erppaging.h"
#include "erprecordwriter.h"
#include "erpseeder.h"
#include "erpsuiteql.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace Ledgerdesk::Sandbox {

namespace {

const QString kRecordPrefix = QStringLiteral("/services/rest/record/v1");

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "UNKNOWN";
    }
}

ErpReply methodNotAllowed()
{
    return ErpReply::error(
        405,
        QCoreApplication::translate("ErpStandIn", "This method is not allowed on this resource."),
        QStringLiteral("METHOD_NOT_ALLOWED"));
}

} // namespace

ErpStandIn::ErpStandIn(const Core::DemoCatalog &catalog,
                       quint32 seed,
                       ErpCredentials credentials,
                       QObject *parent)
    : QObject(parent)
    , m_records(std::make_unique<ErpRecords>(ErpSeeder::seed(catalog, seed)))
    , m_credentials(std::move(credentials))
    , m_verifier(m_credentials.toOAuth())
    , m_rng(seed ^ 0x5eed0e7du)
    , m_seed(seed)
{}

ErpStandIn::~ErpStandIn() = default;

void ErpStandIn::setFaults(const ErpFaults &faults)
{
    m_faults = faults;
}

void ErpStandIn::mount(QHttpServer &server)
{
    QPointer<ErpStandIn> self(this);
    const auto dispatch = [self](const QStringList &path,
                                 const QHttpServerRequest &request,
                                 QHttpServerResponder &&responder) {
        if (!self) {
            responder.write(QHttpServerResponder::StatusCode::ServiceUnavailable);
            return;
        }
        self->handle(path, request, std::move(responder));
    };
    server.route(kRecordPrefix + QStringLiteral("/<arg>"),
                 [dispatch](const QString &type,
                            const QHttpServerRequest &request,
                            QHttpServerResponder &&responder) {
                     dispatch({type}, request, std::move(responder));
                 });
    server.route(kRecordPrefix + QStringLiteral("/<arg>/<arg>"),
                 [dispatch](const QString &type,
                            const QString &id,
                            const QHttpServerRequest &request,
                            QHttpServerResponder &&responder) {
                     dispatch({type, id}, request, std::move(responder));
                 });
    server.route(kRecordPrefix + QStringLiteral("/<arg>/<arg>/<arg>"),
                 [dispatch](const QString &type,
                            const QString &id,
                            const QString &sublist,
                            const QHttpServerRequest &request,
                            QHttpServerResponder &&responder) {
                     dispatch({type, id, sublist}, request, std::move(responder));
                 });
    server.route(QStringLiteral("/services/rest/query/v1/suiteql"),
                 [dispatch](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     dispatch({}, request, std::move(responder));
                 });
}

void ErpStandIn::handle(const QStringList &path,
                        const QHttpServerRequest &request,
                        QHttpServerResponder &&responder)
{
    ++m_counters.requests;
    // Draw every roll on every request so the fault sequence does not depend on the knobs.
    const double errorRoll = m_rng.generateDouble();
    const double resetRoll = m_rng.generateDouble();
    const int latencySpan = m_faults.latencyMaxMs - m_faults.latencyMinMs;
    const int delayMs
        = m_faults.latencyMinMs + (latencySpan > 0 ? int(m_rng.bounded(latencySpan + 1)) : 0);
    if (m_faults.down) {
        ++m_counters.unavailable;
        finish(responder,
               ErpReply::error(503,
                               tr("The NetSuite account is temporarily unavailable."),
                               QStringLiteral("SERVICE_UNAVAILABLE")));
        return;
    }
    if (m_faults.concurrencyLimit > 0 && m_inFlight >= m_faults.concurrencyLimit) {
        ++m_counters.throttled;
        finish(responder,
               ErpReply::error(429,
                               tr("Request blocked: the account concurrency limit of %1 requests "
                                  "in flight was exceeded.")
                                   .arg(m_faults.concurrencyLimit),
                               QStringLiteral("CONCURRENCY_LIMIT_EXCEEDED")));
        return;
    }
    ErpReply reply;
    const QString denied = m_verifier.verify(methodName(request.method()),
                                             request.url(),
                                             request.value("Authorization"),
                                             QDateTime::currentSecsSinceEpoch());
    if (!denied.isEmpty()) {
        ++m_counters.unauthorized;
        reply = ErpReply::error(401, denied, QStringLiteral("INVALID_LOGIN"));
    } else if (errorRoll < m_faults.errorRate) {
        ++m_counters.serverErrors;
        reply = ErpReply::error(
            500,
            tr("An unexpected error occurred. Error ID: %1").arg(m_counters.requests),
            QStringLiteral("UNEXPECTED_ERROR"));
    } else {
        reply = route(path, request);
        if (reply.status >= 400) {
            ++m_counters.clientErrors;
        }
    }
    const bool reset = denied.isEmpty() && resetRoll < m_faults.resetRate;
    if (reset) {
        ++m_counters.resets;
    }
    if (delayMs <= 0 && !reset) {
        finish(responder, reply);
        return;
    }
    ++m_inFlight;
    m_counters.peakInFlight = qMax<qint64>(m_counters.peakInFlight, m_inFlight);
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = held->socket();
    QTimer::singleShot(delayMs, this, [this, held, socket, reply, reset] {
        --m_inFlight;
        if (!socket || !socket->isOpen()) {
            return;
        }
        if (reset) {
            // The work happened; only the answer is lost, as when a connection drops.
            socket->abort();
            return;
        }
        finish(*held, reply);
    });
}

void ErpStandIn::finish(QHttpServerResponder &responder, const ErpReply &reply)
{
    const QByteArray body = reply.bodyBytes();
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    if (reply.hasBody) {
        responder.writeHeader("Content-Type", "application/json; charset=utf-8");
    }
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    for (const auto &[name, value] : reply.headers) {
        responder.writeHeader(name, value);
    }
    responder.writeBody(body);
}

QString ErpStandIn::now() const
{
    return QDateTime::currentDateTimeUtc()
        .addMSecs(m_faults.clockSkewMs)
        .toString(Qt::ISODateWithMs);
}

QString ErpStandIn::baseUrl(const QHttpServerRequest &request)
{
    const QUrl url = request.url();
    return url.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                        | QUrl::RemoveUserInfo)
           + kRecordPrefix;
}

ErpReply ErpStandIn::route(const QStringList &path, const QHttpServerRequest &request)
{
    const QHttpServerRequest::Method method = request.method();
    if (path.isEmpty()) {
        return method == QHttpServerRequest::Method::Post ? suiteQl(request) : methodNotAllowed();
    }
    const QString type = ErpRecords::canonicalType(path.at(0));
    if (type.isEmpty()) {
        return ErpReply::error(404,
                               tr("Record type '%1' does not exist.").arg(path.at(0)),
                               QStringLiteral("NONEXISTENT_RCRD_TYPE"));
    }
    if (path.size() == 1) {
        if (method == QHttpServerRequest::Method::Get) {
            return listRecords(type, request);
        }
        return method == QHttpServerRequest::Method::Post ? createRecord(type, request)
                                                          : methodNotAllowed();
    }
    bool numeric = false;
    const qint64 id = path.at(1).toLongLong(&numeric);
    if (!numeric || !m_records->record(type, id)) {
        return ErpReply::error(404,
                               tr("The record %1 with id %2 does not exist.").arg(type, path.at(1)),
                               QStringLiteral("NONEXISTENT_ID"));
    }
    if (path.size() == 3) {
        return method == QHttpServerRequest::Method::Get ? getRecord(type, id, path.at(2), request)
                                                         : methodNotAllowed();
    }
    if (method == QHttpServerRequest::Method::Get) {
        return getRecord(type, id, {}, request);
    }
    return method == QHttpServerRequest::Method::Patch ? patchRecord(type, id, request)
                                                       : methodNotAllowed();
}

ErpReply ErpStandIn::listRecords(const QString &type, const QHttpServerRequest &request)
{
    const ErpPage page = ErpPaging::read(request.query());
    if (!page.error.isEmpty()) {
        return ErpReply::error(400, page.error, QStringLiteral("INVALID_PARAMETER"));
    }
    const QString href = baseUrl(request) + u'/' + type;
    QJsonArray all;
    for (const qint64 id : m_records->records(type).keys()) {
        all.append(QJsonObject{{QStringLiteral("links"),
                                QJsonArray{ErpPaging::link(QStringLiteral("self"),
                                                           href + u'/' + QString::number(id))}},
                               {QStringLiteral("id"), QString::number(id)}});
    }
    return ErpReply::json(200, ErpPaging::envelope(all, page, href));
}

ErpReply ErpStandIn::getRecord(const QString &type,
                               qint64 id,
                               const QString &sublist,
                               const QHttpServerRequest &request)
{
    const bool expand = !sublist.isEmpty()
                        || request.query()
                                   .queryItemValue(QStringLiteral("expandSubResources"))
                                   .compare(u"true", Qt::CaseInsensitive)
                               == 0;
    QJsonObject view = m_records->view(type, id, expand, baseUrl(request));
    if (sublist.isEmpty()) {
        return ErpReply::json(200, view);
    }
    const QJsonValue list = view.value(sublist);
    if (!list.toObject().contains(QStringLiteral("items"))) {
        return ErpReply::error(404,
                               tr("The record %1 has no sublist '%2'.").arg(type, sublist),
                               QStringLiteral("NONEXISTENT_SUBLIST"));
    }
    return ErpReply::json(200, list.toObject());
}

ErpReply ErpStandIn::createRecord(const QString &type, const QHttpServerRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return ErpReply::error(
            400, tr("The request body is not a JSON object."), QStringLiteral("INVALID_CONTENT"));
    }
    const QString key = QString::fromUtf8(request.value("X-NetSuite-Idempotency-Key")).trimmed();
    const QByteArray bodyHash = QCryptographicHash::hash(document.toJson(QJsonDocument::Compact),
                                                         QCryptographicHash::Sha256);
    const QString locationBase = baseUrl(request) + u'/' + type + u'/';
    if (!key.isEmpty() && m_idempotency.contains(key)) {
        IdempotentCreate &earlier = m_idempotency[key];
        if (earlier.type != type || earlier.bodyHash != bodyHash) {
            return ErpReply::error(
                409,
                tr("The idempotency key was already used for a different request."),
                QStringLiteral("IDEMPOTENCY_KEY_REUSED"));
        }
        ++earlier.presented;
        ++m_counters.idempotentReplays;
        ErpReply reply = ErpReply::json(201, {{QStringLiteral("id"), QString::number(earlier.id)}});
        reply.headers.append({"Location", (locationBase + QString::number(earlier.id)).toUtf8()});
        return reply;
    }
    ErpRecordWriter writer(*m_records, now());
    const ErpWriteResult result = writer.create(type, document.object());
    if (!result.ok()) {
        return ErpReply::error(400, result.detail, result.errorCode, result.errorPath);
    }
    ++m_counters.created;
    if (!key.isEmpty()) {
        ++m_counters.idempotentCreates;
        m_idempotency.insert(key, {type, result.id, bodyHash, 1});
    }
    ErpReply reply = ErpReply::json(201, {{QStringLiteral("id"), QString::number(result.id)}});
    reply.headers.append({"Location", (locationBase + QString::number(result.id)).toUtf8()});
    return reply;
}

ErpReply ErpStandIn::patchRecord(const QString &type, qint64 id, const QHttpServerRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return ErpReply::error(
            400, tr("The request body is not a JSON object."), QStringLiteral("INVALID_CONTENT"));
    }
    ErpRecordWriter writer(*m_records, now());
    const ErpWriteResult result = writer.patch(type, id, document.object());
    if (!result.ok()) {
        return ErpReply::error(400, result.detail, result.errorCode, result.errorPath);
    }
    ++m_counters.updated;
    return ErpReply::noContent();
}

ErpReply ErpStandIn::suiteQl(const QHttpServerRequest &request)
{
    if (!request.value("Prefer").contains("transient")) {
        return ErpReply::error(400,
                               tr("SuiteQL requests need the header 'Prefer: transient'."),
                               QStringLiteral("INVALID_HEADER"));
    }
    const ErpPage page = ErpPaging::read(request.query());
    if (!page.error.isEmpty()) {
        return ErpReply::error(400, page.error, QStringLiteral("INVALID_PARAMETER"));
    }
    const QJsonDocument document = QJsonDocument::fromJson(request.body());
    const QString query = document.object().value(QStringLiteral("q")).toString();
    if (query.trimmed().isEmpty()) {
        return ErpReply::error(400,
                               tr("The body must be a JSON object with the query in \"q\"."),
                               QStringLiteral("INVALID_PARAMETER"),
                               QStringLiteral("q"));
    }
    const ErpQueryResult result = ErpSuiteQl(*m_records).run(query);
    if (!result.ok()) {
        return ErpReply::error(400,
                               tr("Invalid search query: %1").arg(result.error),
                               QStringLiteral("INVALID_PARAMETER"),
                               QStringLiteral("q"));
    }
    const QUrl url = request.url();
    const QString href
        = url.toString(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    return ErpReply::json(200, ErpPaging::envelope(result.rows, page, href));
}

} // namespace Ledgerdesk::Sandbox
