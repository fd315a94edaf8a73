#include "wmsdropfolder.h"

#include "wmscsv.h"

#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

namespace Ledgerdesk::Sandbox {

namespace {

Q_LOGGING_CATEGORY(lcWms, "ledgerdesk.sandbox.wms")

const QString kInbound = QStringLiteral("inbound");
const QString kOutbound = QStringLiteral("outbound");
const QString kArchive = QStringLiteral("archive");
const QString kErrorSuffix = QStringLiteral(".error.txt");

QString fileSafe(const QString &text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_-]"));
    QString safe = text;
    return safe.replace(unsafe, QStringLiteral("_"));
}

} // namespace

WmsDropFolder::WmsDropFolder(const Core::DemoCatalog &catalog,
                             const QString &rootFolder,
                             quint32 seed,
                             QObject *parent)
    : QObject(parent)
    , m_root(rootFolder)
    , m_rng(seed ^ 0x574d5321u)
    , m_seed(seed)
{
    QList<int> run;
    for (int l = 0; l < catalog.locations().size(); ++l) {
        const Core::LocationKind kind = catalog.locations().at(l).kind;
        if (kind == Core::LocationKind::Warehouse
            || kind == Core::LocationKind::ThirdPartyLogistics) {
            run << l;
            m_locations << catalog.locations().at(l).code;
        }
    }
    for (int s = 0; s < catalog.styles().size(); ++s) {
        const QList<Core::DemoVariant> &variants = catalog.styles().at(s).variants;
        for (int v = 0; v < variants.size(); ++v) {
            m_skus.insert(variants.at(v).sku);
            for (const int l : run) {
                Stock stock;
                stock.onHand = catalog.startingOnHand(s, v, l);
                stock.held = stock.onHand > 10 && m_rng.bounded(20) == 0 ? 1 + m_rng.bounded(3) : 0;
                m_stock.insert({variants.at(v).sku, catalog.locations().at(l).code}, stock);
            }
        }
    }
    m_timer.setInterval(kPollPeriodMs);
    connect(&m_timer, &QTimer::timeout, this, &WmsDropFolder::tick);
}

void WmsDropFolder::setFaults(const WmsFaults &faults)
{
    m_faults = faults;
}

void WmsDropFolder::setSpeed(double factor)
{
    m_speed = std::clamp(factor, 0.01, 10000.0);
    m_timer.setInterval(std::max(10, int(kPollPeriodMs / m_speed)));
}

void WmsDropFolder::start()
{
    if (!ensureFolders()) {
        qCWarning(lcWms) << "cannot create the drop folder under" << m_root.absolutePath();
        return;
    }
    m_sinceTick.start();
    m_businessSinceSnapshotMs = 0;
    m_timer.start();
    writeSnapshotNow();
}

void WmsDropFolder::stop()
{
    m_timer.stop();
}

void WmsDropFolder::tick()
{
    m_businessSinceSnapshotMs += double(m_sinceTick.restart()) * m_speed;
    processNow();
    if (m_businessSinceSnapshotMs >= double(kSnapshotPeriodMs)) {
        m_businessSinceSnapshotMs = 0;
        writeSnapshotNow();
    }
}

bool WmsDropFolder::ensureFolders()
{
    return m_root.mkpath(kInbound) && m_root.mkpath(kOutbound) && m_root.mkpath(kArchive);
}

QString WmsDropFolder::timestamp() const
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

void WmsDropFolder::processNow()
{
    if (m_faults.down || !ensureFolders()) {
        return;
    }
    QDir inbound(m_root.filePath(kInbound));
    const QStringList names = inbound.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        if (name.startsWith(u'.') || inbound.exists(name + kErrorSuffix)) {
            continue; // a temp file of a sender, or already answered with an error
        }
        consume(name);
    }
    receiveDueAsns();
}

void WmsDropFolder::consume(const QString &fileName)
{
    const bool pick = fileName.startsWith(QStringLiteral("pick_"));
    const bool asn = fileName.startsWith(QStringLiteral("asn_"));
    if (!pick && !asn) {
        writeError(fileName,
                   {tr("line 0: unknown file kind; inbound files are pick_*.csv or asn_*.csv")});
        return;
    }
    if (m_processedFiles.contains(fileName)) {
        ++m_counters.duplicates;
        archive(fileName);
        return;
    }
    QFile file(QDir(m_root.filePath(kInbound)).filePath(fileName));
    if (!file.open(QIODevice::ReadOnly)) {
        return; // still being written or vanished; the next pass retries
    }
    const WmsInboundParser::Kind kind
        = pick ? WmsInboundParser::Kind::PickTicket : WmsInboundParser::Kind::Asn;
    const WmsInboundParse parsed
        = WmsInboundParser::parse(kind, file.readAll(), m_skus, m_locations);
    file.close();
    if (!parsed.ok()) {
        writeError(fileName, parsed.errors);
        return;
    }
    QList<WmsInboundLine> fresh;
    for (const WmsInboundLine &line : parsed.lines) {
        const QString key
            = (pick ? QStringLiteral("pick:") : QStringLiteral("asn:")) + line.reference;
        if (m_processedReferences.contains(key)) {
            ++m_counters.duplicates; // the same order or ASN sent again under another name
        } else {
            fresh << line;
        }
    }
    if (pick) {
        ++m_counters.pickTickets;
        applyPickTicket(fresh);
    } else {
        ++m_counters.asns;
        applyAsn(fresh);
    }
    for (const WmsInboundLine &line : fresh) {
        m_processedReferences.insert((pick ? QStringLiteral("pick:") : QStringLiteral("asn:"))
                                     + line.reference);
    }
    m_processedFiles.insert(fileName);
    archive(fileName);
}

void WmsDropFolder::applyPickTicket(const QList<WmsInboundLine> &lines)
{
    // One shipment per order reference, lines in file order.
    QStringList orders;
    for (const WmsInboundLine &line : lines) {
        if (!orders.contains(line.reference)) {
            orders << line.reference;
        }
    }
    static const QStringList carriers
        = {QStringLiteral("UPS"), QStringLiteral("FedEx"), QStringLiteral("USPS")};
    for (const QString &order : orders) {
        const QString carrier = carriers.at(int(m_rng.bounded(int(carriers.size()))));
        const QString tracking
            = carrier == u"UPS"
                  ? QStringLiteral("1Z")
                        + QString::number(m_rng.generate64() % 1000000000000000ULL)
                              .rightJustified(16, u'0')
                  : QString::number(m_rng.generate64() % 1000000000000ULL).rightJustified(12, u'0');
        const QString shippedAt = timestamp();
        QList<QStringList> rows;
        for (const WmsInboundLine &line : lines) {
            if (line.reference != order) {
                continue;
            }
            Stock &stock = m_stock[{line.sku, line.location}];
            const qint64 shipped = std::min(line.quantity, stock.available());
            stock.onHand -= shipped;
            m_counters.unitsShipped += shipped;
            m_counters.unitsShort += line.quantity - shipped;
            rows << QStringList{order,
                                line.sku,
                                QString::number(shipped),
                                line.location,
                                shippedAt,
                                carrier,
                                tracking};
        }
        const QString id = QStringLiteral("SHP%1").arg(++m_shipmentSequence, 6, 10, QChar(u'0'));
        writeOutbound(QStringLiteral("shipment_%1.csv").arg(id),
                      {QStringLiteral("order_reference"),
                       QStringLiteral("sku"),
                       QStringLiteral("quantity"),
                       QStringLiteral("location"),
                       QStringLiteral("shipped_at"),
                       QStringLiteral("carrier"),
                       QStringLiteral("tracking")},
                      rows);
        ++m_counters.shipments;
    }
}

void WmsDropFolder::applyAsn(const QList<WmsInboundLine> &lines)
{
    for (const WmsInboundLine &line : lines) {
        m_pendingAsns << PendingAsn{
            line.reference, line.sku, line.quantity, line.location, line.expectedAt};
    }
}

void WmsDropFolder::receiveDueAsns()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QMap<QString, QList<QStringList>> receipts;
    for (auto it = m_pendingAsns.begin(); it != m_pendingAsns.end();) {
        if (it->expectedAt > now) {
            ++it;
            continue;
        }
        m_stock[{it->sku, it->location}].onHand += it->quantity;
        ++m_counters.asnLinesReceived;
        receipts[it->reference] << QStringList{it->reference,
                                               it->sku,
                                               QString::number(it->quantity),
                                               it->location,
                                               now.toString(Qt::ISODateWithMs)};
        it = m_pendingAsns.erase(it);
    }
    for (auto it = receipts.cbegin(); it != receipts.cend(); ++it) {
        writeOutbound(QStringLiteral("receipt_%1.csv").arg(fileSafe(it.key())),
                      {QStringLiteral("asn_reference"),
                       QStringLiteral("sku"),
                       QStringLiteral("quantity"),
                       QStringLiteral("location"),
                       QStringLiteral("received_at")},
                      it.value());
    }
}

void WmsDropFolder::writeSnapshotNow()
{
    if (m_faults.down || !ensureFolders()) {
        return;
    }
    const QString countedAt = timestamp();
    QList<QStringList> rows;
    for (auto it = m_stock.begin(); it != m_stock.end(); ++it) {
        // A cycle count now and then finds a different number; the WMS keeps what it counted.
        const double roll = m_rng.generateDouble();
        const qint64 size = 1 + qint64(m_rng.bounded(3));
        const bool up = m_rng.bounded(2) == 0;
        if (roll < m_faults.driftRate) {
            const qint64 before = it->onHand;
            it->onHand = std::max<qint64>(0, before + (up ? size : -size));
            if (it->onHand != before) {
                ++m_counters.driftedCounts;
                m_driftEvents.append(QJsonObject{{QStringLiteral("sku"), it.key().first},
                                                 {QStringLiteral("location"), it.key().second},
                                                 {QStringLiteral("delta"), it->onHand - before},
                                                 {QStringLiteral("countedAt"), countedAt}});
                if (m_driftEvents.size() > 1000) {
                    m_driftEvents.removeFirst();
                }
            }
        }
        rows << QStringList{it.key().first,
                            it.key().second,
                            QString::number(it->onHand),
                            QString::number(it->available()),
                            countedAt};
    }
    QString stamp = QDateTime::fromString(countedAt, Qt::ISODateWithMs)
                        .toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
    QString name = QStringLiteral("inventory_snapshot_%1.csv").arg(stamp);
    for (int n = 2; QFile::exists(QDir(m_root.filePath(kOutbound)).filePath(name)); ++n) {
        name = QStringLiteral("inventory_snapshot_%1_%2.csv").arg(stamp).arg(n);
    }
    if (writeOutbound(name,
                      {QStringLiteral("sku"),
                       QStringLiteral("location"),
                       QStringLiteral("on_hand"),
                       QStringLiteral("available"),
                       QStringLiteral("counted_at")},
                      rows)) {
        ++m_counters.snapshots;
    }
}

bool WmsDropFolder::writeOutbound(const QString &name,
                                  const QStringList &header,
                                  QList<QStringList> rows)
{
    if (!rows.isEmpty() && m_rng.generateDouble() < m_faults.malformedRate) {
        QStringList &row = rows[int(m_rng.bounded(int(rows.size())))];
        if (m_rng.bounded(2) == 0) {
            row[2] = row.at(2) + QStringLiteral("x"); // not a whole number
        } else {
            row.removeLast(); // a missing column
        }
        ++m_counters.malformedWritten;
    }
    // QSaveFile writes a temporary file beside the target and renames it on commit,
    // so a reader never sees half a file.
    QSaveFile file(QDir(m_root.filePath(kOutbound)).filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(WmsCsv::format(header, rows)) < 0
        || !file.commit()) {
        qCWarning(lcWms) << "cannot write" << name << file.errorString();
        return false;
    }
    return true;
}

void WmsDropFolder::archive(const QString &fileName)
{
    const QDir archiveDir(m_root.filePath(kArchive));
    QString target = archiveDir.filePath(fileName);
    for (int n = 2; QFile::exists(target); ++n) {
        target = archiveDir.filePath(fileName + QStringLiteral(".%1").arg(n));
    }
    if (!QFile::rename(QDir(m_root.filePath(kInbound)).filePath(fileName), target)) {
        qCWarning(lcWms) << "cannot archive" << fileName;
    }
}

void WmsDropFolder::writeError(const QString &fileName, const QStringList &errors)
{
    QSaveFile file(QDir(m_root.filePath(kInbound)).filePath(fileName + kErrorSuffix));
    const QByteArray text
        = tr("%1 was not applied: every line must be valid.\n").arg(fileName).toUtf8()
          + errors.join(u'\n').toUtf8() + '\n';
    if (!file.open(QIODevice::WriteOnly) || file.write(text) < 0 || !file.commit()) {
        qCWarning(lcWms) << "cannot write the error file for" << fileName;
        return;
    }
    ++m_counters.errorFiles;
}

qint64 WmsDropFolder::onHand(const QString &sku, const QString &location) const
{
    return m_stock.value({sku, location}).onHand;
}

} // namespace Ledgerdesk::Sandbox
