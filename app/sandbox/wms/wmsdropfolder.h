#pragma once

#include "wmsfaults.h"
#include "wmsinboundparser.h"

#include <core/demo/democatalog.h>

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

namespace Ledgerdesk::Sandbox {

// A WMS/3PL reached through a drop folder. It consumes pick tickets and ASNs from inbound/,
// ships and receives against its own on-hand, writes shipment confirmations, receipts and
// periodic inventory snapshots to outbound/ (atomically), and moves consumed files to archive/.
// A malformed inbound file is not applied at all and gets `<name>.error.txt` beside it.
class WmsDropFolder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WmsDropFolder)

public:
    WmsDropFolder(const Core::DemoCatalog &catalog,
                  const QString &rootFolder,
                  quint32 seed,
                  QObject *parent = nullptr);

    void setFaults(const WmsFaults &faults);

    const WmsFaults &faults() const { return m_faults; }

    // Business time runs `factor` times faster: polling and snapshots come that much sooner.
    void setSpeed(double factor);
    void start();
    void stop();
    // One synchronous pass: consume inbound files, receive due ASNs.
    void processNow();
    // A cycle count of every SKU-location, written as one snapshot file.
    void writeSnapshotNow();

    qint64 onHand(const QString &sku, const QString &location) const;

    QStringList locations() const { return m_locations; }

    QString rootFolder() const { return m_root.absolutePath(); }

    QJsonObject inspect() const;
    QJsonObject saveState() const;
    bool loadState(const QJsonObject &state);

    static constexpr qint64 kSnapshotPeriodMs = 60000;
    static constexpr int kPollPeriodMs = 1000;

private:
    struct Stock
    {
        qint64 onHand = 0;
        qint64 held = 0; // quality hold: on hand but not available

        qint64 available() const { return onHand > held ? onHand - held : 0; }
    };

    struct PendingAsn
    {
        QString reference;
        QString sku;
        qint64 quantity = 0;
        QString location;
        QDateTime expectedAt;
    };

    struct Counters
    {
        qint64 pickTickets = 0;
        qint64 asns = 0;
        qint64 asnLinesReceived = 0;
        qint64 shipments = 0;
        qint64 unitsShipped = 0;
        qint64 unitsShort = 0;
        qint64 snapshots = 0;
        qint64 errorFiles = 0;
        qint64 duplicates = 0;
        qint64 malformedWritten = 0;
        qint64 driftedCounts = 0;
    };

    void tick();
    bool ensureFolders();
    void consume(const QString &fileName);
    void applyPickTicket(const QList<WmsInboundLine> &lines);
    void applyAsn(const QList<WmsInboundLine> &lines);
    void receiveDueAsns();
    void archive(const QString &fileName);
    void writeError(const QString &fileName, const QStringList &errors);
    bool writeOutbound(const QString &name, const QStringList &header, QList<QStringList> rows);
    QString timestamp() const;

    QDir m_root;
    QStringList m_locations;
    QSet<QString> m_skus;
    QMap<QPair<QString, QString>, Stock> m_stock; // (sku, location)
    QList<PendingAsn> m_pendingAsns;
    QSet<QString> m_processedFiles;
    QSet<QString> m_processedReferences;
    QJsonArray m_driftEvents;
    WmsFaults m_faults;
    QRandomGenerator m_rng;
    quint32 m_seed = 0;
    int m_shipmentSequence = 0;
    Counters m_counters;
    double m_speed = 1.0;
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    double m_businessSinceSnapshotMs = 0;
};

} // namespace Ledgerdesk::Sandbox
