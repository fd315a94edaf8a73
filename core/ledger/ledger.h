#pragma once

#include <core/error.h>
#include <core/ledger/posting.h>

#include <QCoreApplication>

#include <functional>
#include <memory>

class QSqlDatabase;
class QSqlQuery;
class QThread;

namespace Ledgerdesk::Core {

class PostingWriter;
class Store;

struct BalanceMismatch
{
    VariantId variantId = 0;
    LocationId locationId = 0;
    QString sku;
    QString locationCode;
    Quantities fromMovements;
    Quantities stored;
};

struct VerifyReport
{
    qint64 movementCount = 0;
    qint64 balanceCount = 0;
    QList<BalanceMismatch> mismatches;

    bool consistent() const { return mismatches.isEmpty(); }
};

// Called with (done, total); return false to cancel.
using ProgressCallback = std::function<bool(qint64, qint64)>;

// The append-only inventory ledger. Balances change only in the transaction that records why.
// It keeps its statements prepared between calls, so use one Ledger from one thread at a time
// (each thread its own Ledger, as each has its own connection).
class Ledger final
{
    Q_DECLARE_TR_FUNCTIONS(Ledger)

public:
    explicit Ledger(Store &store);
    ~Ledger();
    Q_DISABLE_COPY_MOVE(Ledger)

    Result<PostingResult> post(const PostingRequest &request);
    // All postings in one transaction: either every one applies (duplicates skipped) or none.
    Result<QList<PostingResult>> postBatch(const QList<PostingRequest> &requests,
                                           const ProgressCallback &progress = {});
    // Moves `quantity` available units between two locations as one atomic posting.
    Result<PostingResult> transfer(VariantId variant,
                                   LocationId from,
                                   LocationId to,
                                   qint64 quantity,
                                   const QString &source,
                                   const QString &reference,
                                   const QString &actor);

    Result<Quantities> balance(VariantId variant, LocationId location);
    Result<VerifyReport> verify();
    // Recomputes every balance from the movements and records the repair in the audit log.
    Result<VerifyReport> rebuild(const QString &actor);

private:
    Result<PostingWriter *> writerFor(const QSqlDatabase &db);

    Store &m_store;
    std::unique_ptr<PostingWriter> m_writer;
    std::unique_ptr<QSqlQuery> m_balance;
    QThread *m_balanceThread = nullptr;
};

} // namespace Ledgerdesk::Core
