#include "shopifystore.h"

#include "shopifyseed.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Ledgerdesk::Sandbox {

namespace {

QJsonArray quantitiesToJson(const Core::Quantities &q)
{
    QJsonArray out;
    for (qint64 v : q.values) {
        out.append(QJsonValue(v));
    }
    return out;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("ShopifyStore", text);
}

} // namespace

ShopifyStore ShopifyStore::seeded(quint32 seed, qint64 now)
{
    ShopifyStore store;
    ShopifySeed::build(store, seed, now);
    return store;
}

void ShopifyStore::reindex()
{
    m_byItem.clear();
    m_byVariant.clear();
    m_bySku.clear();
    m_byOrder.clear();
    for (int i = 0; i < variants.size(); ++i) {
        m_byItem.insert(variants.at(i).itemId, i);
        m_byVariant.insert(variants.at(i).id, i);
        m_bySku.insert(variants.at(i).sku, i);
    }
    for (int i = 0; i < orders.size(); ++i) {
        m_byOrder.insert(orders.at(i).id, i);
    }
}

ShopLevel &ShopifyStore::level(int variant, int location)
{
    return m_levels[variant * locations.size() + location];
}

const ShopLevel &ShopifyStore::level(int variant, int location) const
{
    return m_levels.at(variant * locations.size() + location);
}

int ShopifyStore::variantByItemId(qint64 itemId) const
{
    return m_byItem.value(itemId, -1);
}

int ShopifyStore::variantById(qint64 variantId) const
{
    return m_byVariant.value(variantId, -1);
}

int ShopifyStore::variantBySku(const QString &sku) const
{
    return m_bySku.value(sku, -1);
}

int ShopifyStore::orderById(qint64 id) const
{
    return m_byOrder.value(id, -1);
}

template <typename T> static int indexById(const QList<T> &list, qint64 id)
{
    for (int i = 0; i < list.size(); ++i) {
        if (list.at(i).id == id) {
            return i;
        }
    }
    return -1;
}

int ShopifyStore::locationById(qint64 id) const
{
    return indexById(locations, id);
}

int ShopifyStore::productById(qint64 id) const
{
    return indexById(products, id);
}

int ShopifyStore::companyById(qint64 id) const
{
    return indexById(companies, id);
}

int ShopifyStore::companyLocationById(qint64 id) const
{
    return indexById(companyLocations, id);
}

int ShopifyStore::priceListById(qint64 id) const
{
    return indexById(priceLists, id);
}

qint64 ShopifyStore::convert(qint64 usdMinor, const QString &currency)
{
    if (currency == u"EUR") {
        return (usdMinor * 92 + 50) / 100;
    }
    if (currency == u"CAD") {
        return (usdMinor * 137 + 50) / 100;
    }
    return usdMinor;
}

qint64 ShopifyStore::newOrderId() const
{
    return 561'878'346'500'000'000LL + qint64(m_seed % 1000) * 100'000 + nextOrderNumber * 7919LL;
}

qint64 ShopifyStore::newLineId(int orderIndex, int line) const
{
    return 661'878'346'500'000'000LL + qint64(orderIndex) * 1000 + line;
}

QJsonObject ShopifyStore::saveState() const
{
    QJsonArray levels;
    for (int v = 0; v < variants.size(); ++v) {
        for (int l = 0; l < locations.size(); ++l) {
            const ShopLevel &lv = level(v, l);
            levels.append(
                QJsonArray{v, l, quantitiesToJson(lv.quantities), QJsonValue(lv.updatedAt)});
        }
    }
    QJsonArray variantState;
    for (const ShopVariant &v : variants) {
        variantState.append(QJsonArray{QJsonValue(v.priceMinor), QJsonValue(v.updatedAt)});
    }
    QJsonArray orderState;
    for (const ShopOrder &o : orders) {
        QJsonArray lines;
        for (const ShopOrderLine &line : o.lines) {
            lines.append(QJsonArray{QString::number(line.id),
                                    line.variant,
                                    QJsonValue(line.quantity),
                                    QJsonValue(line.unitPriceMinor),
                                    QJsonValue(line.fulfilled),
                                    QJsonValue(line.refunded)});
        }
        orderState.append(QJsonObject{{QStringLiteral("id"), QString::number(o.id)},
                                      {QStringLiteral("number"), o.number},
                                      {QStringLiteral("currency"), o.currency},
                                      {QStringLiteral("financial"), o.financialStatus},
                                      {QStringLiteral("fulfillment"), o.fulfillmentStatus},
                                      {QStringLiteral("po"), o.poNumber},
                                      {QStringLiteral("email"), o.email},
                                      {QStringLiteral("location"), o.location},
                                      {QStringLiteral("company"), o.company},
                                      {QStringLiteral("companyLocation"), o.companyLocation},
                                      {QStringLiteral("terms"), o.paymentTerms},
                                      {QStringLiteral("createdAt"), QJsonValue(o.createdAt)},
                                      {QStringLiteral("updatedAt"), QJsonValue(o.updatedAt)},
                                      {QStringLiteral("lines"), lines}});
    }
    QJsonArray companyState;
    for (int i = 0; i < companies.size(); ++i) {
        const ShopCompany &c = companies.at(i);
        QJsonObject entry{{QStringLiteral("updatedAt"), QJsonValue(c.updatedAt)}};
        if (i >= seededCompanies) {
            const ShopCompanyLocation &l = companyLocations.at(c.locations.value(0));
            entry.insert(QStringLiteral("id"), QString::number(c.id));
            entry.insert(QStringLiteral("contactId"), QString::number(c.contactId));
            entry.insert(QStringLiteral("name"), c.name);
            entry.insert(QStringLiteral("externalId"), c.externalId);
            entry.insert(QStringLiteral("createdAt"), QJsonValue(c.createdAt));
            entry.insert(QStringLiteral("location"),
                         QJsonObject{{QStringLiteral("id"), QString::number(l.id)},
                                     {QStringLiteral("name"), l.name},
                                     {QStringLiteral("externalId"), l.externalId},
                                     {QStringLiteral("currency"), l.currency},
                                     {QStringLiteral("city"), l.city},
                                     {QStringLiteral("countryCode"), l.countryCode},
                                     {QStringLiteral("paymentTerms"), l.paymentTerms},
                                     {QStringLiteral("priceList"), l.priceList}});
        }
        companyState.append(entry);
    }
    return {{QStringLiteral("levels"), levels},
            {QStringLiteral("companies"), companyState},
            {QStringLiteral("variants"), variantState},
            {QStringLiteral("orders"), orderState},
            {QStringLiteral("nextOrderNumber"), nextOrderNumber},
            {QStringLiteral("nextAdjustmentGroup"), QJsonValue(nextAdjustmentGroup)}};
}

bool ShopifyStore::loadState(const QJsonObject &state, QString *error)
{
    const QJsonArray levels = state.value(QStringLiteral("levels")).toArray();
    const QJsonArray variantState = state.value(QStringLiteral("variants")).toArray();
    if (levels.size() != m_levels.size() || variantState.size() != variants.size()) {
        *error = tr("The saved shop was made with a different seed or catalogue.");
        return false;
    }
    for (const QJsonValue &entry : levels) {
        const QJsonArray row = entry.toArray();
        const int v = row.at(0).toInt(-1);
        const int l = row.at(1).toInt(-1);
        const QJsonArray q = row.at(2).toArray();
        if (v < 0 || v >= variants.size() || l < 0 || l >= locations.size()
            || q.size() != Core::kStoredQuantityCount) {
            *error = tr("The saved shop has a damaged inventory level.");
            return false;
        }
        ShopLevel &lv = level(v, l);
        for (int i = 0; i < Core::kStoredQuantityCount; ++i) {
            lv.quantities.values[std::size_t(i)] = q.at(i).toInteger();
        }
        lv.updatedAt = row.at(3).toInteger();
    }
    for (int i = 0; i < variants.size(); ++i) {
        const QJsonArray row = variantState.at(i).toArray();
        variants[i].priceMinor = row.at(0).toInteger();
        variants[i].updatedAt = row.at(1).toInteger();
    }
    const QJsonArray companyState = state.value(QStringLiteral("companies")).toArray();
    for (int i = 0; i < companyState.size(); ++i) {
        const QJsonObject entry = companyState.at(i).toObject();
        if (i >= seededCompanies) {
            const QJsonObject l = entry.value(QStringLiteral("location")).toObject();
            const int priceList = l.value(QStringLiteral("priceList")).toInt();
            const int terms = l.value(QStringLiteral("paymentTerms")).toInt();
            if (priceList < 0 || priceList >= priceLists.size() || terms < 0
                || terms >= paymentTerms.size()) {
                *error = tr("The saved shop has a damaged company.");
                return false;
            }
            ShopCompany c;
            c.id = entry.value(QStringLiteral("id")).toString().toLongLong();
            c.contactId = entry.value(QStringLiteral("contactId")).toString().toLongLong();
            c.name = entry.value(QStringLiteral("name")).toString();
            c.externalId = entry.value(QStringLiteral("externalId")).toString();
            c.createdAt = entry.value(QStringLiteral("createdAt")).toInteger();
            ShopCompanyLocation loc;
            loc.id = l.value(QStringLiteral("id")).toString().toLongLong();
            loc.company = i;
            loc.name = l.value(QStringLiteral("name")).toString();
            loc.externalId = l.value(QStringLiteral("externalId")).toString();
            loc.currency = l.value(QStringLiteral("currency")).toString();
            loc.city = l.value(QStringLiteral("city")).toString();
            loc.countryCode = l.value(QStringLiteral("countryCode")).toString();
            loc.paymentTerms = terms;
            loc.priceList = priceList;
            loc.createdAt = c.createdAt;
            c.locations << int(companyLocations.size());
            priceLists[priceList].companyLocations << int(companyLocations.size());
            companyLocations << loc;
            companies << c;
        }
        if (i < companies.size()) {
            companies[i].updatedAt = entry.value(QStringLiteral("updatedAt")).toInteger();
            for (int l : companies.at(i).locations) {
                companyLocations[l].updatedAt
                    = std::max(companyLocations.at(l).updatedAt, companies.at(i).updatedAt);
            }
        }
    }
    orders.clear();
    for (const QJsonValue &entry : state.value(QStringLiteral("orders")).toArray()) {
        const QJsonObject o = entry.toObject();
        ShopOrder order;
        order.id = o.value(QStringLiteral("id")).toString().toLongLong();
        order.number = o.value(QStringLiteral("number")).toInt();
        order.currency = o.value(QStringLiteral("currency")).toString();
        order.financialStatus = o.value(QStringLiteral("financial")).toString();
        order.fulfillmentStatus = o.value(QStringLiteral("fulfillment")).toString();
        order.poNumber = o.value(QStringLiteral("po")).toString();
        order.email = o.value(QStringLiteral("email")).toString();
        order.location = o.value(QStringLiteral("location")).toInt();
        order.company = o.value(QStringLiteral("company")).toInt(-1);
        order.companyLocation = o.value(QStringLiteral("companyLocation")).toInt(-1);
        order.paymentTerms = o.value(QStringLiteral("terms")).toInt(-1);
        order.createdAt = o.value(QStringLiteral("createdAt")).toInteger();
        order.updatedAt = o.value(QStringLiteral("updatedAt")).toInteger();
        const auto inRange = [](int index, qsizetype size, bool optional) {
            return (optional && index == -1) || (index >= 0 && index < size);
        };
        if (!inRange(order.location, locations.size(), false)
            || !inRange(order.company, companies.size(), true)
            || !inRange(order.companyLocation, companyLocations.size(), true)
            || !inRange(order.paymentTerms, paymentTerms.size(), true)
            || (order.company >= 0) != (order.companyLocation >= 0)) {
            *error = tr("The saved shop has a damaged order.");
            return false;
        }
        for (const QJsonValue &l : o.value(QStringLiteral("lines")).toArray()) {
            const QJsonArray row = l.toArray();
            order.lines << ShopOrderLine{row.at(0).toString().toLongLong(),
                                         row.at(1).toInt(),
                                         row.at(2).toInteger(),
                                         row.at(3).toInteger(),
                                         row.at(4).toInteger(),
                                         row.at(5).toInteger()};
            if (!inRange(order.lines.last().variant, variants.size(), false)) {
                *error = tr("The saved shop has a damaged order line.");
                return false;
            }
        }
        orders << order;
    }
    nextOrderNumber = state.value(QStringLiteral("nextOrderNumber")).toInt(1001);
    nextAdjustmentGroup = state.value(QStringLiteral("nextAdjustmentGroup")).toInteger(1);
    reindex();
    return true;
}

} // namespace Ledgerdesk::Sandbox
