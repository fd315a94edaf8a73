#include "erpseeder.h"

#include <QDate>
#include <QJsonArray>
#include <QRandomGenerator>

#include <array>

namespace Ledgerdesk::Sandbox {

namespace {

constexpr std::array<const char *, 24> kCompanies
    = {"Harbor & Pine Outfitters", "Northgate Mercantile",     "Blue Ridge Trading Co.",
       "Coastal Threads",          "Summit Supply House",      "Maple Street Goods",
       "Ironwood Apparel",         "Lakeside General Store",   "Redwood Collective",
       "Prairie Wind Outfitters",  "Copper Canyon Clothiers",  "Old Mill Haberdashery",
       "Tidewater Boutique",       "Granite Peak Sports",      "Cedar & Stone",
       "Brightwater Retail",       "Foxglove Mercantile",      "Union Square Outfitters",
       "Hollow Creek Trading",     "Evergreen Workwear",       "Silver Lake Supply",
       "Driftwood Dry Goods",      "Kestrel Department Store", "Juniper & Oak"};

QJsonObject ref(qint64 id, const QString &name)
{
    return {{QStringLiteral("id"), QString::number(id)}, {QStringLiteral("refName"), name}};
}

QJsonObject named(const QString &name)
{
    return {{QStringLiteral("refName"), name}};
}

QString tranId(const char *prefix, int number)
{
    return QString::fromLatin1(prefix) + QString::number(number).rightJustified(5, u'0');
}

} // namespace

QString ErpSeeder::seedTimestamp()
{
    return QStringLiteral("2026-01-05T08:00:00.000Z");
}

ErpRecords ErpSeeder::seed(const Core::DemoCatalog &catalog, quint32 seed)
{
    ErpRecords books;
    QRandomGenerator rng(seed ^ 0x45525021u);
    const QString stamp = seedTimestamp();

    QList<qint64> locationIds;
    for (const Core::DemoLocation &location : catalog.locations()) {
        locationIds << books.insert(QStringLiteral("location"),
                                    {{QStringLiteral("name"), location.code},
                                     {QStringLiteral("fullName"), location.name},
                                     {QStringLiteral("lastModifiedDate"), stamp}});
    }

    struct Item
    {
        qint64 id;
        QString sku;
        qint64 baseCents;
    };

    QList<Item> items;
    for (int s = 0; s < catalog.styles().size(); ++s) {
        const Core::DemoStyle &style = catalog.styles().at(s);
        for (int v = 0; v < style.variants.size(); ++v) {
            const Core::DemoVariant &variant = style.variants.at(v);
            const qint64 baseCents = variant.price.minorUnits();
            const qint64 id
                = books.insert(QStringLiteral("inventoryItem"),
                               {{QStringLiteral("itemId"), variant.sku},
                                {QStringLiteral("displayName"),
                                 QString(style.title + u' ' + variant.color + u' ' + variant.size)},
                                {QStringLiteral("upcCode"), variant.barcode},
                                {QStringLiteral("basePrice"), ErpRecords::amount(baseCents)},
                                {QStringLiteral("custitem_style"), style.handle},
                                {QStringLiteral("isInactive"), false},
                                {QStringLiteral("createdDate"), stamp},
                                {QStringLiteral("lastModifiedDate"), stamp}});
            items.append({id, variant.sku, baseCents});
            for (int l = 0; l < locationIds.size(); ++l) {
                const bool warehouse
                    = catalog.locations().at(l).kind == Core::LocationKind::Warehouse;
                ErpItemLocation row;
                row.item = id;
                row.location = locationIds.at(l);
                row.onHand = catalog.startingOnHand(s, v, l);
                row.onOrder = warehouse && rng.bounded(4) == 0 ? 12 * (1 + rng.bounded(4)) : 0;
                row.inTransit = warehouse && rng.bounded(10) == 0 ? 1 + rng.bounded(12) : 0;
                row.lastModified = stamp;
                books.setItemLocation(row);
            }
            for (const ErpPriceLevel &level : ErpRecords::priceLevels()) {
                for (const QString &currency : ErpRecords::currencies()) {
                    const qint64 cents
                        = ErpRecords::convertCents(baseCents * level.percentOfBase / 100, currency);
                    books.insert(QStringLiteral("itemPrice"),
                                 {{QStringLiteral("item"), ref(id, variant.sku)},
                                  {QStringLiteral("priceLevel"), ref(level.id, level.name)},
                                  {QStringLiteral("currency"), named(currency)},
                                  {QStringLiteral("price"), ErpRecords::amount(cents)},
                                  {QStringLiteral("lastModifiedDate"), stamp}});
                }
            }
        }
    }

    struct Customer
    {
        qint64 id;
        QString name;
        QString currency;
        int termsDays;
    };

    QList<Customer> customers;
    for (int c = 0; c < int(kCompanies.size()); ++c) {
        const QString name = QString::fromLatin1(kCompanies[std::size_t(c)]);
        const int termsDays = rng.bounded(3) == 0 ? 60 : 30;
        const QString currency
            = rng.bounded(5) == 0 ? QStringLiteral("CAD") : QStringLiteral("USD");
        const ErpPriceLevel &level = ErpRecords::priceLevels().at(1 + int(rng.bounded(2)));
        const QString slug = name.toLower().remove(QChar(u'&')).simplified().replace(u' ', u'-');
        const qint64 id = books.insert(
            QStringLiteral("customer"),
            {{QStringLiteral("entityId"), tranId("CUST", c + 1)},
             {QStringLiteral("companyName"), name},
             {QStringLiteral("isPerson"), false},
             {QStringLiteral("email"),
              QString(QStringLiteral("buying@") + slug + QStringLiteral(".example"))},
             {QStringLiteral("terms"),
              ref(termsDays == 60 ? 2 : 1,
                  termsDays == 60 ? QStringLiteral("Net 60") : QStringLiteral("Net 30"))},
             {QStringLiteral("currency"), named(currency)},
             {QStringLiteral("priceLevel"), ref(level.id, level.name)},
             {QStringLiteral("creditLimit"), double(5000 + 1000 * int(rng.bounded(20)))},
             {QStringLiteral("createdDate"), stamp},
             {QStringLiteral("lastModifiedDate"), stamp}});
        customers.append({id, name, currency, termsDays});
    }

    // A few months of trade: every order billed or still open, most invoices (partly) paid.
    const QDate firstDay(2025, 10, 1);
    for (int o = 0; o < 40 && !items.isEmpty(); ++o) {
        const Customer &customer = customers.at(int(rng.bounded(int(customers.size()))));
        const QDate day = firstDay.addDays(o * 2 + int(rng.bounded(2)));
        const qint64 locationId = locationIds.at(int(rng.bounded(2))); // the two warehouses
        const bool open = o >= 30;
        QJsonArray lines;
        qint64 totalCents = 0;
        const int lineCount = 1 + int(rng.bounded(4));
        for (int l = 0; l < lineCount; ++l) {
            const Item &item = items.at(int(rng.bounded(int(items.size()))));
            const qint64 quantity = 2 + rng.bounded(23);
            const qint64 rateCents
                = ErpRecords::convertCents(item.baseCents * 55 / 100, customer.currency);
            totalCents += rateCents * quantity;
            lines.append(QJsonObject{
                {QStringLiteral("line"), l + 1},
                {QStringLiteral("item"), ref(item.id, item.sku)},
                {QStringLiteral("quantity"), quantity},
                {QStringLiteral("rate"), ErpRecords::amount(rateCents)},
                {QStringLiteral("amount"), ErpRecords::amount(rateCents * quantity)},
                {QStringLiteral("location"),
                 ref(locationId,
                     catalog.locations().at(int(locationIds.indexOf(locationId))).code)}});
            if (open) {
                ErpItemLocation *row = books.itemLocation(item.id, locationId);
                if (row) {
                    row->committed += qMin(quantity, row->available());
                }
            }
        }
        const qint64 orderId = books.insert(
            QStringLiteral("salesOrder"),
            {{QStringLiteral("tranId"), tranId("SO", o + 1)},
             {QStringLiteral("entity"), ref(customer.id, customer.name)},
             {QStringLiteral("tranDate"), day.toString(Qt::ISODate)},
             {QStringLiteral("status"),
              open ? QStringLiteral("Pending Fulfillment") : QStringLiteral("Billed")},
             {QStringLiteral("currency"), named(customer.currency)},
             {QStringLiteral("otherRefNum"),
              QString(QStringLiteral("PO-") + QString::number(7100 + o))},
             {QStringLiteral("total"), ErpRecords::amount(totalCents)},
             {QStringLiteral("item"), QJsonObject{{QStringLiteral("items"), lines}}},
             {QStringLiteral("createdDate"), stamp},
             {QStringLiteral("lastModifiedDate"), stamp}});
        if (open) {
            continue;
        }
        const QDate invoiceDay = day.addDays(3);
        const int paidShare = int(rng.bounded(3)); // 0 unpaid, 1 half, 2 full
        const qint64 paidCents = paidShare == 2 ? totalCents : paidShare == 1 ? totalCents / 2 : 0;
        const qint64 invoiceId = books.insert(
            QStringLiteral("invoice"),
            {{QStringLiteral("tranId"), tranId("INV", o + 1)},
             {QStringLiteral("entity"), ref(customer.id, customer.name)},
             {QStringLiteral("createdFrom"), ref(orderId, tranId("SO", o + 1))},
             {QStringLiteral("tranDate"), invoiceDay.toString(Qt::ISODate)},
             {QStringLiteral("dueDate"),
              invoiceDay.addDays(customer.termsDays).toString(Qt::ISODate)},
             {QStringLiteral("currency"), named(customer.currency)},
             {QStringLiteral("total"), ErpRecords::amount(totalCents)},
             {QStringLiteral("amountRemaining"), ErpRecords::amount(totalCents - paidCents)},
             {QStringLiteral("status"),
              paidCents == totalCents ? QStringLiteral("Paid In Full") : QStringLiteral("Open")},
             {QStringLiteral("item"), QJsonObject{{QStringLiteral("items"), lines}}},
             {QStringLiteral("createdDate"), stamp},
             {QStringLiteral("lastModifiedDate"), stamp}});
        if (paidCents == 0) {
            continue;
        }
        books.insert(
            QStringLiteral("customerPayment"),
            {{QStringLiteral("tranId"), tranId("PYMT", o + 1)},
             {QStringLiteral("customer"), ref(customer.id, customer.name)},
             {QStringLiteral("tranDate"),
              invoiceDay.addDays(customer.termsDays / 2).toString(Qt::ISODate)},
             {QStringLiteral("currency"), named(customer.currency)},
             {QStringLiteral("payment"), ErpRecords::amount(paidCents)},
             {QStringLiteral("apply"),
              QJsonObject{{QStringLiteral("items"),
                           QJsonArray{QJsonObject{
                               {QStringLiteral("doc"), ref(invoiceId, tranId("INV", o + 1))},
                               {QStringLiteral("amount"), ErpRecords::amount(paidCents)}}}}}},
             {QStringLiteral("createdDate"), stamp},
             {QStringLiteral("lastModifiedDate"), stamp}});
    }
    return books;
}

} // namespace Ledgerdesk::Sandbox
