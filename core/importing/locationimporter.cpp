#include "locationimporter.h"

#include <core/catalog/catalog.h>
#include <core/importing/csvinput.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QHash>

namespace Ledgerdesk::Core {

namespace {

struct PendingLocation
{
    Location location;
    bool exists = false;
};

} // namespace

LocationImporter::LocationImporter(Store &store)
    : m_store(store)
{}

Result<ImportReport> LocationImporter::importFile(const QString &path, const ImportOptions &options)
{
    return CsvInput::withFile(
        path, [&](QIODevice &device) { return importDevice(device, path, options); });
}

Result<ImportReport> LocationImporter::importDevice(QIODevice &device,
                                                    const QString &fileName,
                                                    const ImportOptions &options)
{
    ImportReport report;
    report.dryRun = options.dryRun;
    const auto input = CsvInput::read(device, fileName, report);
    if (!input) {
        return report;
    }
    const int codeColumn = input->column({"Code"});
    const int nameColumn = input->column({"Name"});
    const int kindColumn = input->column({"Kind"});
    if (!input->requireColumns(
            {{codeColumn, QStringLiteral("Code")}, {nameColumn, QStringLiteral("Name")}}, report)) {
        return report;
    }
    Catalog catalog(m_store);
    QList<PendingLocation> pending;
    QHash<QString, qint64> codeLines;
    QHash<QString, qint64> nameLines;
    for (const CsvRecord &row : input->rows()) {
        QList<ImportIssue> issues;
        Location location;
        location.code = CsvInput::cell(row, codeColumn);
        location.name = CsvInput::cell(row, nameColumn);
        const QString kind = CsvInput::cell(row, kindColumn);
        if (location.code.isEmpty()) {
            issues << input->issue(row.line, QStringLiteral("Code"), tr("the code is empty"));
        } else if (location.code.contains(u' ')) {
            issues << input->issue(row.line,
                                   QStringLiteral("Code"),
                                   tr("code \"%1\" contains a space").arg(location.code));
        } else if (codeLines.contains(location.code)) {
            issues << input->issue(row.line,
                                   QStringLiteral("Code"),
                                   tr("code \"%1\" already appears on line %2")
                                       .arg(location.code)
                                       .arg(codeLines.value(location.code)));
        }
        if (location.name.isEmpty()) {
            issues << input->issue(row.line, QStringLiteral("Name"), tr("the name is empty"));
        } else if (nameLines.contains(location.name)) {
            issues << input->issue(row.line,
                                   QStringLiteral("Name"),
                                   tr("name \"%1\" already appears on line %2")
                                       .arg(location.name)
                                       .arg(nameLines.value(location.name)));
        }
        if (!kind.isEmpty()) {
            const auto parsed = locationKindFromKey(kind.toLower());
            if (!parsed) {
                issues << input->issue(
                    row.line,
                    QStringLiteral("Kind"),
                    tr("kind \"%1\" is not one of warehouse, retail, 3pl, trade_show").arg(kind));
            } else {
                location.kind = *parsed;
            }
        }
        codeLines.insert(location.code, row.line);
        nameLines.insert(location.name, row.line);
        bool exists = false;
        if (issues.isEmpty()) {
            const auto byCode = catalog.locationByCodeOrName(location.code);
            const auto byName = catalog.locationByCodeOrName(location.name);
            if (!byCode || !byName) {
                return byCode ? byName.error() : byCode.error();
            }
            exists = byCode.value() && byCode.value()->code == location.code;
            if (byName.value() && byName.value()->code != location.code) {
                issues << input->issue(row.line,
                                       QStringLiteral("Name"),
                                       tr("name \"%1\" already belongs to location %2")
                                           .arg(location.name, byName.value()->code));
            }
        }
        if (!issues.isEmpty()) {
            report.issues << issues;
            ++report.rowsSkipped;
            continue;
        }
        pending << PendingLocation{location, exists};
        ++report.rowsApplied;
    }
    if ((report.hasIssues() && !options.applyValidRows) || options.dryRun) {
        if (!options.dryRun) {
            report.rowsApplied = 0;
        }
        for (const PendingLocation &p : std::as_const(pending)) {
            if (options.dryRun) {
                ++(p.exists ? report.locationsUpdated : report.locationsCreated);
            }
        }
        return report;
    }
    WriteTransaction tx(m_store.connection(), m_store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    for (const PendingLocation &p : std::as_const(pending)) {
        if (const auto saved = catalog.saveLocation(p.location); !saved) {
            return saved.error();
        }
        ++(p.exists ? report.locationsUpdated : report.locationsCreated);
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    report.written = true;
    return report;
}

} // namespace Ledgerdesk::Core
