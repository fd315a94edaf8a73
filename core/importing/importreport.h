#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace Ledgerdesk::Core {

// One problem with an input file, located so a person can find and fix it.
struct ImportIssue
{
    QString file;    // the file's name as the user gave it
    qint64 line = 0; // physical line where the record starts; 0 = the file as a whole
    QString field;   // the column involved, empty when the whole row or file is at fault
    QString reason;

    QString toString() const; // "file:line: reason"
};

struct ImportReport
{
    QString file;
    qint64 rowsRead = 0;      // data rows, header excluded
    qint64 rowsApplied = 0;   // rows that changed (or would change, in a dry run) the ledger
    qint64 rowsUnchanged = 0; // valid rows with nothing to do (same value, not stocked, empty)
    qint64 rowsSkipped = 0;   // rows with an issue, not applied
    qint64 rowsAlreadyImported = 0;
    qint64 stylesCreated = 0;
    qint64 stylesUpdated = 0;
    qint64 variantsCreated = 0;
    qint64 variantsUpdated = 0;
    qint64 locationsCreated = 0;
    qint64 locationsUpdated = 0;
    qint64 postings = 0;
    bool fileError = false; // the file itself is unusable; nothing was applied
    bool written = false;   // the ledger was changed
    bool dryRun = false;
    QList<ImportIssue> issues;

    bool hasIssues() const { return !issues.isEmpty(); }

    QString summary() const; // one line for people
};

// Called with (rows done, rows total); return false to cancel.
using ImportProgress = std::function<bool(qint64, qint64)>;

struct ImportOptions
{
    bool applyValidRows = false;  // apply the good rows of a file that has bad ones
    bool dryRun = false;          // validate and count, write nothing
    bool createLocations = false; // inventory: create unknown locations instead of failing
    QString currency = QStringLiteral("USD");
    QString actor = QStringLiteral("import");
    ImportProgress progress;
};

} // namespace Ledgerdesk::Core
