#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace Ledgerdesk::SandboxTests {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString error;

    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
};

// The real ledgerdesk-sandbox executable on a free loopback port, and a synchronous client.
class SandboxProcess final
{
public:
    SandboxProcess() = default;
    ~SandboxProcess();

    // Starts with --port 0 (and --quiet-business unless the business should run) plus `extra`;
    // false if it did not print its URLs.
    bool start(const QStringList &extra = {}, bool quietBusiness = true);
    // SIGTERM and wait; returns the exit code (-1 when it had to be killed).
    int stop();

    quint16 port() const { return m_port; }

    QString baseUrl() const;

    const QString &accessToken() const { return m_token; }

    const QString &webhookSecret() const { return m_secret; }

    const QString &output() const { return m_output; }

    HttpResult graphql(const QString &query,
                       const QJsonObject &variables = {},
                       const QString &version = QStringLiteral("2026-04"),
                       const QByteArray &token = {});
    HttpResult get(const QString &path);
    HttpResult post(const QString &path,
                    const QByteArray &body,
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});
    QJsonObject control(const QJsonObject &command);

    static QString executable();

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_token;
    QString m_secret;
    QString m_output;
};

} // namespace Ledgerdesk::SandboxTests
