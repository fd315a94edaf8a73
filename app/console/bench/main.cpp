// ledgerdesk-bench-ui: opens the console's main window on a big generated ledger and times
// first paint, scrolling, sorting, filtering, the global search and the longest GUI stall, each
// next to the raw SQLite statements behind it. `ledgerdesk-cli bench ui` runs it.

#include <app/cli/bench/benchtable.h>
#include <app/cli/bench/countoption.h>
#include <app/console/bench/uibench.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace Ledgerdesk;

int main(int argc, char *argv[])
{
    // Offscreen unless asked otherwise: the figures are the program's, not the display server's.
    bool onScreen = false;
    for (int i = 1; i < argc; ++i) {
        onScreen = onScreen || QByteArray(argv[i]) == "--on-screen";
    }
    if (!onScreen && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ledgerdesk-bench-ui"));
    QApplication::setOrganizationName(QStringLiteral("Ledgerdesk"));
    QApplication::setApplicationVersion(QStringLiteral(LEDGERDESK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times the console's window on a big ledger: first paint, scroll to end, "
                       "sorts, filters, the global search and the longest GUI stall, each next to "
                       "the raw SQLite statements behind it. A missed goal is reported, not an "
                       "error."));
    parser.addHelpOption();
    const QCommandLineOption balances(
        QStringLiteral("balances"),
        QStringLiteral("SKU x location balances in the ledger (default 1000000)."),
        QStringLiteral("n"));
    const QCommandLineOption locations(
        QStringLiteral("locations"), QStringLiteral("Locations (default 5)."), QStringLiteral("n"));
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("A small ledger for a smoke run."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Also write the figures as JSON."),
                                  QStringLiteral("file"));
    const QCommandLineOption dir(
        QStringLiteral("dir"),
        QStringLiteral("Folder for the benchmark ledger (default: the system temporary folder)."),
        QStringLiteral("dir"));
    const QCommandLineOption keep(QStringLiteral("keep"),
                                  QStringLiteral("Keep the benchmark ledger for inspection."));
    const QCommandLineOption onScreenOption(QStringLiteral("on-screen"),
                                            QStringLiteral("Show the window on the display."));
    parser.addOptions({balances, locations, quick, json, dir, keep, onScreenOption});
    if (!parser.parse(QApplication::arguments())) {
        err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "unexpected argument " << parser.positionalArguments().first() << '\n';
        return 2;
    }

    Bench::UiBenchOptions options;
    qint64 total = parser.isSet(quick) ? 20000 : options.balances();
    if (!Cli::readCount(err, parser, balances, total)
        || !Cli::readCount(err, parser, locations, options.locations)) {
        return 2;
    }
    if (total < options.locations) {
        err << "--balances must be at least the number of locations (" << options.locations
            << ")\n";
        return 2;
    }
    options.variants = total / options.locations;

    const QString base = parser.isSet(dir) ? parser.value(dir) : QDir::tempPath();
    if (!QFileInfo(base).isDir()) {
        err << "no folder at " << base << '\n';
        return 2;
    }
    QTemporaryDir work(QDir(base).filePath(QStringLiteral("ledgerdesk-bench-ui-XXXXXX")));
    if (!work.isValid()) {
        err << "cannot create a folder in " << base << ": " << work.errorString() << '\n';
        return 3;
    }
    work.setAutoRemove(!parser.isSet(keep));
    options.ledgerPath = work.filePath(QStringLiteral("ledger.db"));
    options.settingsDir = work.filePath(QStringLiteral("settings"));
    QLoggingCategory::setFilterRules(
        QStringLiteral("ledgerdesk.*.debug=false\nledgerdesk.*.info=false"));

    err << "building a ledger of " << options.balances() << " balances (" << options.variants
        << " variants x " << options.locations << " locations)\n";
    err.flush();
    QElapsedTimer building;
    building.start();
    if (const Core::Status built = Bench::buildUiBenchLedger(options); !built) {
        err << "bench ui failed: " << built.error().message << '\n';
        return 1;
    }
    err << "built in " << building.elapsed() / 1000.0 << " s\n";

    Bench::UiBench bench(options, err);
    if (const Core::Status done = bench.run(); !done) {
        err << "bench ui failed: " << done.error().message << '\n';
        return 1;
    }
    Cli::printBenchTable(out, bench.rows(), bench.notes());
    if (parser.isSet(keep)) {
        out << "ledger kept in " << work.path() << '\n';
    }
    if (parser.isSet(json)) {
        if (const Core::Status written
            = Cli::writeBenchJson(parser.value(json), bench.rows(), bench.notes());
            !written) {
            err << written.error().message << '\n';
            return 1;
        }
    }
    return 0;
}
