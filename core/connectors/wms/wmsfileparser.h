#pragma once

#include <core/catalog/catalog.h>
#include <core/connectors/wms/wmsoutboundfile.h>
#include <core/error.h>

#include <QCoreApplication>
#include <QHash>

class QIODevice;

namespace Ledgerdesk::Core {

class Store;

// Reads one outbound file completely and checks every row (header, SKU, location, whole
// numbers, timestamps) before anything is applied. Catalogue lookups are cached per parser.
class WmsFileParser final
{
    Q_DECLARE_TR_FUNCTIONS(WmsFileParser)

public:
    explicit WmsFileParser(Store &store);

    // The kind a file name announces, or nothing for names that are not ours to read.
    static std::optional<WmsFileKind> kindOf(const QString &fileName);
    static QStringList header(WmsFileKind kind);

    // A format problem lands in the returned file's `error`; an error result means the ledger
    // could not be read (the file is left for the next cycle).
    Result<WmsOutboundFile> parse(const QString &fileName, WmsFileKind kind, QIODevice &device);

private:
    // Empty reason when the row is good; fills `line`.
    Result<QString> checkRow(WmsFileKind kind, const QStringList &fields, WmsFileLine &line);
    Result<VariantId> variantId(const QString &sku);
    Result<LocationId> locationId(const QString &code);

    Catalog m_catalog;
    QHash<QString, VariantId> m_variants;   // 0 = not in the catalogue
    QHash<QString, LocationId> m_locations; // 0 = not in the catalogue
};

} // namespace Ledgerdesk::Core
