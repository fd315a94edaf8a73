#include "importreport.h"

#include <QStringList>

namespace Ledgerdesk::Core {

QString ImportIssue::toString() const
{
    const QString where = line > 0 ? file + u':' + QString::number(line) : file;
    const QString what = field.isEmpty() ? reason : field + QStringLiteral(": ") + reason;
    return where + QStringLiteral(": ") + what;
}

QString ImportReport::summary() const
{
    QStringList parts;
    parts << QStringLiteral("%1 rows read").arg(rowsRead);
    parts << QStringLiteral("%1 %2")
                 .arg(rowsApplied)
                 .arg(dryRun ? QStringLiteral("would apply") : QStringLiteral("applied"));
    if (rowsUnchanged > 0) {
        parts << QStringLiteral("%1 unchanged").arg(rowsUnchanged);
    }
    if (rowsAlreadyImported > 0) {
        parts << QStringLiteral("%1 already imported").arg(rowsAlreadyImported);
    }
    if (rowsSkipped > 0) {
        parts << QStringLiteral("%1 with errors").arg(rowsSkipped);
    }
    const auto counted = [&parts](qint64 created, qint64 updated, const char *noun) {
        if (created > 0 || updated > 0) {
            parts << QStringLiteral("%1: %2 new, %3 updated")
                         .arg(QLatin1String(noun))
                         .arg(created)
                         .arg(updated);
        }
    };
    counted(stylesCreated, stylesUpdated, "styles");
    counted(variantsCreated, variantsUpdated, "variants");
    counted(locationsCreated, locationsUpdated, "locations");
    if (postings > 0) {
        parts << QStringLiteral("%1 postings").arg(postings);
    }
    QString text = file + QStringLiteral(": ") + parts.join(QStringLiteral(", "));
    if (dryRun) {
        text += QStringLiteral("; dry run, nothing was changed");
    } else if (fileError || (hasIssues() && !written)) {
        text += QStringLiteral("; nothing was changed");
    }
    return text;
}

} // namespace Ledgerdesk::Core
