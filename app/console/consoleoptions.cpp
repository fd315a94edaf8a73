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
        tr("Open a throwaway demo ledger in a temporary folder; nothing is kept after closing."));
    parser.addOption(ledger);
    parser.addOption(demo);
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty()) {
        failUsage(tr("unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    }
    if (parser.isSet(ledger) && parser.isSet(demo)) {
        failUsage(tr("--ledger and --demo cannot be combined"));
    }
    ConsoleOptions options;
    options.ledgerPath = parser.value(ledger);
    options.demo = parser.isSet(demo);
    return options;
}

} // namespace Ledgerdesk::Console
