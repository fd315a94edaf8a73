#pragma once

#include <core/domain/quantities.h>
#include <core/error.h>
#include <core/ledger/postingwriter.h>
#include <core/sync/syncexception.h>

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>

namespace Ledgerdesk::Core {

class Store;

// One ERP item-location row, already mapped to the ERP's SKU and location name.
struct ErpLevelRow
{
    QString itemId; // ERP internal ids, for messages when a mapping is missing
    QString locationId;
    QString sku;          // empty when the ERP item is unknown
    QString locationCode; // empty when the ERP location is unknown
    qint64 onHand = 0;
    QString modifiedText;
    UtcMillis modifiedAt = 0;
};

struct ErpApplyCounts
{
    qint64 applied = 0;
    qint64 exceptions = 0;
};

// Compares one page of ERP on-hand figures with the ledger three ways (base in sync_values),
// inside the caller's write transaction. The ERP's change is taken only when the ownership map
// makes the ERP the owner of on-hand; otherwise a one-sided ERP change is drift and becomes a
// conflict exception carrying base, ledger and ERP values, and the ledger keeps its figure.
// A ledger-only change is not written from here; a figure a person keeps reaches the ERP as an
// "inventory.adjust" outbox row (delivered by ErpAdjustmentPusher), and while one is on its way
// its key is left alone.
class ErpLevelApplier final
{
    Q_DECLARE_TR_FUNCTIONS(ErpLevelApplier)

public:
    ErpLevelApplier(QSqlDatabase db, Store &store, QString onHandOwner, UtcMillis now);

    Result<ErpApplyCounts> apply(const QList<ErpLevelRow> &rows);

private:
    Status applyRow(const ErpLevelRow &row);
    Status takeTheirs(const ErpLevelRow &row,
                      const QString &key,
                      const Quantities &current,
                      SyncException conflict);
    Result<std::optional<qint64>> lookupId(const QString &sql, const QString &value);
    Result<Quantities> balance(qint64 variantId, qint64 locationId);
    Result<std::optional<QString>> base(const QString &key);
    Status recordBase(const QString &key, qint64 value, UtcMillis externalAt);
    Status loadOpenExceptions();
    Status loadPendingPushes();
    Status settle(const QString &key);
    Status raise(const SyncException &exception);

    QSqlDatabase m_db;
    Store &m_store;
    QString m_owner;
    UtcMillis m_now;
    PostingWriter m_writer;
    ErpApplyCounts m_counts;
    qint64 m_variantId = 0;
    qint64 m_locationId = 0;
    QHash<QString, qint64> m_openExceptions; // inventory key → exception id
    QSet<QString> m_pendingPushes;           // keys with an undelivered adjustment
};

} // namespace Ledgerdesk::Core
