#pragma once

#include "../business/shopifystore.h"
#include "../graphql/graphqldocument.h"

#include <QJsonObject>

namespace Ledgerdesk::Sandbox {

// fulfillmentCreate(fulfillment: {lineItemsByFulfillmentOrder: [{fulfillmentOrderId,
// fulfillmentOrderLineItems: [{id, quantity}]}], notifyCustomer, trackingInfo}). The sandbox
// keeps one fulfillment order per order (FulfillmentOrder/<order id>, its line items
// FulfillmentOrderLineItem/<line item id>); naming no line items fulfils all that remains. The
// fulfilled units leave `committed` at the order's location, and the order becomes FULFILLED or
// PARTIALLY_FULFILLED. Problems with the request are user errors and change nothing.
class FulfillmentMutation final
{
public:
    FulfillmentMutation(ShopifyStore &store, qint64 now);

    static bool handles(const QString &mutation) { return mutation == u"fulfillmentCreate"; }

    // The payload as plain JSON (objects carry __typename); raises GqlFieldError when the
    // `fulfillment` argument is missing.
    QJsonObject run(const GqlField &field, const QJsonObject &args);

    int orderIndex() const { return m_order; } // -1 unless something was fulfilled

    qint64 fulfillmentId() const { return m_fulfillmentId; }

private:
    QJsonObject refused(const QJsonArray &field, const QString &message) const;

    ShopifyStore &m_store;
    qint64 m_now = 0;
    int m_order = -1;
    qint64 m_fulfillmentId = 0;
};

} // namespace Ledgerdesk::Sandbox
