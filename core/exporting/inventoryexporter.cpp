#include "inventoryexporter.h"

#include <core/catalog/catalog.h>
#include <core/io/csvwriter.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QHash>
#include <QPair>

namespace Ledgerdesk::Core {

namespace {

constexpr const char *kHeader[] = {
    "Handle",
    "Title",
    "Option1 Name",
    "Option1 Value",
    "Option2 Name",
    "Option2 Value",
    "Option3 Name",
    "Option3 Value",
    "SKU",
    "HS Code",
    "COO",
    "Location",
    "Bin name",
    "Incoming (not editable)",
    "Unavailable (not editable)",
    "Committed (not editable)",
    "Available (not editable)",
    "On hand (current)",
    "On hand (new)",
};

using Key = QPair<VariantId, LocationId>;

Result<QHash<Key, Quantities>> allBalances(Store &store)
{
    auto q = runQuery(store.connection(),
                      QStringLiteral("SELECT variant_id, location_id, available, committed, "
                                     "reserved, damaged, quality_control, safety_stock, incoming "
                                     "FROM balances"));
    if (!q) {
        return q.error();
    }
    QHash<Key, Quantities> balances;
    while (q.value().next()) {
        Quantities quantities;
        for (int i = 0; i < kStoredQuantityCount; ++i) {
            quantities.values[static_cast<std::size_t>(i)] = q.value().value(2 + i).toLongLong();
        }
        balances.insert(Key(q.value().value(0).toLongLong(), q.value().value(1).toLongLong()),
                        quantities);
    }
    return balances;
}

} // namespace

InventoryExporter::InventoryExporter(Store &store)
    : m_store(store)
{}

QStringList InventoryExporter::header()
{
    QStringList names;
    for (const char *name : kHeader) {
        names << QString::fromLatin1(name);
    }
    return names;
}

QStringList InventoryExporter::row(const Style &style,
                                   const Variant &variant,
                                   const QString &locationName,
                                   const std::optional<Quantities> &balance,
                                   bool fillOnHandNew)
{
    QStringList cells{style.handle, style.title};
    for (const VariantOption &option : variant.options) {
        cells << option.name << option.value;
    }
    cells << variant.sku << QString() << QString() << locationName << QString();
    if (!balance) {
        const QString notStocked = QStringLiteral("not stocked");
        cells << notStocked << notStocked << notStocked << notStocked << notStocked
              << (fillOnHandNew ? notStocked : QString());
        return cells;
    }
    const Quantities &q = *balance;
    const qint64 unavailable = q.onHand() - q.available() - q.committed();
    cells << QString::number(q.incoming()) << QString::number(unavailable)
          << QString::number(q.committed()) << QString::number(q.available())
          << QString::number(q.onHand())
          << (fillOnHandNew ? QString::number(q.onHand()) : QString());
    return cells;
}

Result<qint64> InventoryExporter::write(QIODevice &device, bool fillOnHandNew)
{
    Catalog catalog(m_store);
    const auto styles = catalog.styles();
    const auto locations = catalog.locations();
    const auto balances = allBalances(m_store);
    if (!styles || !locations || !balances) {
        return !styles ? styles.error() : !locations ? locations.error() : balances.error();
    }
    CsvWriter writer(device);
    writer.writeRecord(header());
    for (const Style &style : styles.value()) {
        const auto variants = catalog.variantsOfStyle(style.id);
        if (!variants) {
            return variants.error();
        }
        for (const Variant &variant : variants.value()) {
            for (const Location &location : locations.value()) {
                const auto found = balances.value().constFind(Key(variant.id, location.id));
                writer.writeRecord(row(style,
                                       variant,
                                       location.name,
                                       found == balances.value().constEnd()
                                           ? std::nullopt
                                           : std::optional<Quantities>(*found),
                                       fillOnHandNew));
            }
        }
    }
    if (const Status written = writer.status(); !written) {
        return written.error();
    }
    return writer.recordsWritten() - 1;
}

} // namespace Ledgerdesk::Core
