#pragma once

#include <core/sync/connector.h>
#include <core/sync/outboxkinds.h>

#include <QFileInfo>

namespace Ledgerdesk::Core {

struct WmsOutboundFile;

// A WMS/3PL reached through a drop folder. Each cycle imports the outbound files (inventory
// snapshots, shipment confirmations, receipts) oldest first, one write transaction per file
// with its inbox row, postings and exceptions; a file with any bad line applies nothing and
// becomes one exception naming file, line and reason. Imported files move to the archive only
// after their commit, and the inbox remembers every name, so a file is never applied twice.
// Then due "pick.create" outbox rows are written to the inbound folder as pick tickets (their
// entity key is the order reference; shipments shorter than the ticket raise an exception).
// The WMS takes no stock-level writes, so other outbox kinds for it are dead-lettered.
class WmsConnector final : public Connector
{
    Q_OBJECT

public:
    // `settings.options` holds inboundFolder, outboundFolder and archiveFolder (or a
    // rootFolder with those three beneath it).
    WmsConnector(Store &store, ConnectionSettings settings, QObject *parent = nullptr);
    ~WmsConnector() override;
    Q_DISABLE_COPY_MOVE(WmsConnector)

    QString system() const override;

    // The outbox kinds this connector sends; outboxKinds() names the same pairs.
    static QStringList deliveredKinds() { return {OutboxKinds::kPickCreate}; }

    Status open() override;
    SyncCycleReport runCycle() override;

    static constexpr int kOutboxBatch = 100;

private:
    QList<QFileInfo> pendingFiles() const;
    Status importFile(const QFileInfo &info, const QString &owner, SyncCycleReport &report);
    Status
    applyInTransaction(const WmsOutboundFile &file, const QString &owner, SyncCycleReport &report);
    // A snapshot in pieces of a few tens of milliseconds each, so webhooks and people are never
    // kept from the ledger for long. Returns whether the whole file was settled.
    Result<bool>
    applyInPieces(const WmsOutboundFile &file, const QString &owner, SyncCycleReport &report);
    Result<bool> alreadyReceived(const QString &fileName);
    void archive(const QString &fileName);
    void deliverOutbox(SyncCycleReport &report);

    ConnectionSettings m_settings;
    QString m_inbound;
    QString m_outbound;
    QString m_archive;
    bool m_open = false;
};

} // namespace Ledgerdesk::Core
