#include "locationexporter.h"

#include <core/catalog/catalog.h>
#include <core/io/csvwriter.h>

namespace Ledgerdesk::Core {

LocationExporter::LocationExporter(Store &store)
    : m_store(store)
{}

QStringList LocationExporter::header()
{
    return {QStringLiteral("Code"), QStringLiteral("Name"), QStringLiteral("Kind")};
}

QStringList LocationExporter::row(const Location &location)
{
    return {location.code, location.name, locationKindKey(location.kind)};
}

Result<qint64> LocationExporter::write(QIODevice &device)
{
    const auto locations = Catalog(m_store).locations();
    if (!locations) {
        return locations.error();
    }
    CsvWriter writer(device);
    writer.writeRecord(header());
    for (const Location &location : locations.value()) {
        writer.writeRecord(row(location));
    }
    if (const Status written = writer.status(); !written) {
        return written.error();
    }
    return writer.recordsWritten() - 1;
}

} // namespace Ledgerdesk::Core
