#pragma once

#include <core/catalog/product.h>
#include <core/domain/quantities.h>
#include <core/error.h>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Ledgerdesk::Core {

class Store;

struct StyleMatrixCell
{
    VariantId variantId = 0;
    QString sku;
    qint64 value = 0; // 0 when the variant has never moved at the location(s)
};

// One quantity of one style as colour × size. A cell without a value means the style has no
// such variant, which is not the same as a variant with nothing in stock.
struct StyleMatrix
{
    Style style;
    QString locationCode; // empty: every location summed
    QuantityName quantity = QuantityName::Available;
    QString rowOptionName;    // "Color"; empty when the style has a single option or none
    QString columnOptionName; // "Size"
    QStringList rows;         // option values in catalogue (variant) order
    QStringList columns;
    QList<QList<std::optional<StyleMatrixCell>>> cells; // [row][column]

    const std::optional<StyleMatrixCell> &cell(int row, int column) const
    {
        return cells.at(row).at(column);
    }

    std::optional<qint64> value(const QString &rowValue, const QString &columnValue) const;
};

// Reads a style's variants with their balances in one query through the variants_style index
// and the balances primary key, so its cost depends on the style, not on the ledger.
class StyleMatrixQuery final
{
    Q_DECLARE_TR_FUNCTIONS(StyleMatrixQuery)

public:
    explicit StyleMatrixQuery(Store &store);

    // `quantity` may be any name, on_hand included. An empty location sums every location.
    Result<StyleMatrix> fetch(const QString &styleHandle,
                              const QString &locationCode = {},
                              QuantityName quantity = QuantityName::Available);

    static bool isColourOption(const QString &name);
    static bool isSizeOption(const QString &name);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
