#include "product.h"

namespace Ledgerdesk::Core {

QString locationKindKey(LocationKind kind)
{
    switch (kind) {
    case LocationKind::Warehouse:
        return QStringLiteral("warehouse");
    case LocationKind::Retail:
        return QStringLiteral("retail");
    case LocationKind::ThirdPartyLogistics:
        return QStringLiteral("3pl");
    case LocationKind::TradeShow:
        return QStringLiteral("trade_show");
    }
    return QStringLiteral("warehouse");
}

std::optional<LocationKind> locationKindFromKey(QStringView key)
{
    for (const auto kind : {LocationKind::Warehouse,
                            LocationKind::Retail,
                            LocationKind::ThirdPartyLogistics,
                            LocationKind::TradeShow}) {
        if (key.compare(locationKindKey(kind), Qt::CaseInsensitive) == 0) {
            return kind;
        }
    }
    return std::nullopt;
}

} // namespace Ledgerdesk::Core
