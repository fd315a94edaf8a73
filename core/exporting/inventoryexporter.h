#pragma once

#include <core/catalog/product.h>
#include <core/domain/quantities.h>
#include <core/error.h>

#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QIODevice;

namespace Ledgerdesk::Core {

class Store;

// Writes balances as a Shopify inventory CSV (2024 layout): one row per variant and location,
// "not stocked" where the ledger has never held the variant there.
class InventoryExporter final
{
    Q_DECLARE_TR_FUNCTIONS(InventoryExporter)

public:
    explicit InventoryExporter(Store &store);

    // With fillOnHandNew, "On hand (new)" repeats the current value so the file re-imports as is;
    // otherwise it is left empty for a person to fill in, as Shopify does.
    Result<qint64> write(QIODevice &device, bool fillOnHandNew = false);

    static QStringList header();
    static QStringList row(const Style &style,
                           const Variant &variant,
                           const QString &locationName,
                           const std::optional<Quantities> &balance,
                           bool fillOnHandNew);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
