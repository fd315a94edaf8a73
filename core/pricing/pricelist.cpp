#include "pricelist.h"

#include <core/domain/decimal.h>

#include <algorithm>

namespace Ledgerdesk::Core {

Result<PriceAdjustment> PriceAdjustment::parse(const QString &type, QStringView percent)
{
    PriceAdjustment adjustment;
    if (type == u"PERCENTAGE_DECREASE") {
        adjustment.direction = Direction::Decrease;
    } else if (type == u"PERCENTAGE_INCREASE") {
        adjustment.direction = Direction::Increase;
    } else {
        return makeError(ErrorCode::Validation,
                         PriceList::tr("unknown price adjustment \"%1\"").arg(type));
    }
    const FixedPoint value = parseFixedPoint(percent, 2);
    if (value.problem != DecimalProblem::None || value.scaled < 0
        || (adjustment.direction == Direction::Decrease && value.scaled > 10000)) {
        return makeError(ErrorCode::Validation,
                         PriceList::tr("\"%1\" is not a percentage between 0 and 100 with at "
                                       "most two decimals")
                             .arg(percent.toString()));
    }
    adjustment.basisPoints = value.scaled;
    return adjustment;
}

PriceList::PriceList(QString name, QString currency, PriceAdjustment adjustment)
    : m_name(std::move(name))
    , m_currency(std::move(currency))
    , m_adjustment(adjustment)
{}

Status PriceList::setFixedPrice(const QString &sku, const Money &price)
{
    if (price.currency() != m_currency || price.minorUnits() <= 0) {
        return makeError(ErrorCode::Validation,
                         tr("a fixed price on \"%1\" must be a positive amount in %2, not %3")
                             .arg(m_name, m_currency, price.toString()));
    }
    m_fixed.insert(sku, price);
    return success();
}

Status PriceList::addPriceBreak(const QString &sku, const QuantityPriceBreak &priceBreak)
{
    if (priceBreak.price.currency() != m_currency || priceBreak.price.minorUnits() <= 0
        || priceBreak.minimumQuantity < 1) {
        return makeError(ErrorCode::Validation,
                         tr("a price break on \"%1\" needs a minimum quantity of at least 1 and "
                            "a positive price in %2")
                             .arg(m_name, m_currency));
    }
    QList<QuantityPriceBreak> &breaks = m_breaks[sku];
    const auto same = [&](const QuantityPriceBreak &b) {
        return b.minimumQuantity == priceBreak.minimumQuantity;
    };
    breaks.erase(std::remove_if(breaks.begin(), breaks.end(), same), breaks.end());
    breaks.append(priceBreak);
    std::sort(breaks.begin(), breaks.end(), [](const auto &a, const auto &b) {
        return a.minimumQuantity < b.minimumQuantity;
    });
    return success();
}

void PriceList::setQuantityRule(const QString &sku, const QuantityRule &rule)
{
    m_rules.insert(sku, rule);
}

std::optional<Money> PriceList::fixedPrice(const QString &sku) const
{
    const auto it = m_fixed.constFind(sku);
    return it == m_fixed.cend() ? std::nullopt : std::optional<Money>(*it);
}

std::optional<QuantityPriceBreak> PriceList::priceBreakFor(const QString &sku,
                                                           qint64 quantity) const
{
    std::optional<QuantityPriceBreak> best;
    for (const QuantityPriceBreak &priceBreak : m_breaks.value(sku)) {
        if (priceBreak.minimumQuantity <= quantity) {
            best = priceBreak;
        }
    }
    return best;
}

QList<QuantityPriceBreak> PriceList::priceBreaks(const QString &sku) const
{
    return m_breaks.value(sku);
}

QuantityRule PriceList::quantityRule(const QString &sku) const
{
    return m_rules.value(sku);
}

} // namespace Ledgerdesk::Core
