#include "wmsfileparser.h"

#include <core/domain/quantities.h>
#include <core/io/csvreader.h>

#include <QSet>

namespace Ledgerdesk::Core {

WmsFileParser::WmsFileParser(Store &store)
    : m_catalog(store)
{}

std::optional<WmsFileKind> WmsFileParser::kindOf(const QString &fileName)
{
    if (fileName.startsWith(u'.') || !fileName.endsWith(QLatin1String(".csv"))) {
        return std::nullopt; // a writer's temporary name, or not a data file
    }
    if (fileName.startsWith(QLatin1String("inventory_snapshot_"))) {
        return WmsFileKind::Snapshot;
    }
    if (fileName.startsWith(QLatin1String("shipment_"))) {
        return WmsFileKind::Shipment;
    }
    if (fileName.startsWith(QLatin1String("receipt_"))) {
        return WmsFileKind::Receipt;
    }
    return std::nullopt;
}

QStringList WmsFileParser::header(WmsFileKind kind)
{
    switch (kind) {
    case WmsFileKind::Snapshot:
        return {QStringLiteral("sku"),
                QStringLiteral("location"),
                QStringLiteral("on_hand"),
                QStringLiteral("available"),
                QStringLiteral("counted_at")};
    case WmsFileKind::Shipment:
        return {QStringLiteral("order_reference"),
                QStringLiteral("sku"),
                QStringLiteral("quantity"),
                QStringLiteral("location"),
                QStringLiteral("shipped_at"),
                QStringLiteral("carrier"),
                QStringLiteral("tracking")};
    case WmsFileKind::Receipt:
        return {QStringLiteral("asn_reference"),
                QStringLiteral("sku"),
                QStringLiteral("quantity"),
                QStringLiteral("location"),
                QStringLiteral("received_at")};
    }
    return {};
}

Result<WmsOutboundFile>
WmsFileParser::parse(const QString &fileName, WmsFileKind kind, QIODevice &device)
{
    WmsOutboundFile file;
    file.name = fileName;
    file.kind = kind;
    const auto fail = [&](qint64 line, const QString &reason) {
        file.lines.clear();
        file.error = QStringLiteral("%1:%2: %3").arg(fileName).arg(line).arg(reason);
        return file;
    };
    CsvReader reader(device);
    CsvRecord record;
    const QStringList expected = header(kind);
    if (!reader.readRecord(record)) {
        return reader.hasError() ? fail(reader.errorLine(), reader.error().message)
                                 : fail(1,
                                        tr("the file is empty; expected the header \"%1\"")
                                            .arg(expected.join(u',')));
    }
    QStringList given;
    for (const QString &name : std::as_const(record.fields)) {
        given << name.trimmed().toLower();
    }
    if (given != expected) {
        return fail(record.line,
                    tr("the header must be \"%1\", found \"%2\"")
                        .arg(expected.join(u','), record.fields.join(u',')));
    }
    QSet<QString> seen;
    while (reader.readRecord(record)) {
        WmsFileLine line;
        line.line = static_cast<int>(record.line);
        const auto reason = checkRow(kind, record.fields, line);
        if (!reason) {
            return reason.error();
        }
        if (!reason.value().isEmpty()) {
            return fail(record.line, reason.value());
        }
        // A count names each SKU-location once; a shipment each order line once.
        const QString key = line.reference + u'\n' + line.sku + u'\n' + line.locationCode;
        if (seen.contains(key)) {
            return fail(record.line,
                        tr("%1 at %2 appears twice in the file").arg(line.sku, line.locationCode));
        }
        seen.insert(key);
        file.latestAt = std::max(file.latestAt, line.at);
        file.lines << line;
    }
    if (reader.hasError()) {
        return fail(reader.errorLine(), reader.error().message);
    }
    if (file.lines.isEmpty()) {
        return fail(2, tr("the file has no rows"));
    }
    return file;
}

Result<QString>
WmsFileParser::checkRow(WmsFileKind kind, const QStringList &fields, WmsFileLine &line)
{
    const QStringList expected = header(kind);
    if (fields.size() != expected.size()) {
        return tr("expected %1 fields, found %2").arg(expected.size()).arg(fields.size());
    }
    const bool snapshot = kind == WmsFileKind::Snapshot;
    const int skuColumn = snapshot ? 0 : 1;
    const int locationColumn = snapshot ? 1 : 3;
    const int quantityColumn = 2;
    const int atColumn = 4;
    line.sku = fields.at(skuColumn).trimmed();
    line.locationCode = fields.at(locationColumn).trimmed();
    if (!snapshot) {
        line.reference = fields.at(0).trimmed();
        if (line.reference.isEmpty()) {
            return tr("%1 is empty").arg(expected.at(0));
        }
    }
    const auto variant = variantId(line.sku);
    if (!variant) {
        return variant.error();
    }
    if (variant.value() == 0) {
        return tr("unknown SKU \"%1\"").arg(line.sku);
    }
    const auto location = locationId(line.locationCode);
    if (!location) {
        return location.error();
    }
    if (location.value() == 0) {
        return tr("unknown location \"%1\"").arg(line.locationCode);
    }
    line.variantId = variant.value();
    line.locationId = location.value();
    bool numeric = false;
    line.quantity = fields.at(quantityColumn).trimmed().toLongLong(&numeric);
    if (!numeric) {
        return tr("%1 \"%2\" is not a whole number")
            .arg(expected.at(quantityColumn), fields.at(quantityColumn));
    }
    // A shipment line may ship nothing (the WMS was short); a receipt always brings units.
    const qint64 minimum = kind == WmsFileKind::Receipt ? 1 : 0;
    if (line.quantity < minimum || line.quantity > kMaxAbsoluteQuantity) {
        return tr("%1 %2 must be between %3 and %4")
            .arg(expected.at(quantityColumn))
            .arg(line.quantity)
            .arg(minimum)
            .arg(kMaxAbsoluteQuantity);
    }
    if (snapshot) {
        fields.at(3).trimmed().toLongLong(&numeric);
        if (!numeric) {
            return tr("available \"%1\" is not a whole number").arg(fields.at(3));
        }
    }
    const auto at = parseIsoTimestamp(fields.at(atColumn).trimmed());
    if (!at) {
        return tr("%1 \"%2\" is not an ISO-8601 timestamp with a zone")
            .arg(expected.at(atColumn), fields.at(atColumn));
    }
    line.at = at.value();
    return QString();
}

Result<VariantId> WmsFileParser::variantId(const QString &sku)
{
    if (const auto it = m_variants.constFind(sku); it != m_variants.constEnd()) {
        return it.value();
    }
    const auto found = m_catalog.variantBySku(sku);
    if (!found) {
        return found.error();
    }
    const VariantId id = found.value() ? found.value()->id : 0;
    m_variants.insert(sku, id);
    return id;
}

Result<LocationId> WmsFileParser::locationId(const QString &code)
{
    if (const auto it = m_locations.constFind(code); it != m_locations.constEnd()) {
        return it.value();
    }
    const auto found = m_catalog.locationByCodeOrName(code);
    if (!found) {
        return found.error();
    }
    // The file names locations by code; a name that happens to match is not enough.
    const LocationId id = found.value() && found.value()->code == code ? found.value()->id : 0;
    m_locations.insert(code, id);
    return id;
}

} // namespace Ledgerdesk::Core
