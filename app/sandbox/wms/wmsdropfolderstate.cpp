// WmsDropFolder: inspection and persisted state, kept apart from the file-exchange logic.
#include "wmsdropfolder.h"

namespace Ledgerdesk::Sandbox {

QJsonObject WmsDropFolder::inspect() const
{
    QJsonObject perLocation;
    qint64 total = 0;
    for (auto it = m_stock.cbegin(); it != m_stock.cend(); ++it) {
        total += it->onHand;
        perLocation.insert(it.key().second,
                           perLocation.value(it.key().second).toInteger() + it->onHand);
    }
    qint64 incoming = 0;
    for (const PendingAsn &asn : m_pendingAsns) {
        incoming += asn.quantity;
    }
    const Counters &c = m_counters;
    return {
        {QStringLiteral("system"), QStringLiteral("wms")},
        {QStringLiteral("root"), m_root.absolutePath()},
        {QStringLiteral("seed"), qint64(m_seed)},
        {QStringLiteral("running"), m_timer.isActive()},
        {QStringLiteral("speed"), m_speed},
        {QStringLiteral("locations"), QJsonArray::fromStringList(m_locations)},
        {QStringLiteral("skuLocations"), m_stock.size()},
        {QStringLiteral("onHand"), total},
        {QStringLiteral("onHandByLocation"), perLocation},
        {QStringLiteral("pendingAsnLines"), m_pendingAsns.size()},
        {QStringLiteral("incoming"), incoming},
        {QStringLiteral("faults"), m_faults.toJson()},
        {QStringLiteral("counters"),
         QJsonObject{{QStringLiteral("pickTickets"), c.pickTickets},
                     {QStringLiteral("asns"), c.asns},
                     {QStringLiteral("asnLinesReceived"), c.asnLinesReceived},
                     {QStringLiteral("shipments"), c.shipments},
                     {QStringLiteral("unitsShipped"), c.unitsShipped},
                     {QStringLiteral("unitsShort"), c.unitsShort},
                     {QStringLiteral("snapshots"), c.snapshots},
                     {QStringLiteral("errorFiles"), c.errorFiles},
                     {QStringLiteral("duplicates"), c.duplicates},
                     {QStringLiteral("malformedWritten"), c.malformedWritten},
                     {QStringLiteral("driftedCounts"), c.driftedCounts}}},
        {QStringLiteral("driftEvents"), m_driftEvents},
    };
}

QJsonObject WmsDropFolder::saveState() const
{
    QJsonArray stock;
    for (auto it = m_stock.cbegin(); it != m_stock.cend(); ++it) {
        stock.append(QJsonArray{it.key().first, it.key().second, it->onHand, it->held});
    }
    QJsonArray pending;
    for (const PendingAsn &asn : m_pendingAsns) {
        pending.append(QJsonArray{asn.reference,
                                  asn.sku,
                                  asn.quantity,
                                  asn.location,
                                  asn.expectedAt.toString(Qt::ISODateWithMs)});
    }
    QStringList files(m_processedFiles.cbegin(), m_processedFiles.cend());
    QStringList references(m_processedReferences.cbegin(), m_processedReferences.cend());
    files.sort();
    references.sort();
    return {{QStringLiteral("format"), QStringLiteral("ledgerdesk-sandbox-wms")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("stock"), stock},
            {QStringLiteral("pendingAsns"), pending},
            {QStringLiteral("processedFiles"), QJsonArray::fromStringList(files)},
            {QStringLiteral("processedReferences"), QJsonArray::fromStringList(references)},
            {QStringLiteral("shipmentSequence"), m_shipmentSequence},
            {QStringLiteral("driftEvents"), m_driftEvents}};
}

bool WmsDropFolder::loadState(const QJsonObject &state)
{
    if (state.value(QStringLiteral("format")).toString() != u"ledgerdesk-sandbox-wms"
        || state.value(QStringLiteral("version")).toInt() != 1) {
        return false;
    }
    QMap<QPair<QString, QString>, Stock> stock;
    for (const QJsonValue &value : state.value(QStringLiteral("stock")).toArray()) {
        const QJsonArray row = value.toArray();
        if (row.size() != 4 || !m_skus.contains(row.at(0).toString())
            || !m_locations.contains(row.at(1).toString()) || row.at(2).toInteger(-1) < 0
            || row.at(3).toInteger(-1) < 0) {
            return false;
        }
        stock.insert({row.at(0).toString(), row.at(1).toString()},
                     Stock{row.at(2).toInteger(), row.at(3).toInteger()});
    }
    if (stock.isEmpty()) {
        return false;
    }
    QList<PendingAsn> pending;
    for (const QJsonValue &value : state.value(QStringLiteral("pendingAsns")).toArray()) {
        const QJsonArray row = value.toArray();
        const QDateTime expected = QDateTime::fromString(row.at(4).toString(), Qt::ISODateWithMs);
        if (row.size() != 5 || !expected.isValid() || row.at(2).toInteger(0) <= 0) {
            return false;
        }
        pending << PendingAsn{row.at(0).toString(),
                              row.at(1).toString(),
                              row.at(2).toInteger(),
                              row.at(3).toString(),
                              expected.toUTC()};
    }
    QSet<QString> files;
    for (const QJsonValue &value : state.value(QStringLiteral("processedFiles")).toArray()) {
        files.insert(value.toString());
    }
    QSet<QString> references;
    for (const QJsonValue &value : state.value(QStringLiteral("processedReferences")).toArray()) {
        references.insert(value.toString());
    }
    m_stock = stock;
    m_pendingAsns = pending;
    m_processedFiles = files;
    m_processedReferences = references;
    m_shipmentSequence = state.value(QStringLiteral("shipmentSequence")).toInt();
    m_driftEvents = state.value(QStringLiteral("driftEvents")).toArray();
    return true;
}

} // namespace Ledgerdesk::Sandbox
