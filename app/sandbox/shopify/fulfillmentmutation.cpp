#include "fulfillmentmutation.h"

#include "../graphql/gqlcontext.h"
#include "shopifyformat.h"

#include <QJsonArray>
#include <QMap>

namespace Ledgerdesk::Sandbox {

namespace {

const QString kPayload = QStringLiteral("FulfillmentCreatePayload");

qint64 remaining(const ShopOrderLine &line)
{
    return line.quantity - line.fulfilled - line.refunded;
}

} // namespace

FulfillmentMutation::FulfillmentMutation(ShopifyStore &store, qint64 now)
    : m_store(store)
    , m_now(now)
{}

QJsonObject FulfillmentMutation::refused(const QJsonArray &field, const QString &message) const
{
    return {{QStringLiteral("__typename"), kPayload},
            {QStringLiteral("fulfillment"), QJsonValue()},
            {QStringLiteral("userErrors"),
             QJsonArray{QJsonObject{{QStringLiteral("__typename"), QStringLiteral("UserError")},
                                    {QStringLiteral("field"), field},
                                    {QStringLiteral("message"), message}}}}};
}

QJsonObject FulfillmentMutation::run(const GqlField &field, const QJsonObject &args)
{
    if (!args.value(QStringLiteral("fulfillment")).isObject()) {
        GqlContext::raise(
            QStringLiteral("Field '%1' is missing required arguments: fulfillment").arg(field.name),
            field.at,
            QStringLiteral("missingRequiredArguments"));
    }
    const QJsonArray groups = args.value(QStringLiteral("fulfillment"))
                                  .toObject()
                                  .value(QStringLiteral("lineItemsByFulfillmentOrder"))
                                  .toArray();
    const QJsonArray base{QStringLiteral("fulfillment"),
                          QStringLiteral("lineItemsByFulfillmentOrder")};
    if (groups.isEmpty()) {
        return refused(base, QStringLiteral("At least one fulfillment order is required."));
    }
    int order = -1;
    QMap<int, qint64> take; // line index → units
    for (int g = 0; g < groups.size(); ++g) {
        const QJsonObject group = groups.at(g).toObject();
        QJsonArray at = base;
        at << g << QStringLiteral("fulfillmentOrderId");
        const QString gid = group.value(QStringLiteral("fulfillmentOrderId")).toString();
        const auto id = ShopifyFormat::parseGid(gid, QStringLiteral("FulfillmentOrder"));
        const int index = id ? m_store.orderById(*id) : -1;
        if (index < 0) {
            return refused(at, QStringLiteral("Fulfillment order does not exist."));
        }
        if (order >= 0 && order != index) {
            return refused(at,
                           QStringLiteral("All fulfillment orders must belong to the same order."));
        }
        order = index;
        const ShopOrder &o = m_store.orders.at(index);
        const QJsonArray items = group.value(QStringLiteral("fulfillmentOrderLineItems")).toArray();
        if (items.isEmpty()) {
            for (int l = 0; l < o.lines.size(); ++l) {
                if (remaining(o.lines.at(l)) > 0) {
                    take[l] = remaining(o.lines.at(l));
                }
            }
        }
        for (int i = 0; i < items.size(); ++i) {
            const QJsonObject item = items.at(i).toObject();
            QJsonArray itemAt = base;
            itemAt << g << QStringLiteral("fulfillmentOrderLineItems") << i;
            const auto lineId = ShopifyFormat::parseGid(item.value(QStringLiteral("id")).toString(),
                                                        QStringLiteral("FulfillmentOrderLineItem"));
            int line = -1;
            for (int l = 0; l < o.lines.size() && lineId; ++l) {
                if (o.lines.at(l).id == *lineId) {
                    line = l;
                }
            }
            if (line < 0) {
                return refused(itemAt << QStringLiteral("id"),
                               QStringLiteral("Fulfillment order line item does not exist."));
            }
            const QJsonValue quantity = item.value(QStringLiteral("quantity"));
            const qint64 units = quantity.toInteger();
            if (!quantity.isDouble() || units < 1
                || take.value(line) + units > remaining(o.lines.at(line))) {
                return refused(itemAt << QStringLiteral("quantity"),
                               QStringLiteral("Quantity must be between 1 and the %1 remaining.")
                                   .arg(remaining(o.lines.at(line)) - take.value(line)));
            }
            take[line] += units;
        }
    }
    if (take.isEmpty()) {
        const QString gid
            = groups.at(0).toObject().value(QStringLiteral("fulfillmentOrderId")).toString();
        QJsonArray at = base;
        at << 0 << QStringLiteral("fulfillmentOrderId");
        return refused(
            at,
            QStringLiteral("Fulfillment order %1 has an unfulfillable status= closed.").arg(gid));
    }
    ShopOrder &o = m_store.orders[order];
    qint64 before = 0;
    for (const ShopOrderLine &line : std::as_const(o.lines)) {
        before += line.fulfilled;
    }
    for (auto it = take.cbegin(); it != take.cend(); ++it) {
        ShopOrderLine &line = o.lines[it.key()];
        ShopLevel &level = m_store.level(line.variant, o.location);
        level.quantities.add(Core::QuantityName::Committed, -it.value());
        level.updatedAt = m_now;
        line.fulfilled += it.value();
    }
    bool complete = true;
    for (const ShopOrderLine &line : std::as_const(o.lines)) {
        complete = complete && remaining(line) <= 0;
    }
    o.fulfillmentStatus
        = complete ? QStringLiteral("FULFILLED") : QStringLiteral("PARTIALLY_FULFILLED");
    o.updatedAt = m_now;
    m_order = order;
    // Derived from the order and the units fulfilled before, so it is unique per fulfilment and
    // matches the id the shop's own fulfilments use for the first one.
    m_fulfillmentId = o.id + 17 + before;
    return {{QStringLiteral("__typename"), kPayload},
            {QStringLiteral("fulfillment"),
             QJsonObject{{QStringLiteral("__typename"), QStringLiteral("Fulfillment")},
                         {QStringLiteral("id"),
                          ShopifyFormat::gid(QStringLiteral("Fulfillment"), m_fulfillmentId)},
                         {QStringLiteral("name"), QStringLiteral("#%1.1").arg(o.number)},
                         {QStringLiteral("status"), QStringLiteral("SUCCESS")},
                         {QStringLiteral("createdAt"), ShopifyFormat::graphqlTime(m_now)}}},
            {QStringLiteral("userErrors"), QJsonArray()}};
}

} // namespace Ledgerdesk::Sandbox
