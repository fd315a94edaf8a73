#pragma once

#include <core/error.h>
#include <core/orders/order.h>
#include <core/sync/connector.h>
#include <core/sync/syncexception.h>

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace Ledgerdesk::Core {

class ErpClient;
class Store;

// Brings the ERP's sales orders into the one order queue and carries edits made in the ERP back.
// Each pass reads, through SuiteQL, the sales orders modified since its own cursor (paged, with
// the same overlap as the level pull), and reads the full record of those that matter:
//   - a sales order that came from us (linked in the external id map, or whose externalId is one
//     of our orders): cancelled or closed in the ERP cancels ours while it holds no picked stock;
//     any other difference (lines, or a cancellation after picking) raises one Conflict.
//   - a sales order made in the ERP: received as channel "erp" (reference = the ERP's id) and
//     allocated; an edit is taken while the order is new, and after allocation raises one
//     Conflict. History we never held (billed, closed) is not imported.
// The last modification handled per sales order is kept as a sync base value (system "erp",
// entity "salesOrder"), so re-reading a record changes nothing and raises nothing again.
class ErpSalesOrderPull final
{
    Q_DECLARE_TR_FUNCTIONS(ErpSalesOrderPull)

public:
    static inline const QString kCursorKey = QStringLiteral("sync.erp.salesorder_cursor");
    static inline const QString kActor = QStringLiteral("erp");

    // `since`: an ISO timestamp before which sales orders are not imported (empty: all).
    ErpSalesOrderPull(Store &store, ErpClient &client, int pageSize, QString since);

    Status run(SyncCycleReport &report);

private:
    struct Outcome
    {
        bool applied = false;
        std::optional<SyncException> exception;
    };

    Status handle(const QJsonObject &row, SyncCycleReport &report);
    Result<Outcome> handleOurs(const Order &order, const QJsonObject &record, bool closed);
    Result<Outcome>
    handleErpOrder(const std::optional<Order> &known, const QJsonObject &record, bool closed);
    Result<Outcome> cancel(const Order &order, const QJsonObject &record);
    IncomingOrder incoming(const QJsonObject &record) const;
    SyncException conflict(const QString &key,
                           const QString &ours,
                           const QString &theirs,
                           const QString &text) const;
    Result<QString> cursor();
    Status writeCursor(const QString &value);

    Store &m_store;
    ErpClient &m_client;
    int m_pageSize = 1000;
    QString m_since;
};

} // namespace Ledgerdesk::Core
