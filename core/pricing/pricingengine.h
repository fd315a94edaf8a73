#pragma once

#include <core/error.h>
#include <core/pricing/exchangerates.h>
#include <core/pricing/pricelist.h>
#include <core/pricing/quote.h>

#include <QCoreApplication>

namespace Ledgerdesk::Core {

// Prices one SKU for one buyer. Precedence, as a B2B storefront applies it: the quantity break
// the order reaches, else the list's fixed price, else the list's percentage against the base
// price converted into the list's currency, else the base price.
class PricingEngine final
{
    Q_DECLARE_TR_FUNCTIONS(PricingEngine)

public:
    explicit PricingEngine(const ExchangeRates &rates);

    // `list` may be null (a buyer without a price list). Fails only when the request is
    // malformed or a needed exchange rate is missing; a quantity that breaks the list's rule is
    // quoted with quantityProblem set.
    Result<Quote> quote(const QuoteRequest &request, const PriceList *list) const;

    // Empty when a charged unit price matches the quote exactly; otherwise what differs.
    static QString priceProblem(const Quote &quote, const Money &chargedUnitPrice);

private:
    Result<Quote> listPrice(const QuoteRequest &request, const PriceList &list) const;

    const ExchangeRates &m_rates;
};

} // namespace Ledgerdesk::Core
