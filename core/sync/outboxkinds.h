#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

// Every kind of outbox row, and which connected system delivers it. A row for a pair not
// listed here is refused when it is written, so nothing is queued that no connector sends.
namespace OutboxKinds {
inline const QString kInventorySet = QStringLiteral("inventory.set");           // Shopify
inline const QString kInventoryAdjust = QStringLiteral("inventory.adjust");     // ERP
inline const QString kSalesOrderCreate = QStringLiteral("salesOrder.create");   // ERP
inline const QString kFulfillmentCreate = QStringLiteral("fulfillment.create"); // Shopify
inline const QString kPickCreate = QStringLiteral("pick.create");               // WMS
} // namespace OutboxKinds

struct OutboxKind
{
    QString name;
    QString target;  // "shopify", "erp", "wms"
    QString payload; // the fields a producer writes, for people reading the contract
};

const QList<OutboxKind> &outboxKinds();
bool isDeliverable(const QString &target, const QString &kind);

// The kind that carries a person's inventory figure to `system`, or nothing when that system
// takes no inventory writes (a WMS only sends counts).
std::optional<QString> inventoryPushKind(const QString &system);

} // namespace Ledgerdesk::Core
