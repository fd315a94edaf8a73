#pragma once

#include <core/error.h>
#include <core/importing/importreport.h>

#include <QCoreApplication>

class QIODevice;

namespace Ledgerdesk::Core {

class Store;

// Applies a Shopify inventory CSV (2024 layout). Like Shopify, only "On hand (new)" is applied and
// available absorbs the difference. Each applied row is one `count` posting whose reference is
// the file's hash and line, so importing the same file again changes nothing. The whole file is
// validated first; a file with a bad row changes nothing unless applyValidRows is set.
class InventoryImporter final
{
    Q_DECLARE_TR_FUNCTIONS(InventoryImporter)

public:
    explicit InventoryImporter(Store &store);

    Result<ImportReport> importFile(const QString &path, const ImportOptions &options);
    Result<ImportReport>
    importDevice(QIODevice &device, const QString &fileName, const ImportOptions &options);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
