#include "benchui.h"

#include <app/cli/cli.h>
#include <app/cli/clicontext.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace Ledgerdesk::Cli {

QString benchUiProgram()
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {here.filePath(QStringLiteral("ledgerdesk-bench-ui")),
          here.filePath(QStringLiteral("../console/bench/ledgerdesk-bench-ui"))}) {
        if (const QFileInfo info(candidate); info.isFile() && info.isExecutable()) {
            return info.canonicalFilePath();
        }
    }
    return {};
}

int benchUiCommand(CliContext &context, const QStringList &arguments)
{
    const QString program = benchUiProgram();
    if (program.isEmpty()) {
        context.err() << "bench ui needs the ledgerdesk-bench-ui program next to ledgerdesk-cli ("
                      << QCoreApplication::applicationDirPath()
                      << "); build the ledgerdesk-bench-ui target\n";
        return ExitFailed;
    }
    context.out().flush();
    context.err().flush();
    QProcess bench;
    // The figures and the progress lines go straight to this program's own output.
    bench.setProcessChannelMode(QProcess::ForwardedChannels);
    bench.start(program, arguments.mid(2));
    if (!bench.waitForStarted()) {
        context.err() << "cannot start " << program << ": " << bench.errorString() << '\n';
        return ExitFailed;
    }
    bench.waitForFinished(-1);
    if (bench.exitStatus() != QProcess::NormalExit) {
        context.err() << program << " crashed\n";
        return ExitFailed;
    }
    return bench.exitCode();
}

} // namespace Ledgerdesk::Cli
