#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Ledgerdesk::Console {

// The console's command line. Parsed before any window exists, so --help works without a display.
class ConsoleOptions final
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleOptions)

public:
    QString ledgerPath; // empty: the default ledger
    bool demo = false;  // a throwaway demo ledger in a temporary folder

    // Exits the process for --help, --version and bad arguments, like every Qt tool.
    static ConsoleOptions parse(const QStringList &arguments);
};

} // namespace Ledgerdesk::Console
