#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/sync/ownershipmap.h>

namespace Ledgerdesk::Cli {

int ownershipCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list, or set KIND SYSTEM"));
    const QCommandLineOption actor(QStringLiteral("actor"),
                                   QStringLiteral("Who changes it (kept in the audit log)."),
                                   QStringLiteral("actor"),
                                   qEnvironmentVariable("USER", QStringLiteral("cli")));
    parser.addOption(actor);
    if (const int stop = context.parse(parser,
                                       arguments,
                                       QStringLiteral("Which system is the record for each kind of "
                                                      "data (on_hand, product, price, company, "
                                                      "customer, order). Only the owner's changes "
                                                      "are taken without question."));
        stop >= 0) {
        return stop;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool listing = action == QLatin1String("list") && positional.size() == 1;
    const bool setting = action == QLatin1String("set") && positional.size() == 3;
    if (!listing && !setting) {
        context.err() << "ownership needs 'list' or 'set KIND SYSTEM'\n";
        return ExitUsage;
    }
    Core::Store *store = context.openStore();
    if (!store) {
        return ExitStorage;
    }
    Core::OwnershipMap map(*store);
    if (setting) {
        const Core::Status saved = map.setOwner(positional[1], positional[2], parser.value(actor));
        if (!saved) {
            context.err() << saved.error().message << '\n';
            return saved.error().code == Core::ErrorCode::Storage ? ExitStorage : ExitFailed;
        }
    }
    const auto all = map.all();
    if (!all) {
        context.err() << all.error().message << '\n';
        return ExitStorage;
    }
    for (auto it = all.value().cbegin(); it != all.value().cend(); ++it) {
        context.out() << QStringLiteral("%1 %2\n").arg(it.key(), -10).arg(it.value());
    }
    return ExitOk;
}

} // namespace Ledgerdesk::Cli
