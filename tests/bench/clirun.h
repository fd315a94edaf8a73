#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace Ledgerdesk::Testing {

struct CliRun
{
    int exitCode = -1; // -1: crashed or did not finish in time
    QString out;
    QString err;
};

// Runs the built ledgerdesk-cli (LEDGERDESK_CLI) as a real process and collects what it printed.
inline CliRun runCli(const QStringList &arguments,
                     int timeoutMs = 600000,
                     const QProcessEnvironment &environment
                     = QProcessEnvironment::systemEnvironment())
{
    QProcess cli;
    cli.setProcessEnvironment(environment);
    cli.start(QStringLiteral(LEDGERDESK_CLI), arguments);
    CliRun run;
    if (!cli.waitForFinished(timeoutMs)) {
        cli.kill();
        cli.waitForFinished();
        return run;
    }
    run.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    run.out = QString::fromUtf8(cli.readAllStandardOutput());
    run.err = QString::fromUtf8(cli.readAllStandardError());
    return run;
}

} // namespace Ledgerdesk::Testing
