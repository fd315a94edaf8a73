#include "erprecords.h"

#include <QJsonArray>

#include <cmath>

namespace Ledgerdesk::Sandbox {

namespace {

const QMap<qint64, QJsonObject> kNoRecords;

QJsonObject ref(qint64 id, const QString &name)
{
    return {{QStringLiteral("id"), QString::number(id)}, {QStringLiteral("refName"), name}};
}

QString sublistOf(const QString &type)
{
    if (type == u"salesOrder" || type == u"invoice") {
        return QStringLiteral("item");
    }
    if (type == u"customerPayment") {
        return QStringLiteral("apply");
    }
    if (type == u"inventoryAdjustment") {
        return QStringLiteral("inventory");
    }
    return {};
}

QJsonObject linkTo(const QString &href)
{
    return {{QStringLiteral("links"),
             QJsonArray{QJsonObject{{QStringLiteral("rel"), QStringLiteral("self")},
                                    {QStringLiteral("href"), href}}}}};
}

} // namespace

const QStringList &ErpRecords::recordTypes()
{
    static const QStringList types = {QStringLiteral("salesOrder"),
                                      QStringLiteral("customer"),
                                      QStringLiteral("inventoryItem"),
                                      QStringLiteral("invoice"),
                                      QStringLiteral("customerPayment"),
                                      QStringLiteral("itemPrice"),
                                      QStringLiteral("inventoryAdjustment"),
                                      QStringLiteral("location")};
    return types;
}

QString ErpRecords::canonicalType(const QString &name)
{
    for (const QString &type : recordTypes()) {
        if (type.compare(name, Qt::CaseInsensitive) == 0) {
            return type;
        }
    }
    return {};
}

const QList<ErpPriceLevel> &ErpRecords::priceLevels()
{
    static const QList<ErpPriceLevel> levels = {{1, QStringLiteral("Base Price"), 100},
                                                {2, QStringLiteral("Wholesale"), 55},
                                                {3, QStringLiteral("Distributor"), 45}};
    return levels;
}

const QStringList &ErpRecords::currencies()
{
    static const QStringList list = {QStringLiteral("USD"), QStringLiteral("CAD")};
    return list;
}

qint64 ErpRecords::convertCents(qint64 usdCents, const QString &currency)
{
    if (currency == u"CAD") {
        return (usdCents * 137 + 50) / 100; // fixed demo rate 1.37
    }
    return usdCents;
}

qint64 ErpRecords::toCents(double amount)
{
    return std::llround(amount * 100.0);
}

const QMap<qint64, QJsonObject> &ErpRecords::records(const QString &type) const
{
    const auto it = m_records.constFind(type);
    return it == m_records.cend() ? kNoRecords : it.value();
}

std::optional<QJsonObject> ErpRecords::record(const QString &type, qint64 id) const
{
    const QMap<qint64, QJsonObject> &list = records(type);
    const auto it = list.constFind(id);
    if (it == list.cend()) {
        return std::nullopt;
    }
    return it.value();
}

qint64 ErpRecords::insert(const QString &type, QJsonObject record)
{
    const qint64 id = m_nextId++;
    record.insert(QStringLiteral("id"), QString::number(id));
    if (type == u"inventoryItem") {
        m_itemsBySku.insert(record.value(QStringLiteral("itemId")).toString(), id);
    }
    m_records[type].insert(id, record);
    return id;
}

void ErpRecords::replace(const QString &type, qint64 id, const QJsonObject &record)
{
    if (type == u"inventoryItem") {
        const std::optional<QJsonObject> old = this->record(type, id);
        if (old) {
            m_itemsBySku.remove(old->value(QStringLiteral("itemId")).toString());
        }
        m_itemsBySku.insert(record.value(QStringLiteral("itemId")).toString(), id);
    }
    m_records[type].insert(id, record);
}

qint64 ErpRecords::itemIdBySku(const QString &sku) const
{
    return m_itemsBySku.value(sku, 0);
}

ErpItemLocation *ErpRecords::itemLocation(qint64 item, qint64 location)
{
    const auto it = m_itemLocations.find({item, location});
    return it == m_itemLocations.end() ? nullptr : &it.value();
}

void ErpRecords::setItemLocation(const ErpItemLocation &row)
{
    m_itemLocations.insert({row.item, row.location}, row);
}

QJsonObject
ErpRecords::view(const QString &type, qint64 id, bool expand, const QString &baseUrl) const
{
    std::optional<QJsonObject> found = record(type, id);
    if (!found) {
        return {};
    }
    QJsonObject result = *found;
    const QString self = baseUrl + u'/' + type + u'/' + QString::number(id);
    result.insert(QStringLiteral("links"),
                  QJsonArray{QJsonObject{{QStringLiteral("rel"), QStringLiteral("self")},
                                         {QStringLiteral("href"), self}}});
    const QString sublist = sublistOf(type);
    if (!sublist.isEmpty() && !expand) {
        result.insert(sublist, linkTo(self + u'/' + sublist));
    }
    if (type == u"inventoryItem") {
        if (!expand) {
            result.insert(QStringLiteral("locations"), linkTo(self + QStringLiteral("/locations")));
            result.insert(QStringLiteral("price"), linkTo(self + QStringLiteral("/price")));
            return result;
        }
        QJsonArray locations;
        for (auto it = m_itemLocations.lowerBound({id, 0});
             it != m_itemLocations.cend() && it.key().first == id;
             ++it) {
            const ErpItemLocation &row = it.value();
            const std::optional<QJsonObject> location
                = record(QStringLiteral("location"), row.location);
            locations.append(QJsonObject{
                {QStringLiteral("location"),
                 ref(row.location,
                     location ? location->value(QStringLiteral("name")).toString() : QString())},
                {QStringLiteral("quantityOnHand"), row.onHand},
                {QStringLiteral("quantityAvailable"), row.available()},
                {QStringLiteral("quantityCommitted"), row.committed},
                {QStringLiteral("quantityOnOrder"), row.onOrder},
                {QStringLiteral("quantityInTransit"), row.inTransit},
                {QStringLiteral("lastModifiedDate"), row.lastModified},
            });
        }
        QJsonArray prices;
        for (const QJsonObject &price : records(QStringLiteral("itemPrice"))) {
            if (price.value(QStringLiteral("item"))
                    .toObject()
                    .value(QStringLiteral("id"))
                    .toString()
                == QString::number(id)) {
                prices.append(price);
            }
        }
        result.insert(QStringLiteral("locations"),
                      QJsonObject{{QStringLiteral("items"), locations}});
        result.insert(QStringLiteral("price"), QJsonObject{{QStringLiteral("items"), prices}});
    }
    return result;
}

QJsonObject ErpRecords::toJson() const
{
    QJsonObject types;
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {
        QJsonArray list;
        for (const QJsonObject &record : it.value()) {
            list.append(record);
        }
        types.insert(it.key(), list);
    }
    QJsonArray rows;
    for (const ErpItemLocation &row : m_itemLocations) {
        rows.append(QJsonArray{row.item,
                               row.location,
                               row.onHand,
                               row.committed,
                               row.onOrder,
                               row.inTransit,
                               row.lastModified});
    }
    return {{QStringLiteral("nextId"), m_nextId},
            {QStringLiteral("records"), types},
            {QStringLiteral("itemLocations"), rows}};
}

std::optional<ErpRecords> ErpRecords::fromJson(const QJsonObject &json)
{
    ErpRecords result;
    result.m_nextId = json.value(QStringLiteral("nextId")).toInteger(0);
    const QJsonObject types = json.value(QStringLiteral("records")).toObject();
    if (result.m_nextId < 1 || types.isEmpty()) {
        return std::nullopt;
    }
    for (auto it = types.constBegin(); it != types.constEnd(); ++it) {
        if (canonicalType(it.key()) != it.key() || !it.value().isArray()) {
            return std::nullopt;
        }
        for (const QJsonValue &value : it.value().toArray()) {
            const QJsonObject record = value.toObject();
            bool ok = false;
            const qint64 id = record.value(QStringLiteral("id")).toString().toLongLong(&ok);
            if (!ok || id <= 0 || id >= result.m_nextId) {
                return std::nullopt;
            }
            result.replace(it.key(), id, record);
        }
    }
    for (const QJsonValue &value : json.value(QStringLiteral("itemLocations")).toArray()) {
        const QJsonArray row = value.toArray();
        if (row.size() != 7
            || !result.record(QStringLiteral("inventoryItem"), row.at(0).toInteger())
            || !result.record(QStringLiteral("location"), row.at(1).toInteger())) {
            return std::nullopt;
        }
        result.setItemLocation({row.at(0).toInteger(),
                                row.at(1).toInteger(),
                                row.at(2).toInteger(),
                                row.at(3).toInteger(),
                                row.at(4).toInteger(),
                                row.at(5).toInteger(),
                                row.at(6).toString()});
    }
    return result;
}

} // namespace Ledgerdesk::Sandbox
