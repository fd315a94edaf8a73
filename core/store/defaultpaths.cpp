#include "defaultpaths.h"

#include <QDir>
#include <QStandardPaths>

namespace Ledgerdesk::Core {

QString defaultLedgerPath()
{
    const QString fromEnvironment = qEnvironmentVariable("LEDGERDESK_LEDGER");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("ledger.db"));
}

} // namespace Ledgerdesk::Core
