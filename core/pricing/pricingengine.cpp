#include "pricingengine.h"

#include <core/domain/decimal.h>

#include <QLocale>

namespace Ledgerdesk::Core {

namespace {

// amount × (10000 ± basisPoints) / 10000, half away from zero.
Money adjusted(const Money &amount, const PriceAdjustment &adjustment)
{
    const qint64 factor = adjustment.direction == PriceAdjustment::Direction::Decrease
                              ? 10000 - adjustment.basisPoints
                              : 10000 + adjustment.basisPoints;
    return Money(divideRounded(WideInt(amount.minorUnits()) * factor, 10000), amount.currency());
}

QString percentText(const PriceAdjustment &adjustment)
{
    return QLocale().toString(double(adjustment.basisPoints) / 100.0, 'g', 6) + u'%';
}

} // namespace

QString priceSourceKey(PriceSource source)
{
    switch (source) {
    case PriceSource::Base:
        return QStringLiteral("base");
    case PriceSource::Percentage:
        return QStringLiteral("percentage");
    case PriceSource::FixedPrice:
        return QStringLiteral("fixed");
    case PriceSource::QuantityBreak:
        return QStringLiteral("break");
    }
    return {};
}

PricingEngine::PricingEngine(const ExchangeRates &rates)
    : m_rates(rates)
{}

Result<Quote> PricingEngine::quote(const QuoteRequest &request, const PriceList *list) const
{
    if (request.sku.isEmpty() || request.quantity < 1) {
        return makeError(ErrorCode::Validation,
                         tr("a quote needs a SKU and a quantity of at least 1"));
    }
    if (request.basePrice.minorUnits() < 0
        || !Money::isCurrencyCode(request.basePrice.currency())) {
        return makeError(ErrorCode::Validation, tr("%1 has no valid base price").arg(request.sku));
    }
    Result<Quote> priced = list ? listPrice(request, *list) : Result<Quote>(Quote{});
    if (!priced) {
        return priced;
    }
    Quote quote = std::move(priced).value();
    quote.sku = request.sku;
    quote.quantity = request.quantity;
    if (!list) {
        quote.unitPrice = request.basePrice;
        quote.source = PriceSource::Base;
        quote.explanation
            = tr("Base price %1; no price list applies.").arg(request.basePrice.toString());
    }
    qint64 total = 0;
    if (qMulOverflow(quote.unitPrice.minorUnits(), request.quantity, &total)) {
        return makeError(ErrorCode::Validation, tr("the order total is too large"));
    }
    quote.total = Money(total, quote.unitPrice.currency());
    quote.quantityProblem = quote.rule.problem(request.quantity);
    return quote;
}

Result<Quote> PricingEngine::listPrice(const QuoteRequest &request, const PriceList &list) const
{
    Quote quote;
    quote.priceList = list.name();
    quote.rule = list.quantityRule(request.sku);
    const QLocale locale;
    if (const auto priceBreak = list.priceBreakFor(request.sku, request.quantity)) {
        quote.unitPrice = priceBreak->price;
        quote.source = PriceSource::QuantityBreak;
        quote.explanation = tr("Quantity break on “%1”: %2 or more units at %3 each.")
                                .arg(list.name(),
                                     locale.toString(priceBreak->minimumQuantity),
                                     priceBreak->price.toString());
        return quote;
    }
    if (const auto fixed = list.fixedPrice(request.sku)) {
        quote.unitPrice = *fixed;
        quote.source = PriceSource::FixedPrice;
        quote.explanation = tr("Fixed price on “%1”: %2.").arg(list.name(), fixed->toString());
        return quote;
    }
    Money base = request.basePrice;
    QString conversion;
    if (base.currency() != list.currency()) {
        const auto rate = m_rates.rateOn(base.currency(), list.currency(), request.day);
        if (!rate) {
            return makeError(ErrorCode::NotFound,
                             tr("no %1 → %2 exchange rate on or before %3 for “%4”")
                                 .arg(base.currency(),
                                      list.currency(),
                                      request.day.toString(Qt::ISODate),
                                      list.name()));
        }
        quote.rate = rate;
        base = ExchangeRates::apply(base, *rate);
        conversion = tr(" (%1 at %2, rate of %3)")
                         .arg(request.basePrice.toString(),
                              rate->rateText(),
                              rate->effective.toString(Qt::ISODate));
    }
    quote.unitPrice = adjusted(base, list.adjustment());
    quote.source = PriceSource::Percentage;
    const QString direction = list.adjustment().direction == PriceAdjustment::Direction::Decrease
                                  ? tr("less")
                                  : tr("plus");
    quote.explanation = tr("“%1”: base %2%3 %4 %5 = %6.")
                            .arg(list.name(),
                                 base.toString(),
                                 conversion,
                                 direction,
                                 percentText(list.adjustment()),
                                 quote.unitPrice.toString());
    return quote;
}

QString PricingEngine::priceProblem(const Quote &quote, const Money &chargedUnitPrice)
{
    if (chargedUnitPrice == quote.unitPrice) {
        return {};
    }
    return tr("%1 charged at %2, but the buyer's price is %3 (%4)")
        .arg(quote.sku, chargedUnitPrice.toString(), quote.unitPrice.toString(), quote.explanation);
}

} // namespace Ledgerdesk::Core
