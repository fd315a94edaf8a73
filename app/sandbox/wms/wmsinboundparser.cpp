#include "wmsinboundparser.h"

#include "wmscsv.h"

namespace Ledgerdesk::Sandbox {

namespace {

constexpr int kMaxReportedErrors = 50;
constexpr qint64 kMaxLineQuantity = 1000000;

} // namespace

QStringList WmsInboundParser::header(Kind kind)
{
    if (kind == Kind::PickTicket) {
        return {QStringLiteral("order_reference"),
                QStringLiteral("sku"),
                QStringLiteral("quantity"),
                QStringLiteral("location")};
    }
    return {QStringLiteral("asn_reference"),
            QStringLiteral("sku"),
            QStringLiteral("quantity"),
            QStringLiteral("location"),
            QStringLiteral("expected_at")};
}

WmsInboundParse WmsInboundParser::parse(Kind kind,
                                        const QByteArray &bytes,
                                        const QSet<QString> &knownSkus,
                                        const QStringList &knownLocations)
{
    WmsInboundParse result;
    const WmsCsvTable table = WmsCsv::parse(bytes);
    if (!table.error.isEmpty()) {
        result.errors << tr("line %1: %2").arg(table.errorLine).arg(table.error);
        return result;
    }
    const QStringList expected = header(kind);
    QStringList given;
    for (const QString &name : table.header) {
        given << name.trimmed().toLower();
    }
    if (given != expected) {
        result.errors << tr("line 1: the header must be \"%1\", found \"%2\"")
                             .arg(expected.join(u','), table.header.join(u','));
        return result;
    }
    if (table.rows.isEmpty()) {
        result.errors << tr("line 2: the file has no rows");
        return result;
    }
    for (int r = 0; r < table.rows.size() && result.errors.size() < kMaxReportedErrors; ++r) {
        const QStringList &row = table.rows.at(r);
        const int line = table.rowLines.at(r);
        const auto fail = [&](const QString &reason) {
            result.errors << tr("line %1: %2").arg(line).arg(reason);
        };
        if (row.size() != expected.size()) {
            fail(tr("expected %1 fields, found %2").arg(expected.size()).arg(row.size()));
            continue;
        }
        WmsInboundLine parsed;
        parsed.line = line;
        parsed.reference = row.at(0).trimmed();
        parsed.sku = row.at(1).trimmed();
        parsed.location = row.at(3).trimmed();
        if (parsed.reference.isEmpty()) {
            fail(tr("%1 is empty").arg(expected.at(0)));
            continue;
        }
        if (!knownSkus.contains(parsed.sku)) {
            fail(tr("unknown SKU \"%1\"").arg(parsed.sku));
            continue;
        }
        bool numeric = false;
        parsed.quantity = row.at(2).trimmed().toLongLong(&numeric);
        if (!numeric) {
            fail(tr("quantity \"%1\" is not a whole number").arg(row.at(2)));
            continue;
        }
        if (parsed.quantity <= 0 || parsed.quantity > kMaxLineQuantity) {
            fail(tr("quantity %1 must be between 1 and %2")
                     .arg(parsed.quantity)
                     .arg(kMaxLineQuantity));
            continue;
        }
        if (!knownLocations.contains(parsed.location)) {
            fail(tr("location \"%1\" is not run by this WMS (%2)")
                     .arg(parsed.location, knownLocations.join(QStringLiteral(", "))));
            continue;
        }
        if (kind == Kind::Asn) {
            parsed.expectedAt = QDateTime::fromString(row.at(4).trimmed(), Qt::ISODateWithMs);
            if (!parsed.expectedAt.isValid()) {
                parsed.expectedAt = QDateTime::fromString(row.at(4).trimmed(), Qt::ISODate);
            }
            if (!parsed.expectedAt.isValid() || parsed.expectedAt.timeSpec() == Qt::LocalTime) {
                fail(tr("expected_at \"%1\" is not an ISO-8601 timestamp with a zone")
                         .arg(row.at(4)));
                continue;
            }
            parsed.expectedAt = parsed.expectedAt.toUTC();
        }
        result.lines << parsed;
    }
    return result;
}

} // namespace Ledgerdesk::Sandbox
