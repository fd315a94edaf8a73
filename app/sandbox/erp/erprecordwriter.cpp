#include "erprecordwriter.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>

#include <cmath>

namespace Ledgerdesk::Sandbox {

namespace {

QJsonObject ref(qint64 id, const QString &name)
{
    return {{QStringLiteral("id"), QString::number(id)}, {QStringLiteral("refName"), name}};
}

// A JSON quantity must be a whole number; NetSuite sends numbers, some clients send strings.
bool wholeNumber(const QJsonValue &value, qint64 *out)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::floor(d) != d || std::abs(d) > 1e12) {
            return false;
        }
        *out = qint64(d);
        return true;
    }
    if (value.isString()) {
        bool ok = false;
        *out = value.toString().toLongLong(&ok);
        return ok;
    }
    return false;
}

QString refIdText(const QJsonValue &value)
{
    const QJsonValue id = value.toObject().value(QStringLiteral("id"));
    return id.isDouble() ? QString::number(id.toInteger()) : id.toString();
}

} // namespace

ErpRecordWriter::ErpRecordWriter(ErpRecords &records, QString now)
    : m_records(records)
    , m_now(std::move(now))
{}

ErpWriteResult ErpRecordWriter::invalid(const QString &detail, const QString &path)
{
    return {0, detail, QStringLiteral("INVALID_VALUE"), path};
}

qint64 ErpRecordWriter::refId(const QJsonObject &body, const QString &field) const
{
    bool ok = false;
    const qint64 id = refIdText(body.value(field)).toLongLong(&ok);
    return ok ? id : 0;
}

QString ErpRecordWriter::nextTranId(const QString &type, const char *prefix) const
{
    return QString::fromLatin1(prefix)
           + QString::number(m_records.records(type).size() + 1).rightJustified(5, u'0');
}

ErpWriteResult ErpRecordWriter::create(const QString &type, const QJsonObject &body)
{
    if (body.contains(QStringLiteral("id"))) {
        return invalid(tr("The id of a new record is assigned by the ERP."), QStringLiteral("id"));
    }
    if (type == u"customer") {
        return createCustomer(body);
    }
    if (type == u"inventoryItem") {
        return createItem(body);
    }
    if (type == u"itemPrice") {
        return createItemPrice(body);
    }
    if (type == u"salesOrder" || type == u"invoice") {
        return createTransaction(type, body);
    }
    if (type == u"customerPayment") {
        return createPayment(body);
    }
    if (type == u"inventoryAdjustment") {
        return createAdjustment(body);
    }
    return {0,
            tr("Records of type %1 cannot be created through this API.").arg(type),
            QStringLiteral("OPERATION_NOT_ALLOWED"),
            {}};
}

ErpWriteResult ErpRecordWriter::createCustomer(const QJsonObject &body)
{
    const QString name = body.value(QStringLiteral("companyName")).toString().trimmed();
    if (name.isEmpty()) {
        return invalid(tr("companyName is required."), QStringLiteral("companyName"));
    }
    QJsonObject record = body;
    const QString terms = body.value(QStringLiteral("terms"))
                              .toObject()
                              .value(QStringLiteral("refName"))
                              .toString(QStringLiteral("Net 30"));
    if (terms != u"Net 30" && terms != u"Net 60") {
        return invalid(tr("terms must be Net 30 or Net 60."), QStringLiteral("terms"));
    }
    const QString currency = body.value(QStringLiteral("currency"))
                                 .toObject()
                                 .value(QStringLiteral("refName"))
                                 .toString(QStringLiteral("USD"));
    if (!ErpRecords::currencies().contains(currency)) {
        return invalid(tr("Unknown currency %1.").arg(currency), QStringLiteral("currency"));
    }
    record.insert(QStringLiteral("companyName"), name);
    record.insert(QStringLiteral("terms"), ref(terms == u"Net 60" ? 2 : 1, terms));
    record.insert(QStringLiteral("currency"), QJsonObject{{QStringLiteral("refName"), currency}});
    record.insert(QStringLiteral("isPerson"), false);
    record.insert(QStringLiteral("entityId"), nextTranId(QStringLiteral("customer"), "CUST"));
    record.insert(QStringLiteral("createdDate"), m_now);
    record.insert(QStringLiteral("lastModifiedDate"), m_now);
    return {m_records.insert(QStringLiteral("customer"), record), {}, {}, {}};
}

ErpWriteResult ErpRecordWriter::createItem(const QJsonObject &body)
{
    const QString sku = body.value(QStringLiteral("itemId")).toString().trimmed();
    if (sku.isEmpty()) {
        return invalid(tr("itemId is required."), QStringLiteral("itemId"));
    }
    if (m_records.itemIdBySku(sku) != 0) {
        return {0,
                tr("An item with itemId %1 already exists.").arg(sku),
                QStringLiteral("DUP_RCRD"),
                QStringLiteral("itemId")};
    }
    const QJsonValue price = body.value(QStringLiteral("basePrice"));
    if (!price.isUndefined() && (!price.isDouble() || price.toDouble() < 0)) {
        return invalid(tr("basePrice must be a number of zero or more."),
                       QStringLiteral("basePrice"));
    }
    QJsonObject record = body;
    record.insert(QStringLiteral("itemId"), sku);
    record.insert(QStringLiteral("isInactive"),
                  body.value(QStringLiteral("isInactive")).toBool(false));
    record.insert(QStringLiteral("createdDate"), m_now);
    record.insert(QStringLiteral("lastModifiedDate"), m_now);
    const qint64 id = m_records.insert(QStringLiteral("inventoryItem"), record);
    for (const qint64 location : m_records.records(QStringLiteral("location")).keys()) {
        m_records.setItemLocation({id, location, 0, 0, 0, 0, m_now});
    }
    return {id, {}, {}, {}};
}

ErpWriteResult ErpRecordWriter::createItemPrice(const QJsonObject &body)
{
    const qint64 item = refId(body, QStringLiteral("item"));
    const std::optional<QJsonObject> itemRecord
        = m_records.record(QStringLiteral("inventoryItem"), item);
    if (!itemRecord) {
        return invalid(tr("item must reference an existing inventory item."),
                       QStringLiteral("item"));
    }
    const qint64 level = refId(body, QStringLiteral("priceLevel"));
    QString levelName;
    for (const ErpPriceLevel &known : ErpRecords::priceLevels()) {
        if (known.id == level) {
            levelName = known.name;
        }
    }
    if (levelName.isEmpty()) {
        return invalid(tr("priceLevel must be one of the account's price levels."),
                       QStringLiteral("priceLevel"));
    }
    const QString currency = body.value(QStringLiteral("currency"))
                                 .toObject()
                                 .value(QStringLiteral("refName"))
                                 .toString();
    if (!ErpRecords::currencies().contains(currency)) {
        return invalid(tr("Unknown currency %1.").arg(currency), QStringLiteral("currency"));
    }
    const QJsonValue price = body.value(QStringLiteral("price"));
    if (!price.isDouble() || price.toDouble() < 0) {
        return invalid(tr("price must be a number of zero or more."), QStringLiteral("price"));
    }
    for (const QJsonObject &existing : m_records.records(QStringLiteral("itemPrice"))) {
        if (refIdText(existing.value(QStringLiteral("item"))) == QString::number(item)
            && refIdText(existing.value(QStringLiteral("priceLevel"))) == QString::number(level)
            && existing.value(QStringLiteral("currency"))
                       .toObject()
                       .value(QStringLiteral("refName"))
                   == currency) {
            return {0,
                    tr("A price for this item, level and currency exists; update it instead."),
                    QStringLiteral("DUP_RCRD"),
                    {}};
        }
    }
    const QJsonObject record{
        {QStringLiteral("item"), ref(item, itemRecord->value(QStringLiteral("itemId")).toString())},
        {QStringLiteral("priceLevel"), ref(level, levelName)},
        {QStringLiteral("currency"), QJsonObject{{QStringLiteral("refName"), currency}}},
        {QStringLiteral("price"), ErpRecords::amount(ErpRecords::toCents(price.toDouble()))},
        {QStringLiteral("lastModifiedDate"), m_now}};
    return {m_records.insert(QStringLiteral("itemPrice"), record), {}, {}, {}};
}

ErpWriteResult ErpRecordWriter::createTransaction(const QString &type, const QJsonObject &body)
{
    const qint64 customerId = refId(body, QStringLiteral("entity"));
    const std::optional<QJsonObject> customer
        = m_records.record(QStringLiteral("customer"), customerId);
    if (!customer) {
        return invalid(tr("entity must reference an existing customer."), QStringLiteral("entity"));
    }
    const QString currency = customer->value(QStringLiteral("currency"))
                                 .toObject()
                                 .value(QStringLiteral("refName"))
                                 .toString();
    const QJsonArray input
        = body.value(QStringLiteral("item")).toObject().value(QStringLiteral("items")).toArray();
    if (input.isEmpty()) {
        return invalid(tr("item.items must list at least one line."), QStringLiteral("item.items"));
    }
    const qint64 defaultLocation = m_records.records(QStringLiteral("location")).firstKey();
    QJsonArray lines;
    qint64 totalCents = 0;
    QList<QPair<ErpItemLocation *, qint64>> commits;
    for (int i = 0; i < input.size(); ++i) {
        const QJsonObject line = input.at(i).toObject();
        const QString path = QStringLiteral("item.items[%1]").arg(i);
        const qint64 itemId = refId(line, QStringLiteral("item"));
        const std::optional<QJsonObject> item
            = m_records.record(QStringLiteral("inventoryItem"), itemId);
        if (!item) {
            return invalid(tr("Line %1 does not reference an existing item.").arg(i + 1),
                           path + QStringLiteral(".item"));
        }
        qint64 quantity = 0;
        if (!wholeNumber(line.value(QStringLiteral("quantity")), &quantity) || quantity <= 0) {
            return invalid(tr("Line %1 needs a whole, positive quantity.").arg(i + 1),
                           path + QStringLiteral(".quantity"));
        }
        const qint64 locationId = line.contains(QStringLiteral("location"))
                                      ? refId(line, QStringLiteral("location"))
                                      : defaultLocation;
        const std::optional<QJsonObject> location
            = m_records.record(QStringLiteral("location"), locationId);
        if (!location) {
            return invalid(tr("Line %1 names an unknown location.").arg(i + 1),
                           path + QStringLiteral(".location"));
        }
        qint64 rateCents = ErpRecords::convertCents(
            ErpRecords::toCents(item->value(QStringLiteral("basePrice")).toDouble()) * 55 / 100,
            currency);
        if (line.contains(QStringLiteral("rate"))) {
            const QJsonValue rate = line.value(QStringLiteral("rate"));
            if (!rate.isDouble() || rate.toDouble() < 0) {
                return invalid(tr("Line %1 has an invalid rate.").arg(i + 1),
                               path + QStringLiteral(".rate"));
            }
            rateCents = ErpRecords::toCents(rate.toDouble());
        }
        totalCents += rateCents * quantity;
        lines.append(QJsonObject{
            {QStringLiteral("line"), i + 1},
            {QStringLiteral("item"), ref(itemId, item->value(QStringLiteral("itemId")).toString())},
            {QStringLiteral("quantity"), quantity},
            {QStringLiteral("rate"), ErpRecords::amount(rateCents)},
            {QStringLiteral("amount"), ErpRecords::amount(rateCents * quantity)},
            {QStringLiteral("location"),
             ref(locationId, location->value(QStringLiteral("name")).toString())}});
        commits.append({m_records.itemLocation(itemId, locationId), quantity});
    }
    QJsonObject record = body;
    const bool order = type == u"salesOrder";
    const QDate today = QDateTime::fromString(m_now, Qt::ISODateWithMs).date();
    record.insert(QStringLiteral("tranId"), nextTranId(type, order ? "SO" : "INV"));
    record.insert(QStringLiteral("entity"),
                  ref(customerId, customer->value(QStringLiteral("companyName")).toString()));
    record.insert(QStringLiteral("tranDate"), today.toString(Qt::ISODate));
    record.insert(QStringLiteral("currency"), QJsonObject{{QStringLiteral("refName"), currency}});
    record.insert(QStringLiteral("total"), ErpRecords::amount(totalCents));
    record.insert(QStringLiteral("item"), QJsonObject{{QStringLiteral("items"), lines}});
    record.insert(QStringLiteral("createdDate"), m_now);
    record.insert(QStringLiteral("lastModifiedDate"), m_now);
    if (order) {
        record.insert(QStringLiteral("status"), QStringLiteral("Pending Fulfillment"));
        for (const auto &[row, quantity] : commits) {
            if (row) {
                row->committed += qMin(quantity, row->available());
                row->lastModified = m_now;
            }
        }
    } else {
        const int days = customer->value(QStringLiteral("terms"))
                                     .toObject()
                                     .value(QStringLiteral("refName"))
                                     .toString()
                                 == u"Net 60"
                             ? 60
                             : 30;
        record.insert(QStringLiteral("dueDate"), today.addDays(days).toString(Qt::ISODate));
        record.insert(QStringLiteral("amountRemaining"), ErpRecords::amount(totalCents));
        record.insert(QStringLiteral("status"), QStringLiteral("Open"));
    }
    return {m_records.insert(type, record), {}, {}, {}};
}

ErpWriteResult ErpRecordWriter::createPayment(const QJsonObject &body)
{
    const qint64 customerId = refId(body, QStringLiteral("customer"));
    const std::optional<QJsonObject> customer
        = m_records.record(QStringLiteral("customer"), customerId);
    if (!customer) {
        return invalid(tr("customer must reference an existing customer."),
                       QStringLiteral("customer"));
    }
    const QJsonArray apply
        = body.value(QStringLiteral("apply")).toObject().value(QStringLiteral("items")).toArray();
    if (apply.isEmpty()) {
        return invalid(tr("apply.items must name at least one invoice."),
                       QStringLiteral("apply.items"));
    }
    QList<QPair<qint64, qint64>> settlements; // invoice id, cents
    QJsonArray lines;
    qint64 totalCents = 0;
    for (int i = 0; i < apply.size(); ++i) {
        const QJsonObject line = apply.at(i).toObject();
        const QString path = QStringLiteral("apply.items[%1]").arg(i);
        const qint64 invoiceId = refId(line, QStringLiteral("doc"));
        const std::optional<QJsonObject> invoice
            = m_records.record(QStringLiteral("invoice"), invoiceId);
        if (!invoice
            || refIdText(invoice->value(QStringLiteral("entity"))) != QString::number(customerId)) {
            return invalid(tr("Line %1 does not name an invoice of this customer.").arg(i + 1),
                           path + QStringLiteral(".doc"));
        }
        const QJsonValue amount = line.value(QStringLiteral("amount"));
        const qint64 cents = amount.isDouble() ? ErpRecords::toCents(amount.toDouble()) : 0;
        const qint64 remaining
            = ErpRecords::toCents(invoice->value(QStringLiteral("amountRemaining")).toDouble());
        if (cents <= 0 || cents > remaining) {
            return invalid(
                tr("Line %1 must apply a positive amount no larger than the %2 remaining.")
                    .arg(i + 1)
                    .arg(ErpRecords::amount(remaining)),
                path + QStringLiteral(".amount"));
        }
        settlements.append({invoiceId, cents});
        totalCents += cents;
        lines.append(
            QJsonObject{{QStringLiteral("doc"),
                         ref(invoiceId, invoice->value(QStringLiteral("tranId")).toString())},
                        {QStringLiteral("amount"), ErpRecords::amount(cents)}});
    }
    for (const auto &[invoiceId, cents] : settlements) {
        QJsonObject invoice = *m_records.record(QStringLiteral("invoice"), invoiceId);
        const qint64 left
            = ErpRecords::toCents(invoice.value(QStringLiteral("amountRemaining")).toDouble())
              - cents;
        invoice.insert(QStringLiteral("amountRemaining"), ErpRecords::amount(left));
        invoice.insert(QStringLiteral("status"),
                       left == 0 ? QStringLiteral("Paid In Full") : QStringLiteral("Open"));
        invoice.insert(QStringLiteral("lastModifiedDate"), m_now);
        m_records.replace(QStringLiteral("invoice"), invoiceId, invoice);
    }
    QJsonObject record = body;
    record.insert(QStringLiteral("tranId"), nextTranId(QStringLiteral("customerPayment"), "PYMT"));
    record.insert(QStringLiteral("customer"),
                  ref(customerId, customer->value(QStringLiteral("companyName")).toString()));
    record.insert(QStringLiteral("tranDate"),
                  QDateTime::fromString(m_now, Qt::ISODateWithMs).date().toString(Qt::ISODate));
    record.insert(QStringLiteral("currency"), customer->value(QStringLiteral("currency")));
    record.insert(QStringLiteral("payment"), ErpRecords::amount(totalCents));
    record.insert(QStringLiteral("apply"), QJsonObject{{QStringLiteral("items"), lines}});
    record.insert(QStringLiteral("createdDate"), m_now);
    record.insert(QStringLiteral("lastModifiedDate"), m_now);
    return {m_records.insert(QStringLiteral("customerPayment"), record), {}, {}, {}};
}

ErpWriteResult ErpRecordWriter::createAdjustment(const QJsonObject &body)
{
    const QJsonArray input = body.value(QStringLiteral("inventory"))
                                 .toObject()
                                 .value(QStringLiteral("items"))
                                 .toArray();
    if (input.isEmpty()) {
        return invalid(tr("inventory.items must list at least one line."),
                       QStringLiteral("inventory.items"));
    }
    QHash<QPair<qint64, qint64>, qint64> deltas;
    for (int i = 0; i < input.size(); ++i) {
        const QJsonObject line = input.at(i).toObject();
        const QString path = QStringLiteral("inventory.items[%1]").arg(i);
        const qint64 item = refId(line, QStringLiteral("item"));
        const qint64 location = refId(line, QStringLiteral("location"));
        qint64 delta = 0;
        if (!m_records.itemLocation(item, location)) {
            return invalid(tr("Line %1 names an unknown item or location.").arg(i + 1), path);
        }
        if (!wholeNumber(line.value(QStringLiteral("adjustQtyBy")), &delta) || delta == 0) {
            return invalid(tr("Line %1 needs a whole, non-zero adjustQtyBy.").arg(i + 1),
                           path + QStringLiteral(".adjustQtyBy"));
        }
        deltas[{item, location}] += delta;
    }
    for (auto it = deltas.cbegin(); it != deltas.cend(); ++it) {
        if (m_records.itemLocation(it.key().first, it.key().second)->onHand + it.value() < 0) {
            return invalid(
                tr("The adjustment would take item %1 below zero on hand.").arg(it.key().first),
                QStringLiteral("inventory.items"));
        }
    }
    for (auto it = deltas.cbegin(); it != deltas.cend(); ++it) {
        ErpItemLocation *row = m_records.itemLocation(it.key().first, it.key().second);
        row->onHand += it.value();
        row->lastModified = m_now;
    }
    QJsonObject record = body;
    record.insert(QStringLiteral("tranId"),
                  nextTranId(QStringLiteral("inventoryAdjustment"), "ADJ"));
    record.insert(QStringLiteral("createdDate"), m_now);
    record.insert(QStringLiteral("lastModifiedDate"), m_now);
    return {m_records.insert(QStringLiteral("inventoryAdjustment"), record), {}, {}, {}};
}

ErpWriteResult ErpRecordWriter::patch(const QString &type, qint64 id, const QJsonObject &body)
{
    std::optional<QJsonObject> existing = m_records.record(type, id);
    if (!existing) {
        return {0,
                tr("No %1 record with id %2.").arg(type).arg(id),
                QStringLiteral("NONEXISTENT_ID"),
                {}};
    }
    if (type == u"location" || type == u"inventoryAdjustment" || type == u"customerPayment") {
        if (body.size() != 1 || !body.contains(QStringLiteral("memo"))) {
            return invalid(tr("Only the memo of a %1 can be changed.").arg(type), {});
        }
    }
    static const QStringList computed = {QStringLiteral("id"),
                                         QStringLiteral("links"),
                                         QStringLiteral("tranId"),
                                         QStringLiteral("entityId"),
                                         QStringLiteral("total"),
                                         QStringLiteral("amountRemaining"),
                                         QStringLiteral("item"),
                                         QStringLiteral("createdDate"),
                                         QStringLiteral("lastModifiedDate")};
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (computed.contains(it.key())) {
            return invalid(tr("%1 cannot be changed on a %2.").arg(it.key(), type), it.key());
        }
    }
    if (type == u"itemPrice") {
        const QJsonValue price = body.value(QStringLiteral("price"));
        if (body.size() != 1 || !price.isDouble() || price.toDouble() < 0) {
            return invalid(
                tr("Only price, a number of zero or more, can be changed on an item price."),
                QStringLiteral("price"));
        }
    }
    if (type == u"inventoryItem" && body.contains(QStringLiteral("itemId"))) {
        const QString sku = body.value(QStringLiteral("itemId")).toString().trimmed();
        const qint64 owner = m_records.itemIdBySku(sku);
        if (sku.isEmpty() || (owner != 0 && owner != id)) {
            return invalid(tr("itemId must be non-empty and unique."), QStringLiteral("itemId"));
        }
    }
    if (type == u"customer" && body.contains(QStringLiteral("companyName"))
        && body.value(QStringLiteral("companyName")).toString().trimmed().isEmpty()) {
        return invalid(tr("companyName cannot be empty."), QStringLiteral("companyName"));
    }
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        existing->insert(it.key(), it.value());
    }
    existing->insert(QStringLiteral("lastModifiedDate"), m_now);
    m_records.replace(type, id, *existing);
    return {id, {}, {}, {}};
}

} // namespace Ledgerdesk::Sandbox
