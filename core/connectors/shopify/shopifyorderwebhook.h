#pragma once

#include <core/error.h>
#include <core/orders/order.h>

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

namespace Ledgerdesk::Core {

class Store;

// An `orders/create` webhook body (the REST Order) as the order the pull would read. The REST
// body names a B2B buyer's company by id only; the name comes from the PriceBook, and an order
// for a company the ledger does not know yet is left to the next pull (nullopt), so the order
// is never stored with a different content than the pull gives it.
class ShopifyOrderWebhook final
{
    Q_DECLARE_TR_FUNCTIONS(ShopifyOrderWebhook)

public:
    static Result<std::optional<IncomingOrder>> fromRest(Store &store, const QByteArray &body);
};

} // namespace Ledgerdesk::Core
