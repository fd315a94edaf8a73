#include "inventorykey.h"

namespace Ledgerdesk::Core {

QString InventoryKey::toString() const
{
    return sku + u'@' + locationCode + u':' + quantityNameKey(name);
}

std::optional<InventoryKey> InventoryKey::parse(QStringView text)
{
    // SKUs may contain '@' or ':', so split on the last of each.
    const qsizetype colon = text.lastIndexOf(u':');
    const qsizetype at = colon > 0 ? text.left(colon).lastIndexOf(u'@') : -1;
    if (at <= 0 || colon <= at + 1 || colon == text.size() - 1) {
        return std::nullopt;
    }
    const auto name = quantityNameFromKey(text.mid(colon + 1));
    if (!name) {
        return std::nullopt;
    }
    return InventoryKey{
        text.left(at).toString(), text.mid(at + 1, colon - at - 1).toString(), *name};
}

} // namespace Ledgerdesk::Core
