#include "outboxkinds.h"

namespace Ledgerdesk::Core {

const QList<OutboxKind> &outboxKinds()
{
    using namespace OutboxKinds;
    static const QList<OutboxKind> kinds{
        {kInventorySet,
         QStringLiteral("shopify"),
         QStringLiteral("inventoryItemId, locationId, sku, location, name, quantity, "
                        "changeFromQuantity (compare-and-swap)")},
        {kFulfillmentCreate, QStringLiteral("shopify"), QStringLiteral("order, lines")},
        {kInventoryAdjust, QStringLiteral("erp"), QStringLiteral("sku, location, delta, memo")},
        {kSalesOrderCreate, QStringLiteral("erp"), QStringLiteral("order, customer, lines")},
        {kPickCreate, QStringLiteral("wms"), QStringLiteral("order, lines (a pick ticket file)")},
    };
    return kinds;
}

bool isDeliverable(const QString &target, const QString &kind)
{
    for (const OutboxKind &k : outboxKinds()) {
        if (k.target == target && k.name == kind) {
            return true;
        }
    }
    return false;
}

std::optional<QString> inventoryPushKind(const QString &system)
{
    if (system == u"shopify") {
        return OutboxKinds::kInventorySet;
    }
    if (system == u"erp") {
        return OutboxKinds::kInventoryAdjust;
    }
    return std::nullopt;
}

} // namespace Ledgerdesk::Core
