#include <app/cli/bench/benchledger.h>
#include <app/cli/bench/benchpricing.h>
#include <app/cli/bench/benchsync.h>
#include <app/cli/bench/benchtable.h>
#include <app/cli/bench/benchui.h>
#include <app/cli/bench/countoption.h>
#include <app/cli/cli.h>
#include <app/cli/clicontext.h>

#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>

namespace Ledgerdesk::Cli {

namespace {} // namespace

int benchCommand(CliContext &context, const QStringList &arguments)
{
    if (arguments.value(1) == u"sync") {
        return benchSyncCommand(context, arguments);
    }
    if (arguments.value(1) == u"ui") {
        return benchUiCommand(context, arguments);
    }
    if (arguments.value(1) == u"pricing") {
        return benchPricingCommand(context, arguments);
    }
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("suite"), QStringLiteral("ledger, sync or ui"));
    const QCommandLineOption movements(QStringLiteral("movements"),
                                       QStringLiteral("Bulk import size (default 1000000)."),
                                       QStringLiteral("n"));
    const QCommandLineOption lookupMovements(
        QStringLiteral("lookup-movements"),
        QStringLiteral("Movements in the ledger behind the point lookups (default 10000000)."),
        QStringLiteral("n"));
    const QCommandLineOption lookups(QStringLiteral("lookups"),
                                     QStringLiteral("Random point lookups (default 100000)."),
                                     QStringLiteral("n"));
    const QCommandLineOption commits(QStringLiteral("commits"),
                                     QStringLiteral("Single committed postings (default 2000)."),
                                     QStringLiteral("n"));
    const QCommandLineOption reportBalances(
        QStringLiteral("report-balances"),
        QStringLiteral("Balances in the stock report (default 200000)."),
        QStringLiteral("n"));
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("Small sizes for a smoke run."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Also write the figures as JSON."),
                                  QStringLiteral("file"));
    const QCommandLineOption dir(
        QStringLiteral("dir"),
        QStringLiteral("Folder on the disk to measure (default: the system temporary folder)."),
        QStringLiteral("dir"));
    const QCommandLineOption keep(QStringLiteral("keep"),
                                  QStringLiteral("Keep the benchmark ledgers for inspection."));
    parser.addOptions(
        {movements, lookupMovements, lookups, commits, reportBalances, quick, json, dir, keep});
    if (const int stop = context.parse(
            parser,
            arguments,
            QStringLiteral("bench ledger: measures an fsync probe, a raw SQLite C-API baseline on "
                           "the ledger's schema and the app's own ledger path in one run, and "
                           "prints each ratio against its target.\nA missed target is reported, "
                           "not an error."));
        stop >= 0) {
        return stop;
    }
    if (parser.positionalArguments() != QStringList{QStringLiteral("ledger")}) {
        context.err() << "bench needs the suite name 'ledger'\n";
        return ExitUsage;
    }
    BenchOptions options = parser.isSet(quick) ? BenchOptions::quick() : BenchOptions();
    for (const auto &[option, target] : {std::pair{&movements, &options.movements},
                                         std::pair{&lookupMovements, &options.lookupMovements},
                                         std::pair{&lookups, &options.lookups},
                                         std::pair{&commits, &options.commits},
                                         std::pair{&reportBalances, &options.reportBalances}}) {
        if (!readCount(context.err(), parser, *option, *target)) {
            return ExitUsage;
        }
    }
    const QString base = parser.isSet(dir) ? parser.value(dir) : QDir::tempPath();
    if (!QFileInfo(base).isDir()) {
        context.err() << "no folder at " << base << '\n';
        return ExitUsage;
    }
    // The benchmark ledgers live in a folder of their own and go when the run ends.
    QTemporaryDir work(QDir(base).filePath(QStringLiteral("ledgerdesk-bench-XXXXXX")));
    if (!work.isValid()) {
        context.err() << "cannot create a folder in " << base << ": " << work.errorString() << '\n';
        return ExitStorage;
    }
    work.setAutoRemove(!parser.isSet(keep));
    options.dir = work.path();
    // Per-connection chatter from the core would drown the progress lines.
    QLoggingCategory::setFilterRules(
        QStringLiteral("ledgerdesk.*.debug=false\nledgerdesk.*.info=false"));

    BenchLedger bench(options, context.err());
    if (const Core::Status done = bench.run(); !done) {
        context.err() << "bench ledger failed: " << done.error().message << '\n';
        return ExitFailed;
    }
    printBenchTable(context.out(), bench.rows(), bench.notes());
    if (parser.isSet(keep)) {
        context.out() << "ledgers kept in " << work.path() << '\n';
    }
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
