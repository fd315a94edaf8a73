#pragma once

#include <app/cli/bench/benchdata.h>
#include <app/cli/bench/benchoptions.h>
#include <app/cli/bench/benchrow.h>
#include <core/error.h>

#include <QList>
#include <QStringList>
#include <QTextStream>

namespace Ledgerdesk::Cli {

// `bench ledger`: measures the disk, the raw SQLite engine and the app's own ledger path on the
// same schema in one run, so every figure can be read as a ratio to a baseline taken alongside it.
class BenchLedger final
{
public:
    BenchLedger(BenchOptions options, QTextStream &log);

    Core::Status run();

    const QList<BenchRow> &rows() const { return m_rows; }

    const QStringList &notes() const { return m_notes; }

    const BenchOptions &options() const { return m_options; }

private:
    QString path(const QString &name) const;
    void fitToDisk();
    Core::Status measureFsync();
    Core::Status measureCommits();
    Core::Status measureBulk();
    Core::Status measureLookups(); // benchreads.cpp
    Core::Status measureReport();  // benchreads.cpp

    BenchOptions m_options;
    BenchShape m_shape;
    QTextStream &m_log;
    QList<BenchRow> m_rows;
    QStringList m_notes;
    double m_fsyncP50 = 0;
};

} // namespace Ledgerdesk::Cli
