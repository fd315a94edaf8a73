#pragma once

#include <core/catalog/product.h>
#include <core/domain/timestamp.h>

#include <QList>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

// The kinds of file a WMS drops into its outbound folder for us.
enum class WmsFileKind {
    Snapshot, // inventory_snapshot_*.csv: sku,location,on_hand,available,counted_at
    Shipment, // shipment_*.csv: order_reference,sku,quantity,location,shipped_at,carrier,tracking
    Receipt,  // receipt_*.csv: asn_reference,sku,quantity,location,received_at
};

QString wmsFileKindKey(WmsFileKind kind); // "snapshot", "shipment", "receipt"

// One checked row, already resolved against the catalogue.
struct WmsFileLine
{
    int line = 0; // physical line in the file (1-based)
    QString sku;
    QString locationCode;
    VariantId variantId = 0;
    LocationId locationId = 0;
    qint64 quantity = 0; // on_hand for snapshots, units shipped or received otherwise
    QString reference;   // order or ASN reference; empty for snapshots
    UtcMillis at = 0;    // counted_at, shipped_at or received_at
};

// A whole outbound file, parsed before anything is applied. `error` names the first bad line
// as "file:line: reason"; a file with an error is applied not at all.
struct WmsOutboundFile
{
    QString name;
    WmsFileKind kind = WmsFileKind::Snapshot;
    QList<WmsFileLine> lines;
    UtcMillis latestAt = 0;
    std::optional<QString> error;
};

} // namespace Ledgerdesk::Core
