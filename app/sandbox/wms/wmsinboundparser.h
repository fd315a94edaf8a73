#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Ledgerdesk::Sandbox {

struct WmsInboundLine
{
    QString reference; // order_reference or asn_reference
    QString sku;
    qint64 quantity = 0;
    QString location;
    QDateTime expectedAt; // ASNs only
    int line = 0;
};

struct WmsInboundParse
{
    QList<WmsInboundLine> lines;
    QStringList errors; // "line N: reason"; any error means the file is not applied

    bool ok() const { return errors.isEmpty(); }
};

// Reads and checks one inbound file completely before anything is applied.
class WmsInboundParser final
{
    Q_DECLARE_TR_FUNCTIONS(WmsInboundParser)

public:
    enum class Kind { PickTicket, Asn };

    static QStringList header(Kind kind);
    static WmsInboundParse parse(Kind kind,
                                 const QByteArray &bytes,
                                 const QSet<QString> &knownSkus,
                                 const QStringList &knownLocations);
};

} // namespace Ledgerdesk::Sandbox
