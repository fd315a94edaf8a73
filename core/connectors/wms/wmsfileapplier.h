#pragma once

#include <core/connectors/wms/wmsoutboundfile.h>
#include <core/domain/quantities.h>
#include <core/error.h>
#include <core/ledger/postingwriter.h>
#include <core/sync/syncexception.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QSqlDatabase>

namespace Ledgerdesk::Core {

class Store;

struct WmsApplyCounts
{
    qint64 applied = 0;    // postings written
    qint64 exceptions = 0; // exceptions raised or repeated
};

// Applies one parsed outbound file inside the caller's write transaction: counts are compared
// three ways against the agreed base, shipments and receipts become ledger movements. What
// cannot be applied becomes an exception in the same transaction; an error result means the
// caller must roll back (its message starts "file:line:" when a line caused it).
class WmsFileApplier final
{
    Q_DECLARE_TR_FUNCTIONS(WmsFileApplier)

public:
    WmsFileApplier(QSqlDatabase db, Store &store, QString onHandOwner, UtcMillis now);

    Result<WmsApplyCounts> apply(const WmsOutboundFile &file);
    // A snapshot's counts are independent of each other, so a large one is applied in pieces:
    // lines from `from` until `deadline`, returning the index after the last one applied.
    // counts() says what they did.
    Result<qsizetype>
    applyCounts(const WmsOutboundFile &file, qsizetype from, const QDeadlineTimer &deadline);

    const WmsApplyCounts &counts() const { return m_counts; }

private:
    Status begin(const WmsOutboundFile &file);
    Status applyLine(const WmsOutboundFile &file, const WmsFileLine &line);
    Status applyCount(const WmsOutboundFile &file, const WmsFileLine &line);
    Status applyShipment(const WmsFileLine &line);
    Status applyReceipt(const WmsFileLine &line);
    Status checkShortShipment(const WmsFileLine &line, const QString &reference);

    Result<Quantities> balance(const WmsFileLine &line);
    Result<std::optional<QString>> base(const QString &key);
    Status recordBase(const QString &key, qint64 value, UtcMillis externalAt);
    // The WMS moved its own count by the same units it reported, so the base follows.
    Status shiftBase(const WmsFileLine &line, qint64 delta);
    Result<bool> alreadyPosted(const QString &reference);
    Status post(const WmsFileLine &line,
                const QString &reference,
                MovementReason reason,
                const Quantities &delta);
    Status raise(SyncException exception);
    Status loadOpenCountExceptions();
    // The two sides agree again: an open exception about the figure has settled itself.
    Status settle(const QString &key);

    QSqlDatabase m_db;
    Store &m_store;
    QString m_owner;
    UtcMillis m_now;
    PostingWriter m_writer;
    WmsApplyCounts m_counts;
    QHash<QString, qint64> m_openCountExceptions; // inventory key → exception id
};

} // namespace Ledgerdesk::Core
