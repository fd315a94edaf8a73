#pragma once

#include <core/domain/money.h>
#include <core/pricing/exchangerates.h>
#include <core/pricing/quantityrule.h>

#include <QDate>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

// Which rule set a quoted unit price.
enum class PriceSource {
    Base,          // no price list applies
    Percentage,    // the list's percentage against the (converted) base price
    FixedPrice,    // the list's fixed price for the SKU
    QuantityBreak, // the list's break for this many units
};

QString priceSourceKey(PriceSource source); // "base", "percentage", "fixed", "break"

struct QuoteRequest
{
    QString sku;
    qint64 quantity = 0;
    Money basePrice; // the variant's own price, in the shop's currency
    QDate day;       // which exchange rate applies
};

// A deterministic answer: the same request, list and rates give the same quote.
struct Quote
{
    QString sku;
    qint64 quantity = 0;
    Money unitPrice;
    Money total;
    PriceSource source = PriceSource::Base;
    QString priceList;                // empty for the base price
    std::optional<ExchangeRate> rate; // set when the base price was converted
    QuantityRule rule;
    QString quantityProblem; // empty when the quantity keeps the list's rule
    QString explanation;     // one sentence: why this price

    bool acceptable() const { return quantityProblem.isEmpty(); }
};

} // namespace Ledgerdesk::Core
