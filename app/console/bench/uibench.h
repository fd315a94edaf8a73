#pragma once

#include <app/cli/bench/benchrow.h>
#include <core/error.h>
#include <core/ledger/availability.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {
class AvailabilityPage;
}

namespace Ledgerdesk::Bench {

class RawStatement;
class StallProbe;

struct UiBenchOptions
{
    qint64 variants = 200000;
    qint64 locations = 5;
    QString ledgerPath;
    QString settingsDir; // the window's QSettings go here, never to the user's

    qint64 balances() const { return variants * locations; }
};

// Builds a ledger of variants × locations balances quickly (set-based SQL, one transaction),
// with titles made of a few words so a title search finds a share of the styles.
Core::Status buildUiBenchLedger(const UiBenchOptions &options);

// Opens the real main window on the ledger and times what a person does on the availability
// page, each next to the raw SQLite statements behind it, with a stall probe running throughout.
class UiBench final
{
public:
    static constexpr double kFirstPaintGoalMs = 50;
    static constexpr double kActionGoalMs = 100;
    static constexpr double kStallGoalMs = 50;
    static constexpr double kSearchGoalMs = 50;

    UiBench(UiBenchOptions options, QTextStream &progress);

    Core::Status run();

    const QList<Cli::BenchRow> &rows() const { return m_rows; }

    const QStringList &notes() const { return m_notes; }

private:
    struct Baseline
    {
        double ms = 0;
        qint64 rows = 0;
    };

    Core::Result<Baseline> baseline(RawStatement &raw,
                                    const Core::AvailabilityFilter &filter,
                                    Core::AvailabilitySort sort,
                                    bool descending,
                                    bool atEnd);
    Core::Status measureWindow(Core::Store &store, RawStatement &raw, StallProbe &probe);
    // Runs `action`, then waits until the table has painted the rows in sight; milliseconds.
    Core::Result<double> timeUntilPainted(Ui::AvailabilityPage &page,
                                          const std::function<void()> &action,
                                          bool wantLastRow);
    void add(const QString &figure,
             double ms,
             const Core::Result<Baseline> &base,
             double goal,
             double stallMs);

    UiBenchOptions m_options;
    QTextStream &m_progress;
    QList<Cli::BenchRow> m_rows;
    QStringList m_notes;
};

} // namespace Ledgerdesk::Bench
