#include "availability.h"

#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSqlQuery>

namespace Ledgerdesk::Core {

namespace {

const QString kFrom = QStringLiteral(
    " FROM balances b JOIN variants v ON v.id = b.variant_id JOIN styles s ON s.id = v.style_id "
    "JOIN locations l ON l.id = b.location_id");

// Same rows, walked as variants by SKU × locations by code through their unique indexes, so the
// SKU order needs no sort of the whole table: a first page of 200 000 balances takes 0.3 ms instead
// of 58 ms. CROSS JOIN fixes SQLite's join order; the join terms sit in the last ON clause so the
// text stays valid PostgreSQL.
const QString kFromBySku = QStringLiteral(
    " FROM variants v CROSS JOIN locations l CROSS JOIN balances b JOIN styles s ON s.id = "
    "v.style_id AND b.variant_id = v.id AND b.location_id = l.id");

struct Where
{
    QString sql;
    QVariantList values;
};

Where whereClause(const AvailabilityFilter &f)
{
    QStringList parts;
    Where w;
    const auto add = [&](const QString &condition, std::initializer_list<QVariant> values) {
        parts << condition;
        for (const QVariant &v : values) {
            w.values << v;
        }
    };
    if (!f.sku.isEmpty()) {
        add(QStringLiteral("v.sku = ?"), {f.sku});
    }
    if (!f.styleHandle.isEmpty()) {
        add(QStringLiteral("s.handle = ?"), {f.styleHandle});
    }
    if (!f.locationCode.isEmpty()) {
        add(QStringLiteral("l.code = ?"), {f.locationCode});
    }
    if (f.lowStockOnly) {
        add(QStringLiteral("b.available <= ?"), {f.lowStockThreshold});
    }
    const QString search = f.search.trimmed();
    if (!search.isEmpty()) {
        QString pattern = search;
        pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        add(QStringLiteral("(v.sku LIKE ? ESCAPE '\\' OR s.handle LIKE ? ESCAPE '\\' OR s.title "
                           "LIKE ? ESCAPE '\\' OR v.barcode = ?)"),
            {QString(pattern + u'%'),
             QString(pattern + u'%'),
             QString(u'%' + pattern + u'%'),
             search});
    }
    if (!parts.isEmpty()) {
        w.sql = QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    }
    return w;
}

QString orderBy(AvailabilitySort sort, bool descending)
{
    const QString dir = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    switch (sort) {
    case AvailabilitySort::Sku:
        return QStringLiteral(" ORDER BY v.sku") + dir + QStringLiteral(", l.code");
    case AvailabilitySort::Style:
        return QStringLiteral(" ORDER BY s.handle") + dir + QStringLiteral(", v.sku, l.code");
    case AvailabilitySort::Location:
        return QStringLiteral(" ORDER BY l.code") + dir + QStringLiteral(", v.sku");
    case AvailabilitySort::Available:
        return QStringLiteral(" ORDER BY b.available") + dir + QStringLiteral(", v.sku, l.code");
    case AvailabilitySort::OnHand:
        return QStringLiteral(" ORDER BY b.on_hand") + dir + QStringLiteral(", v.sku, l.code");
    case AvailabilitySort::Committed:
        return QStringLiteral(" ORDER BY b.committed") + dir + QStringLiteral(", v.sku, l.code");
    case AvailabilitySort::Incoming:
        return QStringLiteral(" ORDER BY b.incoming") + dir + QStringLiteral(", v.sku, l.code");
    case AvailabilitySort::Color:
        return QStringLiteral(" ORDER BY v.option1_value") + dir
               + QStringLiteral(", v.sku, l.code");
    case AvailabilitySort::Size:
        return QStringLiteral(" ORDER BY v.option2_value") + dir
               + QStringLiteral(", v.sku, l.code");
    }
    return QString();
}

Result<QSqlQuery> execute(QSqlDatabase db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return storageError(q, QStringLiteral("availability"));
    }
    for (const QVariant &v : values) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return storageError(q, QStringLiteral("availability"));
    }
    return q;
}

} // namespace

AvailabilityQuery::AvailabilityQuery(Store &store)
    : m_store(store)
{}

Result<qint64> AvailabilityQuery::count(const AvailabilityFilter &filter)
{
    const Where w = whereClause(filter);
    auto q = execute(
        m_store.connection(), QStringLiteral("SELECT COUNT(*)") + kFrom + w.sql, w.values);
    if (!q) {
        return q.error();
    }
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

Result<QList<AvailabilityRow>> AvailabilityQuery::fetch(const AvailabilityFilter &filter,
                                                        AvailabilitySort sort,
                                                        bool descending,
                                                        qint64 limit,
                                                        qint64 offset)
{
    const Where w = whereClause(filter);
    QString sql = QStringLiteral(
                      "SELECT b.variant_id, b.location_id, v.sku, s.handle, s.title, "
                      "v.option1_value, v.option2_value, v.barcode, l.code, l.name, b.available, "
                      "b.committed, b.reserved, b.damaged, b.quality_control, b.safety_stock, "
                      "b.incoming, b.updated_at")
                  + (sort == AvailabilitySort::Sku ? kFromBySku : kFrom) + w.sql
                  + orderBy(sort, descending);
    QVariantList values = w.values;
    if (limit >= 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        values << limit << offset;
    }
    auto q = execute(m_store.connection(), sql, values);
    if (!q) {
        return q.error();
    }
    QList<AvailabilityRow> rows;
    QSqlQuery &r = q.value();
    while (r.next()) {
        AvailabilityRow row;
        row.variantId = r.value(0).toLongLong();
        row.locationId = r.value(1).toLongLong();
        row.sku = r.value(2).toString();
        row.styleHandle = r.value(3).toString();
        row.title = r.value(4).toString();
        row.option1 = r.value(5).toString();
        row.option2 = r.value(6).toString();
        row.barcode = r.value(7).toString();
        row.locationCode = r.value(8).toString();
        row.locationName = r.value(9).toString();
        for (int i = 0; i < kStoredQuantityCount; ++i) {
            row.quantities.values[static_cast<std::size_t>(i)] = r.value(10 + i).toLongLong();
        }
        row.updatedAt = r.value(17).toLongLong();
        rows << row;
    }
    return rows;
}

Result<UtcMillis> AvailabilityQuery::newestUpdate()
{
    auto q
        = execute(m_store.connection(), QStringLiteral("SELECT MAX(updated_at) FROM balances"), {});
    if (!q) {
        return q.error();
    }
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

} // namespace Ledgerdesk::Core
