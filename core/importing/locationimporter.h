#pragma once

#include <core/error.h>
#include <core/importing/importreport.h>

#include <QCoreApplication>

class QIODevice;

namespace Ledgerdesk::Core {

class Store;

// Imports locations from Ledgerdesk's own small CSV: Code,Name,Kind (kind: warehouse, retail,
// 3pl or trade_show; warehouse when empty). Existing codes are updated. The whole file is
// validated first; a file with a bad row changes nothing unless applyValidRows is set.
class LocationImporter final
{
    Q_DECLARE_TR_FUNCTIONS(LocationImporter)

public:
    explicit LocationImporter(Store &store);

    Result<ImportReport> importFile(const QString &path, const ImportOptions &options);
    Result<ImportReport>
    importDevice(QIODevice &device, const QString &fileName, const ImportOptions &options);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
