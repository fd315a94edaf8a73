#pragma once

#include <QString>
#include <QStringList>

namespace Ledgerdesk::Cli {

class CliContext;

// `bench ui`: the window benchmark needs QtWidgets, which the CLI does not link, so it runs the
// ledgerdesk-bench-ui program with the same arguments and passes its output and exit code on.
int benchUiCommand(CliContext &context, const QStringList &arguments);

// Where ledgerdesk-bench-ui is: next to the CLI when installed or packaged, or in the build
// tree's console folder. Empty when it is in neither.
QString benchUiProgram();

} // namespace Ledgerdesk::Cli
