#pragma once

#include <core/domain/money.h>
#include <core/error.h>
#include <core/pricing/quantityrule.h>

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

// A price list's percentage against the base price, in hundredths of a percent (1250 = 12.5 %).
struct PriceAdjustment
{
    enum class Direction { Decrease, Increase };

    Direction direction = Direction::Decrease;
    qint64 basisPoints = 0;

    // "PERCENTAGE_DECREASE" / "PERCENTAGE_INCREASE" and a decimal percentage such as "12.5".
    static Result<PriceAdjustment> parse(const QString &type, QStringView percent);
};

struct QuantityPriceBreak
{
    qint64 minimumQuantity = 0;
    Money price;
};

// What a company location pays: one currency, a percentage against the base price, fixed prices,
// quantity price breaks and quantity rules per SKU. Fixed prices and breaks are in the list's
// currency.
class PriceList final
{
    Q_DECLARE_TR_FUNCTIONS(PriceList)

public:
    PriceList() = default;
    PriceList(QString name, QString currency, PriceAdjustment adjustment = {});

    const QString &name() const { return m_name; }

    const QString &currency() const { return m_currency; }

    const PriceAdjustment &adjustment() const { return m_adjustment; }

    // Each refuses a price in another currency or a non-positive price or quantity.
    Status setFixedPrice(const QString &sku, const Money &price);
    Status addPriceBreak(const QString &sku, const QuantityPriceBreak &priceBreak);
    void setQuantityRule(const QString &sku, const QuantityRule &rule);

    std::optional<Money> fixedPrice(const QString &sku) const;
    // The break with the highest minimum that `quantity` reaches.
    std::optional<QuantityPriceBreak> priceBreakFor(const QString &sku, qint64 quantity) const;
    QList<QuantityPriceBreak> priceBreaks(const QString &sku) const;
    QuantityRule quantityRule(const QString &sku) const;

private:
    QString m_name;
    QString m_currency;
    PriceAdjustment m_adjustment;
    QHash<QString, Money> m_fixed;
    QHash<QString, QList<QuantityPriceBreak>> m_breaks; // sorted by minimum quantity
    QHash<QString, QuantityRule> m_rules;
};

} // namespace Ledgerdesk::Core
