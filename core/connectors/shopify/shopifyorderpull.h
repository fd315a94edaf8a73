#pragma once

#include <core/error.h>
#include <core/orders/order.h>
#include <core/sync/connector.h>

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace Ledgerdesk::Core {

class ShopifyGraphqlClient;
class Store;

// Shopify orders into the one order queue: every order updated since the cursor is read (DTC
// and B2B: PO number, company location, payment terms, lines with SKU, quantity and the unit
// price charged), handed to OrderIntake (received, B2B prices and quantities checked against
// the buyer's price list, allocated unless held), and held orders whose exceptions a person has
// closed are allocated at the end of the pass. An order the queue refuses (an unknown SKU, an
// edit after allocation) becomes one exception and the pass goes on.
class ShopifyOrderPull final
{
    Q_DECLARE_TR_FUNCTIONS(ShopifyOrderPull)

public:
    static inline const QString kActor = QStringLiteral("shopify-connector");

    ShopifyOrderPull(Store &store, ShopifyGraphqlClient &client);

    Status run(SyncCycleReport &report);

    // One `orders` node as the pull's query selects it.
    static Result<IncomingOrder> orderFromNode(const QJsonObject &node);
    // A payment's due day in UTC, so the pull (UTC times) and a webhook (the shop's offset) agree.
    static std::optional<QDate> dueDay(const QString &isoTime);
    // Takes one order into the queue; refusals become exceptions, storage failures errors.
    static Status intake(Store &store, const IncomingOrder &order, SyncCycleReport &report);

private:
    Status completeLines(const QString &orderGid, QJsonObject &node);

    Store &m_store;
    ShopifyGraphqlClient &m_client;
};

} // namespace Ledgerdesk::Core
