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
    QString ledgerPath;     // empty: the default ledger
    QString connectionPath; // a connection file to sync with for this session
    bool demo = false;      // the live demo: a sandbox and a throwaway ledger, connected

    // Exits the process for --help, --version and bad arguments, like every Qt tool.
    static ConsoleOptions parse(const QStringList &arguments);
};

} // namespace Ledgerdesk::Console
