#include "webhookpayloads.h"

#include "../jsontext.h"
#include "shopifyformat.h"

#include <QJsonArray>

namespace Ledgerdesk::Sandbox {

namespace {

QString restFinancial(const QString &status)
{
    return status.toLower();
}

QJsonValue restFulfillment(const QString &status)
{
    if (status == u"FULFILLED") {
        return QStringLiteral("fulfilled");
    }
    if (status == u"PARTIALLY_FULFILLED") {
        return QStringLiteral("partial");
    }
    return QJsonValue();
}

} // namespace

WebhookPayloads::WebhookPayloads(const ShopifyStore &store, qint64 clockSkewMs)
    : m_store(store)
    , m_skewMs(clockSkewMs)
{}

QString WebhookPayloads::time(qint64 ms) const
{
    return ShopifyFormat::restTime(ms + m_skewMs);
}

QByteArray WebhookPayloads::inventoryLevel(int variant, int location) const
{
    const ShopVariant &v = m_store.variants.at(variant);
    const ShopLocation &l = m_store.locations.at(location);
    const ShopLevel &level = m_store.level(variant, location);
    return JsonText::serialize(QJsonObject{
        {QStringLiteral("inventory_item_id"), JsonText::bigInt(v.itemId)},
        {QStringLiteral("location_id"), JsonText::bigInt(l.id)},
        {QStringLiteral("available"), QJsonValue(level.quantities.available())},
        {QStringLiteral("updated_at"), time(level.updatedAt)},
        {QStringLiteral("admin_graphql_api_id"), ShopifyFormat::levelGid(l.id, v.itemId)}});
}

QJsonObject WebhookPayloads::lineItem(const ShopOrder &order, const ShopOrderLine &line) const
{
    const ShopVariant &v = m_store.variants.at(line.variant);
    const ShopProduct &p = m_store.products.at(v.product);
    return {
        {QStringLiteral("id"), JsonText::bigInt(line.id)},
        {QStringLiteral("admin_graphql_api_id"),
         ShopifyFormat::gid(QStringLiteral("LineItem"), line.id)},
        {QStringLiteral("sku"), v.sku},
        {QStringLiteral("name"),
         QString(p.title + QStringLiteral(" - ") + v.color + QStringLiteral(" / ") + v.size)},
        {QStringLiteral("title"), p.title},
        {QStringLiteral("variant_title"), QString(v.color + QStringLiteral(" / ") + v.size)},
        {QStringLiteral("quantity"), QJsonValue(line.quantity)},
        {QStringLiteral("current_quantity"), QJsonValue(line.quantity - line.refunded)},
        {QStringLiteral("fulfillable_quantity"),
         QJsonValue(line.quantity - line.fulfilled - line.refunded)},
        {QStringLiteral("price"), ShopifyFormat::amount(line.unitPriceMinor, order.currency)},
        {QStringLiteral("price_set"),
         ShopifyFormat::restMoneySet(line.unitPriceMinor, order.currency)},
        {QStringLiteral("variant_id"), JsonText::bigInt(v.id)},
        {QStringLiteral("product_id"), JsonText::bigInt(p.id)},
        {QStringLiteral("requires_shipping"), true},
        {QStringLiteral("fulfillment_status"),
         line.fulfilled >= line.quantity ? QJsonValue(QStringLiteral("fulfilled")) : QJsonValue()}};
}

QByteArray WebhookPayloads::order(int index) const
{
    const ShopOrder &o = m_store.orders.at(index);
    QJsonArray lines;
    qint64 subtotal = 0;
    for (const ShopOrderLine &line : o.lines) {
        lines.append(lineItem(o, line));
        subtotal += line.unitPriceMinor * line.quantity;
    }
    QJsonObject body{
        {QStringLiteral("id"), JsonText::bigInt(o.id)},
        {QStringLiteral("admin_graphql_api_id"), ShopifyFormat::gid(QStringLiteral("Order"), o.id)},
        {QStringLiteral("name"), QStringLiteral("#%1").arg(o.number)},
        {QStringLiteral("order_number"), o.number},
        {QStringLiteral("po_number"), o.poNumber.isEmpty() ? QJsonValue() : QJsonValue(o.poNumber)},
        {QStringLiteral("email"), o.email},
        {QStringLiteral("created_at"), time(o.createdAt)},
        {QStringLiteral("updated_at"), time(o.updatedAt)},
        {QStringLiteral("processed_at"), time(o.createdAt)},
        {QStringLiteral("currency"), o.currency},
        {QStringLiteral("presentment_currency"), o.currency},
        {QStringLiteral("financial_status"), restFinancial(o.financialStatus)},
        {QStringLiteral("fulfillment_status"), restFulfillment(o.fulfillmentStatus)},
        {QStringLiteral("subtotal_price"), ShopifyFormat::amount(subtotal, o.currency)},
        {QStringLiteral("subtotal_price_set"), ShopifyFormat::restMoneySet(subtotal, o.currency)},
        {QStringLiteral("total_price"), ShopifyFormat::amount(subtotal, o.currency)},
        {QStringLiteral("total_price_set"), ShopifyFormat::restMoneySet(subtotal, o.currency)},
        {QStringLiteral("total_tax"), ShopifyFormat::amount(0, o.currency)},
        {QStringLiteral("tags"), o.company >= 0 ? QStringLiteral("b2b") : QString()},
        {QStringLiteral("line_items"), lines},
        {QStringLiteral("refunds"), QJsonArray()},
    };
    if (o.paymentTerms >= 0) {
        const PaymentTermsTemplate &t = m_store.paymentTerms.at(o.paymentTerms);
        body.insert(
            QStringLiteral("payment_terms"),
            QJsonObject{
                {QStringLiteral("id"), JsonText::bigInt(o.id % 1'000'000'000)},
                {QStringLiteral("payment_terms_name"), t.name},
                {QStringLiteral("payment_terms_type"), t.type.toLower()},
                {QStringLiteral("due_in_days"),
                 t.dueInDays < 0 ? QJsonValue() : QJsonValue(t.dueInDays)},
                {QStringLiteral("payment_schedules"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("issued_at"), time(o.createdAt)},
                     {QStringLiteral("due_at"),
                      time(o.createdAt + qint64(std::max(0, t.dueInDays)) * 86'400'000)},
                     {QStringLiteral("amount"), ShopifyFormat::amount(subtotal, o.currency)},
                     {QStringLiteral("currency"), o.currency}}}}});
    } else {
        body.insert(QStringLiteral("payment_terms"), QJsonValue());
    }
    if (o.company >= 0) {
        const ShopCompany &c = m_store.companies.at(o.company);
        body.insert(
            QStringLiteral("company"),
            QJsonObject{{QStringLiteral("id"), JsonText::bigInt(c.id)},
                        {QStringLiteral("location_id"),
                         JsonText::bigInt(m_store.companyLocations.at(o.companyLocation).id)}});
    }
    return JsonText::serialize(body);
}

QByteArray WebhookPayloads::product(int index) const
{
    const ShopProduct &p = m_store.products.at(index);
    QJsonArray variants;
    for (int vi : p.variants) {
        const ShopVariant &v = m_store.variants.at(vi);
        qint64 available = 0;
        for (int l = 0; l < m_store.locations.size(); ++l) {
            available += m_store.level(vi, l).quantities.available();
        }
        variants.append(QJsonObject{
            {QStringLiteral("id"), JsonText::bigInt(v.id)},
            {QStringLiteral("product_id"), JsonText::bigInt(p.id)},
            {QStringLiteral("title"), QString(v.color + QStringLiteral(" / ") + v.size)},
            {QStringLiteral("sku"), v.sku},
            {QStringLiteral("barcode"), v.barcode},
            {QStringLiteral("price"), ShopifyFormat::amount(v.priceMinor, m_store.shopCurrency)},
            {QStringLiteral("option1"), v.color},
            {QStringLiteral("option2"), v.size},
            {QStringLiteral("inventory_item_id"), JsonText::bigInt(v.itemId)},
            {QStringLiteral("inventory_quantity"), QJsonValue(available)},
            {QStringLiteral("created_at"), time(v.createdAt)},
            {QStringLiteral("updated_at"), time(v.updatedAt)},
            {QStringLiteral("admin_graphql_api_id"),
             ShopifyFormat::gid(QStringLiteral("ProductVariant"), v.id)}});
    }
    return JsonText::serialize(QJsonObject{{QStringLiteral("id"), JsonText::bigInt(p.id)},
                                           {QStringLiteral("admin_graphql_api_id"),
                                            ShopifyFormat::gid(QStringLiteral("Product"), p.id)},
                                           {QStringLiteral("title"), p.title},
                                           {QStringLiteral("handle"), p.handle},
                                           {QStringLiteral("vendor"), p.vendor},
                                           {QStringLiteral("product_type"), p.productType},
                                           {QStringLiteral("status"), QStringLiteral("active")},
                                           {QStringLiteral("created_at"), time(p.createdAt)},
                                           {QStringLiteral("updated_at"), time(p.updatedAt)},
                                           {QStringLiteral("variants"), variants}});
}

QByteArray WebhookPayloads::fulfillment(int orderIndex, qint64 fulfillmentId, qint64 at) const
{
    const ShopOrder &o = m_store.orders.at(orderIndex);
    QJsonArray lines;
    for (const ShopOrderLine &line : o.lines) {
        lines.append(lineItem(o, line));
    }
    return JsonText::serialize(QJsonObject{
        {QStringLiteral("id"), JsonText::bigInt(fulfillmentId)},
        {QStringLiteral("admin_graphql_api_id"),
         ShopifyFormat::gid(QStringLiteral("Fulfillment"), fulfillmentId)},
        {QStringLiteral("order_id"), JsonText::bigInt(o.id)},
        {QStringLiteral("location_id"), JsonText::bigInt(m_store.locations.at(o.location).id)},
        {QStringLiteral("name"), QStringLiteral("#%1.1").arg(o.number)},
        {QStringLiteral("status"), QStringLiteral("success")},
        {QStringLiteral("created_at"), time(at)},
        {QStringLiteral("updated_at"), time(at)},
        {QStringLiteral("tracking_company"), QStringLiteral("UPS")},
        {QStringLiteral("tracking_number"),
         QStringLiteral("1Z%1").arg(fulfillmentId % 1'000'000'000)},
        {QStringLiteral("line_items"), lines}});
}

QByteArray
WebhookPayloads::refund(int orderIndex, int line, qint64 quantity, qint64 refundId, qint64 at) const
{
    const ShopOrder &o = m_store.orders.at(orderIndex);
    const ShopOrderLine &l = o.lines.at(line);
    const qint64 amount = l.unitPriceMinor * quantity;
    return JsonText::serialize(QJsonObject{
        {QStringLiteral("id"), JsonText::bigInt(refundId)},
        {QStringLiteral("admin_graphql_api_id"),
         ShopifyFormat::gid(QStringLiteral("Refund"), refundId)},
        {QStringLiteral("order_id"), JsonText::bigInt(o.id)},
        {QStringLiteral("created_at"), time(at)},
        {QStringLiteral("processed_at"), time(at)},
        {QStringLiteral("note"), QStringLiteral("Customer return")},
        {QStringLiteral("restock"), true},
        {QStringLiteral("refund_line_items"),
         QJsonArray{QJsonObject{
             {QStringLiteral("id"), JsonText::bigInt(refundId + 1)},
             {QStringLiteral("line_item_id"), JsonText::bigInt(l.id)},
             {QStringLiteral("quantity"), QJsonValue(quantity)},
             {QStringLiteral("restock_type"), QStringLiteral("return")},
             {QStringLiteral("location_id"), JsonText::bigInt(m_store.locations.at(o.location).id)},
             {QStringLiteral("subtotal"), ShopifyFormat::amount(amount, o.currency)},
             {QStringLiteral("subtotal_set"), ShopifyFormat::restMoneySet(amount, o.currency)},
             {QStringLiteral("line_item"), lineItem(o, l)}}}},
        {QStringLiteral("transactions"),
         QJsonArray{
             QJsonObject{{QStringLiteral("id"), JsonText::bigInt(refundId + 2)},
                         {QStringLiteral("kind"), QStringLiteral("refund")},
                         {QStringLiteral("status"), QStringLiteral("success")},
                         {QStringLiteral("amount"), ShopifyFormat::amount(amount, o.currency)},
                         {QStringLiteral("currency"), o.currency}}}}});
}

QByteArray WebhookPayloads::company(int index) const
{
    const ShopCompany &c = m_store.companies.at(index);
    return JsonText::serialize(
        QJsonObject{{QStringLiteral("name"), c.name},
                    {QStringLiteral("note"), QJsonValue()},
                    {QStringLiteral("external_id"), c.externalId},
                    {QStringLiteral("main_contact_admin_graphql_api_id"),
                     ShopifyFormat::gid(QStringLiteral("CompanyContact"), c.contactId)},
                    {QStringLiteral("created_at"), time(c.createdAt)},
                    {QStringLiteral("updated_at"), time(c.updatedAt)},
                    {QStringLiteral("customer_since"), time(c.createdAt)},
                    {QStringLiteral("admin_graphql_api_id"),
                     ShopifyFormat::gid(QStringLiteral("Company"), c.id)}});
}

QByteArray WebhookPayloads::companyLocation(int index) const
{
    const ShopCompanyLocation &l = m_store.companyLocations.at(index);
    const ShopCompany &c = m_store.companies.at(l.company);
    const QJsonObject address{{QStringLiteral("address1"), l.name},
                              {QStringLiteral("city"), l.city},
                              {QStringLiteral("country_code"), l.countryCode}};
    return JsonText::serialize(
        QJsonObject{{QStringLiteral("name"), l.name},
                    {QStringLiteral("external_id"), l.externalId},
                    {QStringLiteral("currency"), l.currency},
                    {QStringLiteral("created_at"), time(l.createdAt)},
                    {QStringLiteral("updated_at"), time(l.updatedAt)},
                    {QStringLiteral("company_admin_graphql_api_id"),
                     ShopifyFormat::gid(QStringLiteral("Company"), c.id)},
                    {QStringLiteral("billing_address"), address},
                    {QStringLiteral("shipping_address"), address},
                    {QStringLiteral("admin_graphql_api_id"),
                     ShopifyFormat::gid(QStringLiteral("CompanyLocation"), l.id)}});
}

} // namespace Ledgerdesk::Sandbox
