#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/store/schema.h>

#include <QDir>
#include <QFileInfo>

namespace Ledgerdesk::Cli {

int initCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (const int stop = context.parse(parser,
                                       arguments,
                                       QStringLiteral("Create a new ledger, or "
                                                      "migrate an existing one "
                                                      "to this version."));
        stop >= 0) {
        return stop;
    }
    QDir().mkpath(QFileInfo(context.ledgerPath()).absolutePath());
    const bool existed = QFileInfo::exists(context.ledgerPath());
    if (!context.openStore(false)) {
        return ExitStorage;
    }
    context.out() << (existed ? "ledger ready at " : "created ledger at ") << context.ledgerPath()
                  << " (schema version " << Core::latestSchemaVersion() << ")\n";
    return ExitOk;
}

} // namespace Ledgerdesk::Cli
