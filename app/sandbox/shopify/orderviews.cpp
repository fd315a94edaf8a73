// ShopifyViews: orders, their line items, payment terms and purchasing entity.
#include "searchquery.h"
#include "shopifyformat.h"
#include "shopifyviews.h"

#include <QJsonArray>

namespace Ledgerdesk::Sandbox {

namespace {

const QString kOrder = QStringLiteral("Order");

qint64 customerIdFor(const QString &email)
{
    return 721'878'346'500'000'000LL + qint64(qHash(email) % 1'000'000'000ULL);
}

QString restStatus(const QString &graphqlStatus)
{
    return graphqlStatus.toLower();
}

} // namespace

QJsonValue ShopifyViews::orderRoot(const GqlField &field, const QJsonObject &args) const
{
    if (field.name == u"orders") {
        const SearchQuery query = search(field, args);
        QList<int> picked;
        for (int i = 0; i < m_store.orders.size(); ++i) {
            const ShopOrder &o = m_store.orders.at(i);
            if (query.matches([&](const QString &f) -> std::optional<QString> {
                    if (f == u"updated_at") {
                        return QString::number(o.updatedAt + m_skewMs);
                    }
                    if (f == u"created_at") {
                        return QString::number(o.createdAt + m_skewMs);
                    }
                    if (f == u"name") {
                        return QStringLiteral("#%1").arg(o.number);
                    }
                    if (f == u"po_number") {
                        return o.poNumber;
                    }
                    if (f == u"financial_status") {
                        return restStatus(o.financialStatus);
                    }
                    if (f == u"fulfillment_status") {
                        return restStatus(o.fulfillmentStatus);
                    }
                    if (f == u"id") {
                        return QString::number(o.id);
                    }
                    return std::nullopt;
                })) {
                picked << i;
            }
        }
        return paged(
            field,
            args,
            picked,
            [&](int i) { return m_store.orders.at(i).id; },
            [&](int i) { return order(i); },
            sortKey(
                args,
                [&](int i) { return m_store.orders.at(i).updatedAt; },
                [&](int i) { return m_store.orders.at(i).createdAt; }));
    }
    if (field.name == u"order") {
        const int i = m_store.orderById(
            ShopifyFormat::parseGid(argId(field, args, QStringLiteral("id")), kOrder).value_or(0));
        return i < 0 ? QJsonValue() : QJsonValue(order(i).project(field.selections, m_context));
    }
    return QJsonValue(QJsonValue::Undefined);
}

GqlObject ShopifyViews::order(int index) const
{
    const ShopOrder &o = m_store.orders.at(index);
    GqlObject g(kOrder, {QStringLiteral("Node")});
    qint64 subtotal = 0;
    for (const ShopOrderLine &line : o.lines) {
        subtotal += line.unitPriceMinor * line.quantity;
    }
    g.set(QStringLiteral("id"), ShopifyFormat::gid(kOrder, o.id));
    g.set(QStringLiteral("legacyResourceId"), QString::number(o.id));
    g.set(QStringLiteral("name"), QStringLiteral("#%1").arg(o.number));
    g.set(QStringLiteral("createdAt"), time(o.createdAt));
    g.set(QStringLiteral("updatedAt"), time(o.updatedAt));
    g.set(QStringLiteral("processedAt"), time(o.createdAt));
    g.set(QStringLiteral("poNumber"), o.poNumber.isEmpty() ? QJsonValue() : QJsonValue(o.poNumber));
    g.set(QStringLiteral("email"), o.email);
    g.set(QStringLiteral("currencyCode"), o.currency);
    g.set(QStringLiteral("presentmentCurrencyCode"), o.currency);
    g.set(QStringLiteral("displayFinancialStatus"), o.financialStatus);
    g.set(QStringLiteral("displayFulfillmentStatus"), o.fulfillmentStatus);
    g.set(QStringLiteral("subtotalPriceSet"), ShopifyFormat::moneyBag(subtotal, o.currency));
    g.set(QStringLiteral("totalPriceSet"), ShopifyFormat::moneyBag(subtotal, o.currency));
    g.set(QStringLiteral("currentTotalPriceSet"), ShopifyFormat::moneyBag(subtotal, o.currency));
    g.set(QStringLiteral("totalTaxSet"), ShopifyFormat::moneyBag(0, o.currency));
    const qint64 customerId = customerIdFor(o.email);
    g.set(QStringLiteral("customer"),
          QJsonObject{
              {QStringLiteral("__typename"), QStringLiteral("Customer")},
              {QStringLiteral("id"), ShopifyFormat::gid(QStringLiteral("Customer"), customerId)},
              {QStringLiteral("email"), o.email}});
    if (o.company >= 0) {
        const ShopCompany &c = m_store.companies.at(o.company);
        const ShopCompanyLocation &cl = m_store.companyLocations.at(o.companyLocation);
        g.set(QStringLiteral("purchasingEntity"),
              QJsonObject{
                  {QStringLiteral("__typename"), QStringLiteral("PurchasingCompany")},
                  {QStringLiteral("company"),
                   QJsonObject{
                       {QStringLiteral("__typename"), QStringLiteral("Company")},
                       {QStringLiteral("id"), ShopifyFormat::gid(QStringLiteral("Company"), c.id)},
                       {QStringLiteral("name"), c.name},
                       {QStringLiteral("externalId"), c.externalId}}},
                  {QStringLiteral("location"),
                   QJsonObject{{QStringLiteral("__typename"), QStringLiteral("CompanyLocation")},
                               {QStringLiteral("id"),
                                ShopifyFormat::gid(QStringLiteral("CompanyLocation"), cl.id)},
                               {QStringLiteral("name"), cl.name},
                               {QStringLiteral("externalId"), cl.externalId}}},
                  {QStringLiteral("contact"),
                   QJsonObject{
                       {QStringLiteral("__typename"), QStringLiteral("CompanyContact")},
                       {QStringLiteral("id"),
                        ShopifyFormat::gid(QStringLiteral("CompanyContact"), c.contactId)}}}});
    } else {
        g.set(QStringLiteral("purchasingEntity"),
              QJsonObject{{QStringLiteral("__typename"), QStringLiteral("Customer")},
                          {QStringLiteral("id"),
                           ShopifyFormat::gid(QStringLiteral("Customer"), customerId)},
                          {QStringLiteral("email"), o.email}});
    }
    if (o.paymentTerms >= 0) {
        const PaymentTermsTemplate &t = m_store.paymentTerms.at(o.paymentTerms);
        const qint64 due = o.createdAt + qint64(std::max(0, t.dueInDays)) * 86'400'000;
        g.set(QStringLiteral("paymentTerms"),
              QJsonObject{
                  {QStringLiteral("__typename"), QStringLiteral("PaymentTerms")},
                  {QStringLiteral("id"),
                   ShopifyFormat::gid(QStringLiteral("PaymentTerms"), o.id % 1'000'000'000)},
                  {QStringLiteral("paymentTermsName"), t.name},
                  {QStringLiteral("paymentTermsType"), t.type},
                  {QStringLiteral("dueInDays"),
                   t.dueInDays < 0 ? QJsonValue() : QJsonValue(t.dueInDays)},
                  {QStringLiteral("overdue"), false},
                  {QStringLiteral("paymentSchedules"),
                   QJsonObject{
                       {QStringLiteral("__typename"), QStringLiteral("PaymentScheduleConnection")},
                       {QStringLiteral("nodes"),
                        QJsonArray{QJsonObject{
                            {QStringLiteral("__typename"), QStringLiteral("PaymentSchedule")},
                            {QStringLiteral("issuedAt"), time(o.createdAt)},
                            {QStringLiteral("dueAt"), time(due)},
                            {QStringLiteral("completedAt"), QJsonValue()}}}}}}});
    } else {
        g.set(QStringLiteral("paymentTerms"), QJsonValue());
    }
    g.on(QStringLiteral("lineItems"), [this, index](const GqlField &f, const QJsonObject &a) {
        const ShopOrder &ord = m_store.orders.at(index);
        QList<int> all;
        for (int i = 0; i < ord.lines.size(); ++i) {
            all << i;
        }
        return QJsonValue(paged(
            f,
            a,
            all,
            [&ord](int i) { return ord.lines.at(i).id; },
            [this, &ord](int i) {
                const ShopOrderLine &line = ord.lines.at(i);
                const ShopVariant &v = m_store.variants.at(line.variant);
                GqlObject li(QStringLiteral("LineItem"));
                li.set(QStringLiteral("id"),
                       ShopifyFormat::gid(QStringLiteral("LineItem"), line.id));
                li.set(QStringLiteral("sku"), v.sku);
                li.set(QStringLiteral("name"),
                       QString(m_store.products.at(v.product).title + QStringLiteral(" - ")
                               + QString(v.color + QStringLiteral(" / ") + v.size)));
                li.set(QStringLiteral("title"), m_store.products.at(v.product).title);
                li.set(QStringLiteral("variantTitle"),
                       QString(v.color + QStringLiteral(" / ") + v.size));
                li.set(QStringLiteral("quantity"), QJsonValue(line.quantity));
                li.set(QStringLiteral("currentQuantity"),
                       QJsonValue(line.quantity - line.refunded));
                li.set(QStringLiteral("fulfillableQuantity"),
                       QJsonValue(line.quantity - line.fulfilled - line.refunded));
                li.set(QStringLiteral("refundableQuantity"),
                       QJsonValue(line.quantity - line.refunded));
                li.set(QStringLiteral("originalUnitPriceSet"),
                       ShopifyFormat::moneyBag(line.unitPriceMinor, ord.currency));
                li.set(QStringLiteral("discountedUnitPriceSet"),
                       ShopifyFormat::moneyBag(line.unitPriceMinor, ord.currency));
                li.set(QStringLiteral("originalTotalSet"),
                       ShopifyFormat::moneyBag(line.unitPriceMinor * line.quantity, ord.currency));
                const int vi = line.variant;
                li.on(QStringLiteral("variant"),
                      [this, vi](const GqlField &vf, const QJsonObject &) {
                          return QJsonValue(variant(vi).project(vf.selections, m_context));
                      });
                return li;
            }));
    });
    // One fulfillment order per order, at the order's location (see FulfillmentMutation).
    g.on(QStringLiteral("fulfillmentOrders"),
         [this, index](const GqlField &f, const QJsonObject &a) {
             return QJsonValue(paged(
                 f,
                 a,
                 {index},
                 [this](int i) { return m_store.orders.at(i).id; },
                 [this](int i) { return fulfillmentOrder(i); }));
         });
    return g;
}

GqlObject ShopifyViews::fulfillmentOrder(int index) const
{
    const ShopOrder &o = m_store.orders.at(index);
    qint64 open = 0;
    for (const ShopOrderLine &line : o.lines) {
        open += line.quantity - line.fulfilled - line.refunded;
    }
    GqlObject fo(QStringLiteral("FulfillmentOrder"), {QStringLiteral("Node")});
    fo.set(QStringLiteral("id"), ShopifyFormat::gid(QStringLiteral("FulfillmentOrder"), o.id));
    fo.set(QStringLiteral("status"), open > 0 ? QStringLiteral("OPEN") : QStringLiteral("CLOSED"));
    fo.set(QStringLiteral("requestStatus"), QStringLiteral("UNSUBMITTED"));
    fo.set(QStringLiteral("updatedAt"), time(o.updatedAt));
    fo.on(QStringLiteral("lineItems"), [this, index](const GqlField &f, const QJsonObject &a) {
        const ShopOrder &ord = m_store.orders.at(index);
        QList<int> all;
        for (int i = 0; i < ord.lines.size(); ++i) {
            all << i;
        }
        return QJsonValue(paged(
            f,
            a,
            all,
            [&ord](int i) { return ord.lines.at(i).id; },
            [this, &ord](int i) {
                const ShopOrderLine &line = ord.lines.at(i);
                GqlObject li(QStringLiteral("FulfillmentOrderLineItem"));
                li.set(QStringLiteral("id"),
                       ShopifyFormat::gid(QStringLiteral("FulfillmentOrderLineItem"), line.id));
                li.set(QStringLiteral("sku"), m_store.variants.at(line.variant).sku);
                li.set(QStringLiteral("totalQuantity"), QJsonValue(line.quantity - line.refunded));
                li.set(QStringLiteral("remainingQuantity"),
                       QJsonValue(line.quantity - line.fulfilled - line.refunded));
                return li;
            }));
    });
    return fo;
}

} // namespace Ledgerdesk::Sandbox
