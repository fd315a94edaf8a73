#pragma once

#include "../business/shopifystore.h"

#include <QByteArray>

namespace Ledgerdesk::Sandbox {

// REST-shaped webhook bodies (the resource itself, no wrapper), ids written as 64-bit integers,
// money as decimal strings and timestamps in the shop's UTC offset.
class WebhookPayloads final
{
public:
    explicit WebhookPayloads(const ShopifyStore &store, qint64 clockSkewMs = 0);

    QByteArray inventoryLevel(int variant, int location) const;
    QByteArray order(int index) const;
    QByteArray product(int index) const;
    QByteArray fulfillment(int order, qint64 fulfillmentId, qint64 at) const;
    QByteArray refund(int order, int line, qint64 quantity, qint64 refundId, qint64 at) const;
    QByteArray company(int index) const;
    QByteArray companyLocation(int index) const;

private:
    QJsonObject lineItem(const ShopOrder &order, const ShopOrderLine &line) const;
    QString time(qint64 ms) const;

    const ShopifyStore &m_store;
    qint64 m_skewMs = 0;
};

} // namespace Ledgerdesk::Sandbox
