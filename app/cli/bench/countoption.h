#pragma once

#include <QCommandLineParser>
#include <QTextStream>

namespace Ledgerdesk::Cli {

// Reads a positive count option into `target` when it is set; returns false after printing why
// when it is not a positive whole number.
bool readCount(QTextStream &err,
               const QCommandLineParser &parser,
               const QCommandLineOption &option,
               qint64 &target);

} // namespace Ledgerdesk::Cli
