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

int benchSyncCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("suite"), QStringLiteral("sync"));
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QStringLiteral("The ledgerdesk-sandbox executable (default: next to this one)."),
        QStringLiteral("path"));
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("Small sizes for a smoke run."));
    const QCommandLineOption changes(QStringLiteral("changes"),
                                     QStringLiteral("Sandbox changes timed (default 100)."),
                                     QStringLiteral("n"));
    const QCommandLineOption pollMs(QStringLiteral("poll-ms"),
                                    QStringLiteral("Time between cycles (default 500)."),
                                    QStringLiteral("ms"));
    const QCommandLineOption pushRows(QStringLiteral("push-rows"),
                                      QStringLiteral("Outbox rows drained (default 10000)."),
                                      QStringLiteral("n"));
    const QCommandLineOption pushBatch(
        QStringLiteral("push-batch"),
        QStringLiteral("Quantities per mutation, 1-250 (default 250)."),
        QStringLiteral("n"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Also write the figures as JSON."),
                                  QStringLiteral("file"));
    parser.addOptions({sandbox, quick, changes, pollMs, pushRows, pushBatch, json});
    if (const int stop = context.parse(
            parser,
            arguments,
            QStringLiteral("bench sync: starts a sandbox, seeds a matching ledger and measures how "
                           "long a sandbox change takes to reach the ledger and how a large "
                           "outbox drains through a Standard-plan cost bucket.\nA missed target is "
                           "reported, not an error."));
        stop >= 0) {
        return stop;
    }
    BenchSyncOptions options;
    if (parser.isSet(quick)) {
        options.changes = 10;
        options.pushRows = 1000;
    }
    options.sandbox = parser.isSet(sandbox)
                          ? parser.value(sandbox)
                          : QDir(QCoreApplication::applicationDirPath())
                                .filePath(QStringLiteral("../sandbox/ledgerdesk-sandbox"));
    if (!QFileInfo(options.sandbox).isExecutable()) {
        context.err() << "no sandbox executable at " << options.sandbox
                      << " (give one with --sandbox)\n";
        return ExitUsage;
    }
    for (const auto &[option, low, high] :
         {std::tuple{&changes, 1LL, 100000LL},
          std::tuple{&pollMs, 1LL, 60000LL},
          std::tuple{&pushRows, 1LL, 1000000LL},
          std::tuple{&pushBatch, 1LL, qint64(Core::ShopifyPusher::maxBatchSize)}}) {
        if (!parser.isSet(*option)) {
            continue;
        }
        bool ok = false;
        const qint64 value = parser.value(*option).toLongLong(&ok);
        if (!ok || value < low || value > high) {
            context.err() << "--" << option->names().first() << " needs a whole number from " << low
                          << " to " << high << ", not \"" << parser.value(*option) << "\"\n";
            return ExitUsage;
        }
        if (option == &changes) {
            options.changes = int(value);
        } else if (option == &pollMs) {
            options.pollMs = int(value);
        } else if (option == &pushRows) {
            options.pushRows = value;
        } else {
            options.pushBatch = int(value);
        }
    }
    QTemporaryDir work(
        QDir(QDir::tempPath()).filePath(QStringLiteral("ledgerdesk-bench-sync-XXXXXX")));
    if (!work.isValid()) {
        context.err() << "cannot create a temporary folder: " << work.errorString() << '\n';
        return ExitStorage;
    }
    options.dir = work.path();
    QLoggingCategory::setFilterRules(QStringLiteral(
        "ledgerdesk.*.debug=false\nledgerdesk.*.info=false\nledgerdesk.*.warning=false"));
    BenchSync bench(options, context.err());
    if (const Core::Status done = bench.run(); !done) {
        context.err() << "bench sync failed: " << done.error().message << '\n';
        return ExitFailed;
    }
    printBenchTable(context.out(), bench.rows(), bench.notes());
    if (parser.isSet(json)) {
        if (const Core::Status written
            = writeBenchJson(parser.value(json), bench.rows(), bench.notes());
            !written) {
            context.err() << written.error().message << '\n';
            return ExitFailed;
        }
    }
    return ExitOk;
}

} // namespace Ledgerdesk::Cli
