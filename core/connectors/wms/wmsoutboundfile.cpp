#include "wmsoutboundfile.h"

namespace Ledgerdesk::Core {

QString wmsFileKindKey(WmsFileKind kind)
{
    switch (kind) {
    case WmsFileKind::Snapshot:
        return QStringLiteral("snapshot");
    case WmsFileKind::Shipment:
        return QStringLiteral("shipment");
    case WmsFileKind::Receipt:
        return QStringLiteral("receipt");
    }
    return QStringLiteral("snapshot");
}

} // namespace Ledgerdesk::Core
