#pragma once

#include <app/cli/bench/benchrow.h>
#include <core/error.h>
#include <core/sync/secretstore.h>

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace Ledgerdesk::Core {
class ShopifyConnector;
class Store;
} // namespace Ledgerdesk::Core

namespace Ledgerdesk::Cli {

class CliContext;

struct BenchSyncOptions
{
    QString sandbox;   // the ledgerdesk-sandbox executable
    QString dir;       // where the ledger is written
    int changes = 100; // sandbox-side changes timed through polling
    int pollMs = 500;  // time between two cycles
    qint64 pushRows = 10000;
    int pushBatch = 250; // quantities per inventorySetQuantities
};

// bench sync: a real sandbox and a seeded ledger; how long a change at the sandbox takes to
// reach the ledger, and how a large outbox drains through a Standard-plan cost bucket.
class BenchSync final
{
public:
    BenchSync(BenchSyncOptions options, QTextStream &progress);
    ~BenchSync();
    Q_DISABLE_COPY_MOVE(BenchSync)

    Core::Status run();

    const QList<BenchRow> &rows() const { return m_rows; }

    const QStringList &notes() const { return m_notes; }

private:
    Core::Status startSandbox();
    Core::Status prepareLedger();
    Core::Status measurePolling();
    Core::Status measureWebhooks();
    Core::Status measurePush();
    Core::Result<QJsonObject> http(const QString &path, const QByteArray &post = {});
    Core::Status control(const QJsonObject &command);
    Core::Result<qint64> ledgerAvailable(const QString &sku, const QString &code);

    BenchSyncOptions m_options;
    QTextStream &m_progress;
    QProcess m_sandbox;
    QString m_baseUrl;
    Core::InMemorySecretStore m_secrets;
    std::unique_ptr<Core::Store> m_store;
    std::unique_ptr<Core::ShopifyConnector> m_connector;
    QJsonObject m_connection;
    QList<BenchRow> m_rows;
    QStringList m_notes;
};

int benchSyncCommand(CliContext &context, const QStringList &arguments);

} // namespace Ledgerdesk::Cli
