#include "sandboxprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

namespace Ledgerdesk::SandboxTests {

namespace {

constexpr int kStartTimeoutMs = 15000;
constexpr int kRequestTimeoutMs = 10000;

} // namespace

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

SandboxProcess::~SandboxProcess()
{
    stop();
}

QString SandboxProcess::executable()
{
    return QStringLiteral(LEDGERDESK_SANDBOX_PATH);
}

bool SandboxProcess::start(const QStringList &extra, bool quietBusiness)
{
    m_process = std::make_unique<QProcess>();
    m_output.clear(); // a restart reads its own banner
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QStringList arguments{QStringLiteral("--port"), QStringLiteral("0")};
    if (quietBusiness) {
        arguments << QStringLiteral("--quiet-business");
    }
    m_process->start(executable(), arguments + extra);
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        return false;
    }
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired() && !m_output.contains(QStringLiteral("Ready."))) {
        if (m_process->state() != QProcess::Running) {
            m_output += QString::fromUtf8(m_process->readAllStandardOutput()
                                          + m_process->readAllStandardError());
            return false;
        }
        m_process->waitForReadyRead(200);
        m_output += QString::fromUtf8(m_process->readAllStandardOutput());
    }
    const auto port
        = QRegularExpression(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"))
              .match(m_output);
    const auto token
        = QRegularExpression(QStringLiteral("access token:\\s+(\\S+)")).match(m_output);
    const auto secret
        = QRegularExpression(QStringLiteral("webhook secret:\\s+(\\S+)")).match(m_output);
    if (!port.hasMatch() || !token.hasMatch() || !secret.hasMatch()) {
        return false;
    }
    m_port = quint16(port.captured(1).toUInt());
    m_token = token.captured(1);
    m_secret = secret.captured(1);
    return true;
}

int SandboxProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        return m_process ? m_process->exitCode() : 0;
    }
    m_process->terminate(); // SIGTERM
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(2000);
        return -1;
    }
    m_output += QString::fromUtf8(m_process->readAllStandardOutput());
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QString SandboxProcess::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

static HttpResult send(const QString &method,
                       const QUrl &url,
                       const QByteArray &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(kRequestTimeoutMs);
    for (const auto &[key, value] : headers) {
        request.setRawHeader(key, value);
    }
    QNetworkReply *reply = method == u"GET" ? network.get(request) : network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kRequestTimeoutMs + 1000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.error = QStringLiteral("timed out");
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0) {
        result.error = reply->errorString();
    }
    delete reply;
    return result;
}

HttpResult SandboxProcess::graphql(const QString &query,
                                   const QJsonObject &variables,
                                   const QString &version,
                                   const QByteArray &token)
{
    QJsonObject envelope{{QStringLiteral("query"), query}};
    if (!variables.isEmpty()) {
        envelope.insert(QStringLiteral("variables"), variables);
    }
    return post(QStringLiteral("/admin/api/%1/graphql.json").arg(version),
                QJsonDocument(envelope).toJson(QJsonDocument::Compact),
                {{"Content-Type", "application/json"},
                 {"X-Shopify-Access-Token", token.isEmpty() ? m_token.toUtf8() : token}});
}

HttpResult SandboxProcess::get(const QString &path)
{
    return send(QStringLiteral("GET"), QUrl(baseUrl() + path), {}, {});
}

HttpResult SandboxProcess::post(const QString &path,
                                const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QPair<QByteArray, QByteArray>> all = headers;
    if (all.isEmpty()) {
        all << qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    }
    return send(QStringLiteral("POST"), QUrl(baseUrl() + path), body, all);
}

QJsonObject SandboxProcess::control(const QJsonObject &command)
{
    return post(QStringLiteral("/_sandbox/control"),
                QJsonDocument(command).toJson(QJsonDocument::Compact))
        .json();
}

} // namespace Ledgerdesk::SandboxTests
