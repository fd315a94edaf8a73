#pragma once

#include <app/cli/bench/benchrow.h>
#include <core/error.h>

#include <QList>
#include <QStringList>
#include <QTextStream>

namespace Ledgerdesk::Cli {

// Every figure next to its baseline, the ratio, the target and PASS/MISS (a miss is reported,
// it does not fail the run: benchmarks are not tests).
void printBenchTable(QTextStream &out, const QList<BenchRow> &rows, const QStringList &notes);

Core::Status
writeBenchJson(const QString &file, const QList<BenchRow> &rows, const QStringList &notes);

} // namespace Ledgerdesk::Cli
