#pragma once

#include <core/error.h>
#include <core/sync/outboxitem.h>
#include <core/sync/outboxkinds.h>

#include <QCoreApplication>
#include <QHash>

namespace Ledgerdesk::Core {

class ErpClient;
class Store;

// Delivers due "inventory.adjust" outbox rows for the ERP as inventoryAdjustment records, each
// sent with its row's idempotency key (X-NetSuite-Idempotency-Key), so a retry after a lost
// answer is applied once. Payload: {"sku", "location" (ledger code), "delta", "memo"}.
// Rejections (unknown item, below zero, other kinds of row) are dead-lettered with the ERP's
// reason; throttling, outages and lost answers are retried by the outbox's policy.
class ErpAdjustmentPusher final
{
    Q_DECLARE_TR_FUNCTIONS(ErpAdjustmentPusher)

public:
    static inline const QString kKind = OutboxKinds::kInventoryAdjust;

    ErpAdjustmentPusher(Store &store,
                        ErpClient &client,
                        const QHash<QString, QString> &itemSkus,
                        const QHash<QString, QString> &locationCodes);

    // Sends one row; returns the ERP's id of the adjustment. The connector claims the rows and
    // records each outcome in the outbox.
    Result<QString> deliver(const OutboxItem &item);

    // Whether a failed delivery may succeed later (throttling, outages, lost answers).
    static bool isRetryable(const Error &error);

private:
    Store &m_store;
    ErpClient &m_client;
    QHash<QString, QString> m_itemIds;     // SKU → ERP item id
    QHash<QString, QString> m_locationIds; // ledger code → ERP location id
};

} // namespace Ledgerdesk::Core
