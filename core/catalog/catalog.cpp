#include "catalog.h"

#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSqlQuery>

namespace Ledgerdesk::Core {

namespace {

const QString kVariantColumns = QStringLiteral(
    "id, style_id, sku, barcode, option1_name, option1_value, option2_name, option2_value, "
    "option3_name, option3_value, price_minor, currency, allow_oversell");

Variant variantFromRow(const QSqlQuery &q)
{
    Variant v;
    v.id = q.value(0).toLongLong();
    v.styleId = q.value(1).toLongLong();
    v.sku = q.value(2).toString();
    v.barcode = q.value(3).toString();
    for (int i = 0; i < 3; ++i) {
        v.options[static_cast<std::size_t>(i)]
            = {q.value(4 + 2 * i).toString(), q.value(5 + 2 * i).toString()};
    }
    if (!q.value(10).isNull()) {
        v.price = Money(q.value(10).toLongLong(), q.value(11).toString());
    }
    v.allowOversell = q.value(12).toInt() != 0;
    return v;
}

Location locationFromRow(const QSqlQuery &q)
{
    Location l;
    l.id = q.value(0).toLongLong();
    l.code = q.value(1).toString();
    l.name = q.value(2).toString();
    l.kind = locationKindFromKey(q.value(3).toString()).value_or(LocationKind::Warehouse);
    l.active = q.value(4).toInt() != 0;
    return l;
}

Style styleFromRow(const QSqlQuery &q)
{
    return Style{q.value(0).toLongLong(),
                 q.value(1).toString(),
                 q.value(2).toString(),
                 q.value(3).toString(),
                 q.value(4).toString()};
}

Result<qint64> returnedId(Result<QSqlQuery> query)
{
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return makeError(ErrorCode::Storage, QStringLiteral("no id returned"));
    }
    return query.value().value(0).toLongLong();
}

} // namespace

Catalog::Catalog(Store &store)
    : m_store(store)
{}

Result<StyleId> Catalog::saveStyle(const Style &style)
{
    if (style.handle.trimmed().isEmpty() || style.title.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("a style needs a handle and a title"));
    }
    return returnedId(runQuery(
        m_store.connection(),
        QStringLiteral("INSERT INTO styles (handle, title, vendor, product_type) VALUES (?, ?, ?, "
                       "?) ON CONFLICT (handle) DO UPDATE SET title = excluded.title, vendor = "
                       "excluded.vendor, product_type = excluded.product_type RETURNING id"),
        {style.handle, style.title, style.vendor, style.productType}));
}

Result<VariantId> Catalog::saveVariant(const Variant &v)
{
    if (v.sku.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("a variant needs a SKU"));
    }
    const QVariant priceMinor = v.price ? QVariant::fromValue(v.price->minorUnits()) : QVariant();
    const QString currency = v.price ? v.price->currency() : QStringLiteral("USD");
    return returnedId(runQuery(
        m_store.connection(),
        QStringLiteral(
            "INSERT INTO variants (style_id, sku, barcode, option1_name, option1_value, "
            "option2_name, option2_value, option3_name, option3_value, price_minor, currency, "
            "allow_oversell) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO "
            "UPDATE SET style_id = excluded.style_id, barcode = excluded.barcode, option1_name = "
            "excluded.option1_name, option1_value = excluded.option1_value, option2_name = "
            "excluded.option2_name, option2_value = excluded.option2_value, option3_name = "
            "excluded.option3_name, option3_value = excluded.option3_value, price_minor = "
            "excluded.price_minor, currency = excluded.currency, allow_oversell = "
            "excluded.allow_oversell RETURNING id"),
        {v.styleId,
         v.sku,
         v.barcode,
         v.options[0].name,
         v.options[0].value,
         v.options[1].name,
         v.options[1].value,
         v.options[2].name,
         v.options[2].value,
         priceMinor,
         currency,
         v.allowOversell ? 1 : 0}));
}

Result<LocationId> Catalog::saveLocation(const Location &l)
{
    if (l.code.trimmed().isEmpty() || l.name.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("a location needs a code and a name"));
    }
    return returnedId(runQuery(m_store.connection(),
                               QStringLiteral("INSERT INTO locations (code, name, kind, active) "
                                              "VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE "
                                              "SET name = excluded.name, kind = excluded.kind, "
                                              "active = excluded.active RETURNING id"),
                               {l.code, l.name, locationKindKey(l.kind), l.active ? 1 : 0}));
}

Result<std::optional<Variant>> Catalog::variantBySku(const QString &sku)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT ") + kVariantColumns
                          + QStringLiteral(" FROM variants WHERE sku = ?"),
                      {sku});
    if (!q) {
        return q.error();
    }
    if (!q.value().next()) {
        return std::optional<Variant>();
    }
    return std::optional<Variant>(variantFromRow(q.value()));
}

Result<std::optional<Style>> Catalog::styleByHandle(const QString &handle)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT id, handle, title, vendor, product_type FROM styles "
                                     "WHERE handle = ?"),
                      {handle});
    if (!q) {
        return q.error();
    }
    if (!q.value().next()) {
        return std::optional<Style>();
    }
    return std::optional<Style>(styleFromRow(q.value()));
}

Result<std::optional<Location>> Catalog::locationByCodeOrName(const QString &codeOrName)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT id, code, name, kind, active FROM locations WHERE "
                                     "code = ? OR name = ? ORDER BY code = ? DESC LIMIT 1"),
                      {codeOrName, codeOrName, codeOrName});
    if (!q) {
        return q.error();
    }
    if (!q.value().next()) {
        return std::optional<Location>();
    }
    return std::optional<Location>(locationFromRow(q.value()));
}

Result<QList<Location>> Catalog::locations()
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT id, code, name, kind, active FROM locations ORDER BY "
                                     "code"));
    if (!q) {
        return q.error();
    }
    QList<Location> all;
    while (q.value().next()) {
        all << locationFromRow(q.value());
    }
    return all;
}

Result<QList<Style>> Catalog::styles()
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT id, handle, title, vendor, product_type FROM styles "
                                     "ORDER BY handle"));
    if (!q) {
        return q.error();
    }
    QList<Style> all;
    while (q.value().next()) {
        all << styleFromRow(q.value());
    }
    return all;
}

Result<QList<Variant>> Catalog::variantsOfStyle(StyleId style)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("SELECT ") + kVariantColumns
                          + QStringLiteral(" FROM variants WHERE style_id = ? ORDER BY id"),
                      {style});
    if (!q) {
        return q.error();
    }
    QList<Variant> all;
    while (q.value().next()) {
        all << variantFromRow(q.value());
    }
    return all;
}

} // namespace Ledgerdesk::Core
