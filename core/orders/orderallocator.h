#pragma once

#include <core/error.h>
#include <core/ledger/posting.h>
#include <core/orders/order.h>

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace Ledgerdesk::Core {

class Store;

struct AllocationOutcome
{
    OrderState state = OrderState::New;
    qint64 allocatedNow = 0; // units committed by this call
    qint64 shortfall = 0;    // units still outstanding
    std::optional<PostingId> postingId;
    QList<qint64> exceptionIds; // oversell exceptions raised by this call
};

// Commits stock to orders against the ledger, one transaction per order: each line takes what
// its channel's locations have available, best location first, never below zero unless a
// person overrides (audited with the posting). What is missing stays backordered and raises an
// oversell exception once; backorders are filled again as stock arrives. Writers queue on the
// ledger's write lock, so two channels racing for the last units never both get them.
class OrderAllocator final
{
    Q_DECLARE_TR_FUNCTIONS(OrderAllocator)

public:
    explicit OrderAllocator(Store &store);

    Result<AllocationOutcome> allocate(OrderId id,
                                       const QString &actor,
                                       std::optional<StockOverride> override = std::nullopt);
    // Oldest first; returns how many backordered orders received stock.
    Result<int> reallocateBackorders(const QString &actor);
    // The same inside the caller's write transaction, for whoever just brought stock in.
    Result<int> reallocateIn(QSqlDatabase db, const QString &actor);

private:
    Result<AllocationOutcome> allocateIn(QSqlDatabase db,
                                         const Order &order,
                                         const QString &actor,
                                         const std::optional<StockOverride> &override);
    Result<qint64> raiseOversell(QSqlDatabase db,
                                 const Order &order,
                                 const OrderLine &line,
                                 qint64 availableSeen,
                                 UtcMillis now);

    Store &m_store;
};

} // namespace Ledgerdesk::Core
