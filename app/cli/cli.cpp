#include "cli.h"

#include <app/cli/clicontext.h>

#include <QTextStream>

#include <iterator>

namespace Ledgerdesk::Cli {

namespace {

const Command kCommands[] = {
    {"init", "create (or migrate) a ledger", initCommand},
    {"post", "post one movement", postCommand},
    {"ledger", "verify or rebuild balances from movements", ledgerCommand},
    {"import", "import products, inventory or locations from CSV", importCommand},
    {"export", "export products, inventory, locations or movements as CSV", exportCommand},
    {"availability", "show stock by SKU, style and location", availabilityCommand},
    {"demo", "fill an empty ledger with a demo business", demoCommand},
    {"exceptions", "list, show and resolve sync exceptions", exceptionsCommand},
    {"ownership", "show or change which system owns each kind of data", ownershipCommand},
    {"orders", "the order queue: receive, allocate, pick, ship, cancel, return", ordersCommand},
    {"sync", "sync status, one cycle, or run until stopped", syncCommand},
    {"pricing", "exchange rates, buyers' locations and price quotes", pricingCommand},
    {"bench", "measure the ledger against raw SQLite and the disk", benchCommand},
};

void printUsage(QTextStream &out)
{
    out << "Usage: ledgerdesk-cli [--ledger PATH] <command> [options]\n\n"
        << "The ledger defaults to $LEDGERDESK_LEDGER or the user's data folder.\n\nCommands:\n";
    for (const Command &command : kCommands) {
        out << QStringLiteral("  %1 %2\n")
                   .arg(QString::fromLatin1(command.name), -14)
                   .arg(QString::fromLatin1(command.summary));
    }
    out << "\nRun 'ledgerdesk-cli <command> --help' for a command's options.\n";
}

} // namespace

int run(const QStringList &arguments)
{
    QTextStream err(stderr);
    QStringList rest = arguments.mid(1);
    QString ledgerPath;
    while (!rest.isEmpty() && rest.first().startsWith(QLatin1String("--"))) {
        const QString option = rest.takeFirst();
        if (option == QLatin1String("--ledger") && !rest.isEmpty()) {
            ledgerPath = rest.takeFirst();
        } else if (option.startsWith(QLatin1String("--ledger="))) {
            ledgerPath = option.mid(9);
        } else if (option == QLatin1String("--help")) {
            QTextStream out(stdout);
            printUsage(out);
            return ExitOk;
        } else if (option == QLatin1String("--version")) {
            QTextStream(stdout) << "ledgerdesk-cli " << LEDGERDESK_VERSION << '\n';
            return ExitOk;
        } else {
            err << "unknown option " << option << '\n';
            return ExitUsage;
        }
    }
    if (rest.isEmpty()) {
        printUsage(err);
        return ExitUsage;
    }
    const QString name = rest.takeFirst();
    for (const Command &command : kCommands) {
        if (name == QLatin1String(command.name)) {
            CliContext context(ledgerPath);
            return command.run(context,
                               QStringList{QStringLiteral("ledgerdesk-cli ") + name} + rest);
        }
    }
    err << "unknown command \"" << name << "\"\n";
    printUsage(err);
    return ExitUsage;
}

} // namespace Ledgerdesk::Cli
