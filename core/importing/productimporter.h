#pragma once

#include <core/error.h>
#include <core/importing/importreport.h>

#include <QCoreApplication>

class QIODevice;

namespace Ledgerdesk::Core {

class Store;

// Imports styles and variants from a Shopify product CSV, current (2024+) or legacy headers.
// Rows sharing a URL handle form one style; each row with a SKU is a variant. The whole file is
// validated first; a file with a bad row changes nothing unless applyValidRows is set.
class ProductImporter final
{
    Q_DECLARE_TR_FUNCTIONS(ProductImporter)

public:
    explicit ProductImporter(Store &store);

    Result<ImportReport> importFile(const QString &path, const ImportOptions &options);
    Result<ImportReport>
    importDevice(QIODevice &device, const QString &fileName, const ImportOptions &options);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
