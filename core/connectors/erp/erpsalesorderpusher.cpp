#include "erpsalesorderpusher.h"

#include <core/catalog/externalidmap.h>
#include <core/connectors/erp/erpadjustmentpusher.h>
#include <core/connectors/erp/erpclient.h>
#include <core/domain/money.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Ledgerdesk::Core {

namespace {

QString idText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString::number(value.toInteger());
}

} // namespace

ErpSalesOrderPusher::ErpSalesOrderPusher(Store &store,
                                         ErpClient &client,
                                         const QHash<QString, QString> &itemSkus,
                                         QString consumerCustomer,
                                         int pageSize)
    : m_store(store)
    , m_client(client)
    , m_consumerCustomer(std::move(consumerCustomer))
    , m_pageSize(pageSize)
{
    for (auto it = itemSkus.cbegin(); it != itemSkus.cend(); ++it) {
        m_itemIds.insert(it.value(), it.key());
    }
}

Status ErpSalesOrderPusher::loadCustomers()
{
    m_customers.clear();
    for (qint64 offset = 0;;) {
        const auto page = m_client.suiteQl(
            QStringLiteral("SELECT id, companyname, currency FROM customer"), m_pageSize, offset);
        if (!page) {
            return page.error();
        }
        for (const QJsonValue &value : page.value().items) {
            const QJsonObject row = value.toObject();
            m_customers.insert(row.value(QStringLiteral("companyname")).toString().trimmed(),
                               {idText(row.value(QStringLiteral("id"))),
                                row.value(QStringLiteral("currency")).toString()});
        }
        if (!page.value().hasMore || page.value().items.isEmpty()) {
            break;
        }
        offset += page.value().items.size();
    }
    m_customersLoaded = true;
    return success();
}

std::variant<QJsonObject, ErpSalesOrderPusher::Failure>
ErpSalesOrderPusher::body(const OutboxItem &item)
{
    const QJsonObject payload = QJsonDocument::fromJson(item.payload).object();
    const QString externalId = payload.value(QStringLiteral("externalId")).toString();
    const QJsonArray lines = payload.value(QStringLiteral("lines")).toArray();
    if (externalId.isEmpty() || lines.isEmpty()) {
        return Failure{tr("a %1 row needs externalId and lines").arg(item.kind), true};
    }
    const QString name = payload.value(QStringLiteral("name")).toString();
    QString company = payload.value(QStringLiteral("entity")).toString().trimmed();
    if (company.isEmpty()) {
        company = m_consumerCustomer;
    }
    if (company.isEmpty()) {
        return Failure{tr("order %1 names no company and the ERP connection names no "
                          "consumerCustomer to book consumer orders to")
                           .arg(name),
                       true};
    }
    if (!m_customers.contains(company)) {
        // A customer created since the list was read: read it again once.
        if (const Status loaded = loadCustomers(); !loaded) {
            return Failure{loaded.error().message, false};
        }
    }
    const auto customer = m_customers.constFind(company);
    if (customer == m_customers.cend()) {
        return Failure{tr("the ERP has no customer \"%1\" for order %2").arg(company, name), true};
    }
    const QString currency = payload.value(QStringLiteral("currency")).toString();
    if (!customer->second.isEmpty() && currency != customer->second) {
        return Failure{tr("order %1 is in %2 but the ERP customer %3 buys in %4")
                           .arg(name, currency, company, customer->second),
                       true};
    }
    QJsonArray items;
    for (const QJsonValue &value : lines) {
        const QJsonObject line = value.toObject();
        const QString sku = line.value(QStringLiteral("sku")).toString();
        const QString itemId = m_itemIds.value(sku);
        if (itemId.isEmpty()) {
            return Failure{tr("the ERP has no item %1 (order %2)").arg(sku, name), true};
        }
        const auto rate = Money::parse(line.value(QStringLiteral("rate")).toString(), currency);
        if (!rate) {
            return Failure{rate.error().message, true};
        }
        const int digits = Money::minorDigits(currency);
        double scale = 1;
        for (int i = 0; i < digits; ++i) {
            scale *= 10;
        }
        items.append(QJsonObject{
            {QStringLiteral("item"), QJsonObject{{QStringLiteral("id"), itemId}}},
            {QStringLiteral("quantity"), line.value(QStringLiteral("quantity")).toInteger()},
            {QStringLiteral("rate"), double(rate.value().minorUnits()) / scale}});
    }
    QJsonObject body{
        {QStringLiteral("externalId"), externalId},
        {QStringLiteral("entity"), QJsonObject{{QStringLiteral("id"), customer->first}}},
        {QStringLiteral("memo"), tr("Ledgerdesk order %1").arg(name)},
        {QStringLiteral("item"), QJsonObject{{QStringLiteral("items"), items}}}};
    const QString po = payload.value(QStringLiteral("poNumber")).toString();
    if (!po.isEmpty()) {
        body.insert(QStringLiteral("otherRefNum"), po);
    }
    const QString terms = payload.value(QStringLiteral("terms")).toString();
    if (!terms.isEmpty()) {
        body.insert(QStringLiteral("terms"), QJsonObject{{QStringLiteral("refName"), terms}});
    }
    return body;
}

std::variant<QString, ErpSalesOrderPusher::Failure>
ErpSalesOrderPusher::deliver(const OutboxItem &item)
{
    if (!m_customersLoaded) {
        if (const Status loaded = loadCustomers(); !loaded) {
            return Failure{loaded.error().message, false};
        }
    }
    auto built = body(item);
    if (const Failure *refused = std::get_if<Failure>(&built)) {
        return *refused;
    }
    const auto created = m_client.createRecord(
        QStringLiteral("salesOrder"), std::get<QJsonObject>(built), item.idempotencyKey);
    if (!created) {
        return Failure{created.error().message, !ErpAdjustmentPusher::isRetryable(created.error())};
    }
    const qint64 orderId = QJsonDocument::fromJson(item.payload)
                               .object()
                               .value(QStringLiteral("orderId"))
                               .toInteger();
    if (orderId > 0 && !created.value().isEmpty()) {
        const Status linked = ExternalIdMap(m_store).link(
            QStringLiteral("erp"), QStringLiteral("order"), orderId, created.value());
        if (!linked) {
            return Failure{linked.error().message, false};
        }
    }
    return created.value();
}

} // namespace Ledgerdesk::Core
