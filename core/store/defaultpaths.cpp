#include "defaultpaths.h"

#include <QDir>
#include <QFileInfo>
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

QString defaultConnectionBookPath()
{
    return QFileInfo(defaultLedgerPath()).dir().filePath(QStringLiteral("connections.json"));
}

} // namespace Ledgerdesk::Core
