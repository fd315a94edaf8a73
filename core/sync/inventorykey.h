#pragma once

#include <core/domain/quantities.h>

#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

// Names one synced inventory figure: "SKU@LOCATION:quantity_name", e.g.
// "FJ100-NAV-M@WH-EAST:on_hand".
struct InventoryKey
{
    QString sku;
    QString locationCode;
    QuantityName name = QuantityName::OnHand;

    QString toString() const;
    static std::optional<InventoryKey> parse(QStringView text);
};

} // namespace Ledgerdesk::Core
