#pragma once

#include <core/sync/connector.h>

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace Ledgerdesk::Core {

// What one "test connection" found.
struct ProbeResult
{
    enum class Outcome { Ok, Failed, Cancelled };

    Outcome outcome = Outcome::Failed;
    QString message; // one sentence for the person, e.g. "Connected to shop Ledgerdesk Demo."
    int httpStatus = 0;

    bool ok() const { return outcome == Outcome::Ok; }
};

// Checks that a connection's address and credentials work, without blocking the thread it lives
// on: Shopify answers `{ shop { name } }` with the token, the ERP a signed one-row SuiteQL query,
// the WMS folders exist and take a file. One probe at a time; finished() is always emitted once
// per start(), also when it fails at once or is cancelled.
class ConnectionProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionProbe)

public:
    explicit ConnectionProbe(QObject *parent = nullptr);
    ~ConnectionProbe() override;

    // `secrets` by field name ("accessToken", "tokenSecret" …), as typed or read from the store.
    void start(const ConnectionSettings &settings, const QHash<QString, QString> &secrets);
    void cancel();

    bool isRunning() const { return m_running; }

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    int timeoutMs() const { return m_timeoutMs; }

signals:
    void progress(const QString &text);
    void finished(const Ledgerdesk::Core::ProbeResult &result);

private:
    void startShopify(const ConnectionSettings &settings, const QHash<QString, QString> &secrets);
    void startNetSuite(const ConnectionSettings &settings, const QHash<QString, QString> &secrets);
    void startWms(const ConnectionSettings &settings);
    void send(const QNetworkRequest &request, const QByteArray &body, const QString &what);
    void onReplyFinished();
    void onTimeout();
    // Emits finished() from the event loop, so a caller connected after start() still hears it.
    void finishLater(ProbeResult result);
    void finish(ProbeResult result);
    QString transportProblem(QNetworkReply *reply) const;
    ProbeResult interpretShopify(int status, const QByteArray &body) const;
    ProbeResult interpretNetSuite(int status, const QByteArray &body) const;

    QNetworkAccessManager *m_nam = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    QString m_kind;
    QString m_target; // host:port, for messages
    QString m_accountId;
    int m_timeoutMs = 15000;
    bool m_running = false;
    bool m_timedOut = false;
    quint64 m_generation = 0;
};

} // namespace Ledgerdesk::Core

Q_DECLARE_METATYPE(Ledgerdesk::Core::ProbeResult)
