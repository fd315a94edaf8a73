#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/ledger/ledger.h>

namespace Ledgerdesk::Cli {

namespace {

void printMismatches(QTextStream &out, const Core::VerifyReport &report)
{
    for (const Core::BalanceMismatch &m : report.mismatches) {
        out << "  " << m.sku << " @ " << m.locationCode << ": balance says available "
            << m.stored.available() << ", on_hand " << m.stored.onHand()
            << "; movements say available " << m.fromMovements.available() << ", on_hand "
            << m.fromMovements.onHand() << '\n';
    }
}

} // namespace

int ledgerCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("verify or rebuild"));
    const QCommandLineOption actor(QStringLiteral("actor"),
                                   QStringLiteral("Who runs the rebuild."),
                                   QStringLiteral("actor"),
                                   QStringLiteral("cli"));
    parser.addOption(actor);
    if (const int stop = context.parse(
            parser,
            arguments,
            QStringLiteral(
                "verify: rebuild balances from the movements in memory and compare.\nrebuild: "
                "replace the balances with the ones the movements give."));
        stop >= 0) {
        return stop;
    }
    const QString action = parser.positionalArguments().value(0);
    if (action != QLatin1String("verify") && action != QLatin1String("rebuild")) {
        context.err() << "ledger needs 'verify' or 'rebuild'\n";
        return ExitUsage;
    }
    Core::Store *store = context.openStore();
    if (!store) {
        return ExitStorage;
    }
    Core::Ledger ledger(*store);
    if (action == QLatin1String("verify")) {
        const auto report = ledger.verify();
        if (!report) {
            context.err() << report.error().message << '\n';
            return ExitStorage;
        }
        context.out() << report.value().movementCount << " movements, "
                      << report.value().balanceCount << " balances: ";
        if (report.value().consistent()) {
            context.out() << "consistent\n";
            return ExitOk;
        }
        context.out() << report.value().mismatches.size()
                      << " balance(s) differ from the movements\n";
        printMismatches(context.out(), report.value());
        context.out() << "run 'ledgerdesk-cli ledger rebuild' to repair them\n";
        return ExitInconsistent;
    }
    const auto report = ledger.rebuild(parser.value(actor));
    if (!report) {
        context.err() << report.error().message << '\n';
        return ExitStorage;
    }
    context.out() << "rebuilt " << report.value().movementCount << " movements; repaired "
                  << report.value().mismatches.size() << " balance(s)\n";
    printMismatches(context.out(), report.value());
    return ExitOk;
}

} // namespace Ledgerdesk::Cli
