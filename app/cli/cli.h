#pragma once

#include <QStringList>

namespace Ledgerdesk::Cli {

// Exit codes scripts can rely on.
enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1,       // the command ran and found a problem (bad rows, mismatches)
    ExitUsage = 2,        // wrong arguments
    ExitStorage = 3,      // the ledger could not be opened or written
    ExitInconsistent = 4, // ledger verify found balances that differ from the movements
};

class CliContext;
using CommandFunction = int (*)(CliContext &context, const QStringList &arguments);

struct Command
{
    const char *name;
    const char *summary;
    CommandFunction run;
};

int run(const QStringList &arguments);

// Each command lives in commands/<name>command.cpp and is listed in cli.cpp.
int initCommand(CliContext &context, const QStringList &arguments);
int postCommand(CliContext &context, const QStringList &arguments);
int ledgerCommand(CliContext &context, const QStringList &arguments);
int importCommand(CliContext &context, const QStringList &arguments);
int exportCommand(CliContext &context, const QStringList &arguments);
int availabilityCommand(CliContext &context, const QStringList &arguments);
int demoCommand(CliContext &context, const QStringList &arguments);
int exceptionsCommand(CliContext &context, const QStringList &arguments);
int ownershipCommand(CliContext &context, const QStringList &arguments);
int ordersCommand(CliContext &context, const QStringList &arguments);
int syncCommand(CliContext &context, const QStringList &arguments);
int benchCommand(CliContext &context, const QStringList &arguments);
int pricingCommand(CliContext &context, const QStringList &arguments);

} // namespace Ledgerdesk::Cli
