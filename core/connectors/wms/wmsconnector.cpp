#include "wmsconnector.h"

#include <core/connectors/wms/wmsfileapplier.h>
#include <core/connectors/wms/wmsfileparser.h>
#include <core/connectors/wms/wmspickticketwriter.h>
#include <core/net/interruptiblewait.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inbox.h>
#include <core/sync/outbox.h>
#include <core/sync/outboxkinds.h>
#include <core/sync/ownershipmap.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

namespace Ledgerdesk::Core {

namespace {

Q_LOGGING_CATEGORY(lcWms, "ledgerdesk.core.wms")

const QString kSystem = QStringLiteral("wms");
// Snapshots share one inbox entity, so an older count never overwrites a newer one.
const QString kSnapshotEntity = QStringLiteral("inventory_snapshot");
// How long one piece of a snapshot may hold the ledger's write lock.
constexpr int kPieceMs = 40;

} // namespace

WmsConnector::WmsConnector(Store &store, ConnectionSettings settings, QObject *parent)
    : Connector(store, parent)
    , m_settings(std::move(settings))
{}

WmsConnector::~WmsConnector() = default;

QString WmsConnector::system() const
{
    return kSystem;
}

Status WmsConnector::open()
{
    m_open = false;
    const QString root = m_settings.options.value(QStringLiteral("rootFolder")).toString();
    const auto folder = [&](const QString &option, const QString &below) {
        const QString given = m_settings.options.value(option).toString();
        return !given.isEmpty() ? given : root.isEmpty() ? QString() : QDir(root).filePath(below);
    };

    const struct
    {
        QString option;
        QString path;
        QString *target;
    } folders[] = {
        {QStringLiteral("inboundFolder"),
         folder(QStringLiteral("inboundFolder"), QStringLiteral("inbound")),
         &m_inbound},
        {QStringLiteral("outboundFolder"),
         folder(QStringLiteral("outboundFolder"), QStringLiteral("outbound")),
         &m_outbound},
        {QStringLiteral("archiveFolder"),
         folder(QStringLiteral("archiveFolder"), QStringLiteral("archive")),
         &m_archive},
    };

    for (const auto &f : folders) {
        if (f.path.isEmpty()) {
            return makeError(ErrorCode::Validation,
                             tr("the WMS connection names no %1").arg(f.option));
        }
        const QFileInfo info(f.path);
        if (!info.isDir()) {
            return makeError(ErrorCode::NotFound,
                             tr("the WMS %1 \"%2\" is not a folder").arg(f.option, f.path));
        }
        if (!info.isWritable()) {
            return makeError(ErrorCode::Io,
                             tr("the WMS %1 \"%2\" is not writable").arg(f.option, f.path));
        }
        *f.target = info.absoluteFilePath();
    }
    if (!store().connection().isOpen()) {
        return makeError(ErrorCode::Storage, tr("the ledger is not open on this thread"));
    }
    m_open = true;
    return success();
}

SyncCycleReport WmsConnector::runCycle()
{
    SyncCycleReport report;
    report.system = kSystem;
    report.startedAt = nowUtcMillis();
    if (!m_open) {
        report.error = tr("the WMS connector is not open");
        report.finishedAt = nowUtcMillis();
        return report;
    }
    const auto owner = OwnershipMap(store()).owner(QStringLiteral("on_hand"));
    if (!owner) {
        report.error = owner.error().message;
    } else {
        for (const QFileInfo &info : pendingFiles()) {
            if (stopRequested()) {
                break; // the rest waits in the folder for the next start
            }
            if (const Status imported = importFile(info, owner.value(), report); !imported) {
                // A storage failure: the file stays where it is and is tried again next cycle.
                report.error = imported.error().message;
                break;
            }
        }
    }
    if (report.error.isEmpty()) {
        deliverOutbox(report);
    }
    report.finishedAt = nowUtcMillis();
    return report;
}

QList<QFileInfo> WmsConnector::pendingFiles() const
{
    QList<QFileInfo> files;
    const QFileInfoList all
        = QDir(m_outbound).entryInfoList({QStringLiteral("*.csv")}, QDir::Files, QDir::NoSort);
    for (const QFileInfo &info : all) {
        if (!info.fileName().startsWith(u'.')) {
            files << info;
        }
    }
    // Oldest first, so a shipment written before a count is applied before it.
    std::sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) {
        const qint64 left = a.lastModified().toMSecsSinceEpoch();
        const qint64 right = b.lastModified().toMSecsSinceEpoch();
        return left != right ? left < right : a.fileName() < b.fileName();
    });
    return files;
}

Status
WmsConnector::importFile(const QFileInfo &info, const QString &owner, SyncCycleReport &report)
{
    const QString name = info.fileName();
    const auto received = alreadyReceived(name);
    if (!received) {
        return received.error();
    }
    if (received.value()) {
        archive(name); // committed before, but the move did not happen (a crash in between)
        return success();
    }
    QFile device(info.absoluteFilePath());
    if (!device.open(QIODevice::ReadOnly)) {
        qCWarning(lcWms) << "cannot read" << name << device.errorString();
        return success(); // vanished or locked; the next cycle looks again
    }
    WmsOutboundFile file;
    file.name = name;
    if (const auto kind = WmsFileParser::kindOf(name)) {
        auto parsed = WmsFileParser(store()).parse(name, *kind, device);
        if (!parsed) {
            return parsed.error();
        }
        file = std::move(parsed.value());
    } else {
        file.error = tr("%1:1: unknown file kind; outbound files are inventory_snapshot_*.csv, "
                        "shipment_*.csv or receipt_*.csv")
                         .arg(name);
    }
    device.close();
    if (file.latestAt == 0) {
        file.latestAt = info.lastModified().toMSecsSinceEpoch();
    }
    report.pulled += file.error ? 1 : file.lines.size();
    if (!file.error && file.kind == WmsFileKind::Snapshot) {
        const auto settled = applyInPieces(file, owner, report);
        if (!settled) {
            return settled.error(); // storage: the file stays and is resumed next cycle
        }
        if (settled.value()) {
            archive(name);
        }
        return success();
    }
    if (const Status applied = applyInTransaction(file, owner, report); !applied) {
        const ErrorCode code = applied.error().code;
        if (code == ErrorCode::Storage || code == ErrorCode::Io || file.error) {
            return applied;
        }
        // The ledger refused a line: roll back all of it and set the file aside as rejected,
        // rather than retrying it forever ahead of every later file.
        file.lines.clear();
        file.error = applied.error().message;
        if (const Status rejected = applyInTransaction(file, owner, report); !rejected) {
            return rejected;
        }
    }
    archive(name);
    return success();
}

Status WmsConnector::applyInTransaction(const WmsOutboundFile &file,
                                        const QString &owner,
                                        SyncCycleReport &report)
{
    QSqlDatabase db = store().connection();
    WriteTransaction tx(db, store().dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    const UtcMillis now = nowUtcMillis();
    InboxEvent event;
    event.system = kSystem;
    event.eventId = file.name;
    event.topic = file.error ? QStringLiteral("unreadable") : wmsFileKindKey(file.kind);
    event.entityKey
        = !file.error && file.kind == WmsFileKind::Snapshot ? kSnapshotEntity : QString();
    event.sourceAt = file.latestAt;
    event.payload
        = QJsonDocument(QJsonObject{{QStringLiteral("lines"), file.lines.size()},
                                    {QStringLiteral("error"), file.error.value_or(QString())}})
              .toJson(QJsonDocument::Compact);
    const auto receipt = Inbox::receive(db, event, now);
    if (!receipt) {
        return receipt.error();
    }
    if (receipt.value().verdict != InboxVerdict::Apply) {
        qCInfo(lcWms) << "skipping" << file.name << "as"
                      << (receipt.value().verdict == InboxVerdict::Stale ? "older than a count "
                                                                           "already applied"
                                                                         : "a duplicate");
        return tx.commit();
    }
    QString outcome = QStringLiteral("applied");
    if (file.error) {
        SyncException rejected;
        rejected.kind = ExceptionKind::Validation;
        rejected.system = kSystem;
        rejected.entity = QStringLiteral("file");
        rejected.entityKey = file.name;
        rejected.errorText = *file.error;
        if (const auto raised = ExceptionStore::raise(db, rejected, now); !raised) {
            return raised.error();
        }
        ++report.conflicts;
        outcome = QStringLiteral("rejected");
    } else {
        WmsFileApplier applier(db, store(), owner, now);
        const auto counts = applier.apply(file);
        if (!counts) {
            return counts.error();
        }
        report.applied += counts.value().applied;
        report.conflicts += counts.value().exceptions;
    }
    if (const Status marked = Inbox::markApplied(db, receipt.value().id, outcome, now); !marked) {
        return marked;
    }
    return tx.commit();
}

Result<bool> WmsConnector::applyInPieces(const WmsOutboundFile &file,
                                         const QString &owner,
                                         SyncCycleReport &report)
{
    QSqlDatabase db = store().connection();
    qint64 inboxId = 0;
    {
        WriteTransaction tx(db, store().dialect());
        if (!tx.begun()) {
            return tx.begun().error();
        }
        InboxEvent event;
        event.system = kSystem;
        event.eventId = file.name;
        event.topic = wmsFileKindKey(file.kind);
        event.entityKey = kSnapshotEntity;
        event.sourceAt = file.latestAt;
        event.payload = QJsonDocument(QJsonObject{{QStringLiteral("lines"), file.lines.size()}})
                            .toJson(QJsonDocument::Compact);
        const auto receipt = Inbox::receive(db, event, nowUtcMillis());
        if (!receipt) {
            return receipt.error();
        }
        if (receipt.value().verdict == InboxVerdict::Apply) {
            inboxId = receipt.value().id;
        } else if (receipt.value().verdict == InboxVerdict::Duplicate) {
            // Received but not settled: a start that stopped half-way. Counts already applied
            // agree now, so going through the whole file again is safe.
            auto unsettled = runQuery(db,
                                      QStringLiteral("SELECT id FROM inbox WHERE system = ? AND "
                                                     "event_id = ? AND applied_at IS NULL"),
                                      {kSystem, file.name});
            if (!unsettled) {
                return unsettled.error();
            }
            if (unsettled.value().next()) {
                inboxId = unsettled.value().value(0).toLongLong();
            }
        }
        if (const Status committed = tx.commit(); !committed) {
            return committed.error();
        }
        if (inboxId == 0) {
            return true; // a duplicate, or older than a count already applied
        }
    }
    // One piece: counts from `from` for a few tens of milliseconds, in one transaction that
    // also marks the file settled when it reaches the end.
    const auto applyPiece = [&](qsizetype from) -> Result<qsizetype> {
        WriteTransaction tx(db, store().dialect());
        if (!tx.begun()) {
            return tx.begun().error();
        }
        const UtcMillis now = nowUtcMillis();
        WmsFileApplier applier(db, store(), owner, now);
        const auto reached = applier.applyCounts(file, from, QDeadlineTimer(kPieceMs));
        if (!reached) {
            return reached.error();
        }
        if (reached.value() == file.lines.size()) {
            if (const Status marked
                = Inbox::markApplied(db, inboxId, QStringLiteral("applied"), now);
                !marked) {
                return marked.error();
            }
        }
        if (const Status committed = tx.commit(); !committed) {
            return committed.error();
        }
        report.applied += applier.counts().applied;
        report.conflicts += applier.counts().exceptions;
        return reached.value();
    };
    qsizetype next = 0;
    while (next < file.lines.size()) {
        if (stopRequested()) {
            return false;
        }
        const auto reached = applyPiece(next);
        if (reached) {
            next = reached.value();
            continue;
        }
        if (reached.error().code == ErrorCode::Storage) {
            return reached.error();
        }
        // The ledger refused a count: the lines before it stand (each count is its own fact);
        // the file is set aside with the reason.
        WriteTransaction tx(db, store().dialect());
        if (!tx.begun()) {
            return tx.begun().error();
        }
        const UtcMillis now = nowUtcMillis();
        SyncException rejected;
        rejected.kind = ExceptionKind::Validation;
        rejected.system = kSystem;
        rejected.entity = QStringLiteral("file");
        rejected.entityKey = file.name;
        rejected.errorText = next == 0 ? reached.error().message
                                       : tr("%1; the counts on the lines before it were applied")
                                             .arg(reached.error().message);
        if (const auto raised = ExceptionStore::raise(db, rejected, now); !raised) {
            return raised.error();
        }
        ++report.conflicts;
        if (const Status marked = Inbox::markApplied(db, inboxId, QStringLiteral("rejected"), now);
            !marked) {
            return marked.error();
        }
        const Status committed = tx.commit();
        return committed ? Result<bool>(true) : Result<bool>(committed.error());
    }
    if (file.lines.isEmpty()) {
        WriteTransaction tx(db, store().dialect());
        if (!tx.begun()) {
            return tx.begun().error();
        }
        if (const Status marked
            = Inbox::markApplied(db, inboxId, QStringLiteral("applied"), nowUtcMillis());
            !marked) {
            return marked.error();
        }
        if (const Status committed = tx.commit(); !committed) {
            return committed.error();
        }
    }
    return true;
}

Result<bool> WmsConnector::alreadyReceived(const QString &fileName)
{
    // Settled only: a snapshot whose pieces were cut short is resumed.
    auto q = runQuery(store().connection(),
                      QStringLiteral("SELECT 1 FROM inbox WHERE system = ? AND event_id = ? AND "
                                     "applied_at IS NOT NULL"),
                      {kSystem, fileName});
    if (!q) {
        return q.error();
    }
    return q.value().next();
}

void WmsConnector::archive(const QString &fileName)
{
    const QDir archiveDir(m_archive);
    QString target = archiveDir.filePath(fileName);
    for (int n = 2; QFile::exists(target); ++n) {
        target = archiveDir.filePath(fileName + QStringLiteral(".%1").arg(n));
    }
    if (!QFile::rename(QDir(m_outbound).filePath(fileName), target)) {
        // Harmless: the inbox remembers the file, so the next cycle only retries the move.
        qCWarning(lcWms) << "cannot move" << fileName << "to the archive";
    }
}

void WmsConnector::deliverOutbox(SyncCycleReport &report)
{
    Outbox outbox(store());
    const auto due = outbox.claimDue(kSystem, nowUtcMillis(), kOutboxBatch);
    if (!due) {
        report.error = due.error().message;
        return;
    }
    const WmsPickTicketWriter writer(m_inbound);
    for (const OutboxItem &item : due.value()) {
        Result<QString> written
            = item.kind == OutboxKinds::kPickCreate
                  ? writer.write(item)
                  : Result<QString>(makeError(
                      ErrorCode::Validation,
                      tr("the WMS drop folder takes pick tickets only, not \"%1\"; its stock "
                         "counts change by counting in the warehouse")
                          .arg(item.kind)));
        Status outcome = success();
        if (written) {
            outcome = outbox.complete(item.id, written.value().toUtf8(), nowUtcMillis());
            ++report.pushed;
        } else {
            const bool retryable = written.error().code == ErrorCode::Io;
            const auto failed
                = outbox.fail(item.id,
                              DeliveryFailure{written.error().message, retryable, std::nullopt},
                              nowUtcMillis());
            outcome = failed ? success() : Status(failed.error());
            ++report.failed;
        }
        if (!outcome) {
            report.error = outcome.error().message;
            return;
        }
    }
}

} // namespace Ledgerdesk::Core
