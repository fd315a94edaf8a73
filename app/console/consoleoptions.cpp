#include "consoleoptions.h"

#include <QCommandLineParser>

#include <cstdio>
#include <cstdlib>

namespace Ledgerdesk::Console {

namespace {

[[noreturn]] void failUsage(const QString &message)
{
    std::fprintf(
        stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(message));
    std::exit(2);
}

} // namespace

ConsoleOptions ConsoleOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Ledgerdesk console: stock availability and the health of every channel."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption ledger(
        QStringLiteral("ledger"),
        tr("Open the ledger at <path> instead of the default one (also LEDGERDESK_LEDGER)."),
        tr("path"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        tr("Open the live demo: a local sandbox shop, ERP and warehouse, synced into a throwaway "
           "ledger in a temporary folder; nothing is kept after closing."));
    const QCommandLineOption connection(
        QStringLiteral("connection"),
        tr("Sync with the systems in the connection <file> (as ledgerdesk-sandbox writes it) "
           "while the console runs; secrets in the file are kept in memory only."),
        tr("file"));
    parser.addOption(ledger);
    parser.addOption(demo);
    parser.addOption(connection);
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty()) {
        failUsage(tr("unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    }
    if (parser.isSet(ledger) && parser.isSet(demo)) {
        failUsage(tr("--ledger and --demo cannot be combined"));
    }
    if (parser.isSet(connection) && parser.isSet(demo)) {
        failUsage(tr("--connection and --demo cannot be combined"));
    }
    ConsoleOptions options;
    options.ledgerPath = parser.value(ledger);
    options.demo = parser.isSet(demo);
    options.connectionPath = parser.value(connection);
    return options;
}

} // namespace Ledgerdesk::Console
