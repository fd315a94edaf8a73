#pragma once

#include <core/domain/timestamp.h>
#include <core/error.h>

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace Ledgerdesk::Core {

class SecretStore;
class Store;

// Where a connected system is and how to reach it. Secrets are named here and read from the
// SecretStore; they never travel in settings.
struct ConnectionSettings
{
    QString system;      // "shopify", "erp", "wms"
    QString kind;        // "shopify", "netsuite", "wms-drop-folder"
    QJsonObject options; // URLs, folders, api version, shop domain, account id … (no secrets)

    // Reads one system's entry of a connection file (the format ledgerdesk-sandbox writes):
    // non-secret fields go to `options`, secret ones into `secrets` under "<system>/<field>".
    static Result<ConnectionSettings>
    fromConnectionFile(const QJsonObject &file, const QString &system, SecretStore &secrets);

    // Whether a connection file field holds a secret ("accessToken", "tokenSecret"; not "tokenId").
    static bool isSecretField(const QString &field);
};

// What one pass of a connector did, sent from its worker thread to whoever watches.
struct SyncCycleReport
{
    QString system;
    UtcMillis startedAt = 0;
    UtcMillis finishedAt = 0;
    qint64 pulled = 0;        // external records read
    qint64 applied = 0;       // changes written to the ledger
    qint64 conflicts = 0;     // exceptions raised or repeated
    qint64 pushed = 0;        // outbox rows delivered
    qint64 failed = 0;        // outbox rows that failed this pass
    QString error;            // empty when the pass completed
    bool unreachable = false; // the pass failed because the system could not be reached

    void fail(const Error &why)
    {
        error = why.message;
        unreachable = why.code == ErrorCode::Network;
    }
};

// One connected system. The SyncController creates it, moves it to the system's own worker
// thread, and calls open() there first, so the network manager and the database connection a
// connector makes belong to that thread. Everything after runs on that thread too.
class Connector : public QObject
{
    Q_OBJECT

public:
    explicit Connector(Store &store, QObject *parent = nullptr);
    ~Connector() override;
    Q_DISABLE_COPY_MOVE(Connector)

    virtual QString system() const = 0;
    // Creates per-thread resources and checks the connection; a failure is reported, not thrown.
    virtual Status open() = 0;
    // One pass: pull what changed since the last cursor, compare three ways, apply or raise
    // exceptions, then deliver due outbox rows for this system. Returns what it did.
    virtual SyncCycleReport runCycle() = 0;
    // Releases per-thread resources (closes this thread's database connection).
    virtual void close();

protected:
    Store &store() const { return m_store; }

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core

Q_DECLARE_METATYPE(Ledgerdesk::Core::SyncCycleReport)
