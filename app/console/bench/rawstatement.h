#pragma once

#include <core/error.h>
#include <core/ledger/availability.h>

#include <QString>

struct sqlite3;

namespace Ledgerdesk::Bench {

// The baseline: a statement the console runs, prepared, bound and stepped through SQLite's C API
// on a connection of its own, every column read, with nothing of Qt or the window around it.
class RawStatement final
{
public:
    RawStatement() = default;
    ~RawStatement();
    Q_DISABLE_COPY_MOVE(RawStatement)

    Core::Status open(const QString &path);
    // Milliseconds from prepare to the last row, best of `runs`.
    Core::Result<double> time(const Core::AvailabilityStatement &statement, int runs = 3);
    // The first column of the first row as a number (for counts).
    Core::Result<qint64> scalar(const Core::AvailabilityStatement &statement);

private:
    Core::Result<qint64> run(const Core::AvailabilityStatement &statement);

    sqlite3 *m_db = nullptr;
};

} // namespace Ledgerdesk::Bench
