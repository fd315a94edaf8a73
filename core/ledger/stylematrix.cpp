#include "stylematrix.h"

#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSqlQuery>

#include <array>

namespace Ledgerdesk::Core {

namespace {

struct VariantRow
{
    VariantId id = 0;
    QString sku;
    std::array<VariantOption, 3> options;
    qint64 value = 0;
};

// Which option each axis shows: colour down, size across. -1: the axis has a single entry.
struct Axes
{
    int row = -1;
    int column = -1;
};

Axes chooseAxes(const QList<VariantRow> &variants)
{
    std::array<QString, 3> names;
    for (const VariantRow &v : variants) {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (names[i].isEmpty() && !v.options[i].name.isEmpty()) {
                names[i] = v.options[i].name;
            }
        }
    }
    int colour = -1;
    int size = -1;
    QList<int> named;
    for (int i = 0; i < 3; ++i) {
        const QString &name = names[static_cast<std::size_t>(i)];
        if (name.isEmpty()) {
            continue;
        }
        named << i;
        if (colour < 0 && StyleMatrixQuery::isColourOption(name)) {
            colour = i;
        } else if (size < 0 && StyleMatrixQuery::isSizeOption(name)) {
            size = i;
        }
    }
    if (named.size() == 1) {
        return {-1, named.first()};
    }
    if (named.isEmpty()) {
        return {};
    }
    Axes axes;
    axes.column = size >= 0 ? size : (colour == named.at(1) ? named.at(0) : named.at(1));
    axes.row = colour >= 0 && colour != axes.column ? colour
               : named.at(0) != axes.column         ? named.at(0)
                                                    : named.at(1);
    return axes;
}

QString optionValue(const VariantRow &v, int index)
{
    return index < 0 ? QString() : v.options[static_cast<std::size_t>(index)].value;
}

QString optionName(const QList<VariantRow> &variants, int index)
{
    if (index < 0) {
        return {};
    }
    for (const VariantRow &v : variants) {
        if (!v.options[static_cast<std::size_t>(index)].name.isEmpty()) {
            return v.options[static_cast<std::size_t>(index)].name;
        }
    }
    return {};
}

} // namespace

std::optional<qint64> StyleMatrix::value(const QString &rowValue, const QString &columnValue) const
{
    const qsizetype r = rows.indexOf(rowValue);
    const qsizetype c = columns.indexOf(columnValue);
    if (r < 0 || c < 0 || !cells.at(r).at(c)) {
        return std::nullopt;
    }
    return cells.at(r).at(c)->value;
}

StyleMatrixQuery::StyleMatrixQuery(Store &store)
    : m_store(store)
{}

bool StyleMatrixQuery::isColourOption(const QString &name)
{
    const QString n = name.trimmed().toCaseFolded();
    return n == u"color" || n == u"colour" || n == u"colors" || n == u"colours";
}

bool StyleMatrixQuery::isSizeOption(const QString &name)
{
    const QString n = name.trimmed().toCaseFolded();
    return n == u"size" || n == u"sizes";
}

Result<StyleMatrix> StyleMatrixQuery::fetch(const QString &styleHandle,
                                            const QString &locationCode,
                                            QuantityName quantity)
{
    QSqlDatabase db = m_store.connection();
    StyleMatrix matrix;
    matrix.locationCode = locationCode;
    matrix.quantity = quantity;

    auto style = runQuery(db,
                          QStringLiteral("SELECT id, handle, title, vendor, product_type FROM "
                                         "styles WHERE handle = ?"),
                          {nonNull(styleHandle)});
    if (!style) {
        return style.error();
    }
    if (!style.value().next()) {
        return makeError(ErrorCode::NotFound, tr("no style has the handle “%1”").arg(styleHandle));
    }
    matrix.style = {style.value().value(0).toLongLong(),
                    style.value().value(1).toString(),
                    style.value().value(2).toString(),
                    style.value().value(3).toString(),
                    style.value().value(4).toString()};

    LocationId location = 0;
    if (!locationCode.isEmpty()) {
        auto found = runQuery(
            db, QStringLiteral("SELECT id FROM locations WHERE code = ?"), {locationCode});
        if (!found) {
            return found.error();
        }
        if (!found.value().next()) {
            return makeError(ErrorCode::NotFound,
                             tr("no location has the code “%1”").arg(locationCode));
        }
        location = found.value().value(0).toLongLong();
    }

    // The column name comes from the closed QuantityName list, never from the caller's text.
    const QString column = quantityNameKey(quantity);
    const QString sql
        = QStringLiteral("SELECT v.id, v.sku, v.option1_name, v.option1_value, v.option2_name, "
                         "v.option2_value, v.option3_name, v.option3_value, COALESCE(SUM(b.%1), 0) "
                         "FROM variants v LEFT JOIN balances b ON b.variant_id = v.id%2 WHERE "
                         "v.style_id = ? GROUP BY v.id, v.sku, v.option1_name, v.option1_value, "
                         "v.option2_name, v.option2_value, v.option3_name, v.option3_value "
                         "ORDER BY v.id")
              .arg(column, location != 0 ? QStringLiteral(" AND b.location_id = ?") : QString());
    auto q = location != 0 ? runQuery(db, sql, {location, matrix.style.id})
                           : runQuery(db, sql, {matrix.style.id});
    if (!q) {
        return q.error();
    }
    QList<VariantRow> variants;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        VariantRow v;
        v.id = r.value(0).toLongLong();
        v.sku = r.value(1).toString();
        for (int i = 0; i < 3; ++i) {
            v.options[static_cast<std::size_t>(i)]
                = {r.value(2 + 2 * i).toString(), r.value(3 + 2 * i).toString()};
        }
        v.value = r.value(8).toLongLong();
        variants << v;
    }

    const Axes axes = chooseAxes(variants);
    matrix.rowOptionName = optionName(variants, axes.row);
    matrix.columnOptionName = optionName(variants, axes.column);
    for (const VariantRow &v : variants) {
        const QString r = optionValue(v, axes.row);
        const QString c = optionValue(v, axes.column);
        if (!matrix.rows.contains(r)) {
            matrix.rows << r;
        }
        if (!matrix.columns.contains(c)) {
            matrix.columns << c;
        }
    }
    matrix.cells.resize(matrix.rows.size());
    for (auto &row : matrix.cells) {
        row.resize(matrix.columns.size());
    }
    for (const VariantRow &v : variants) {
        auto &cell = matrix.cells[matrix.rows.indexOf(optionValue(v, axes.row))]
                                 [matrix.columns.indexOf(optionValue(v, axes.column))];
        if (cell) {
            // A third option folds into the same colour × size cell; it shows their sum.
            cell->value += v.value;
        } else {
            cell = StyleMatrixCell{v.id, v.sku, v.value};
        }
    }
    return matrix;
}

} // namespace Ledgerdesk::Core
