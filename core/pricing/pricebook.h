#pragma once

#include <core/domain/money.h>
#include <core/error.h>
#include <core/pricing/exchangerates.h>
#include <core/pricing/paymentterms.h>
#include <core/pricing/pricelist.h>
#include <core/pricing/quote.h>

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

class Store;

// A B2B buyer's location as the console shows it. Ids are the external system's exact ids.
struct CompanyLocationInfo
{
    QString id;
    QString companyId;
    QString companyName;
    QString name;
    QString currency;         // empty when the location has no price list currency of its own
    QString paymentTermsName; // the template's name, such as "Net 30"; empty without terms
    PaymentTerms terms;       // on receipt when the location has none
    QString priceListId;      // the list's external id; empty without a price list
    QString priceListName;    // empty without a price list
};

// What the connector stores: one full picture of a company, location or price list.
struct CompanyRecord
{
    QString id;
    QString name;
};

struct CompanyLocationRecord
{
    QString id;
    QString companyId;
    QString name;
    QString currency;
    QString paymentTermsName;
    QString paymentTermsType; // "NET", "RECEIPT", "FULFILLMENT", "FIXED"; empty = none
    int dueInDays = 0;
    QDate fixedDueDate;
    QString priceListId; // empty = base prices
};

struct PriceListPriceRecord
{
    QString sku;
    Money price;
};

struct PriceBreakRecord
{
    QString sku;
    qint64 minimumQuantity = 0;
    Money price;
};

struct QuantityRuleRecord
{
    QString sku;
    qint64 minimum = 1;
    qint64 maximum = 0;
    qint64 increment = 1;
};

struct PriceListRecord
{
    QString id;
    QString name;
    QString currency;
    QString adjustmentType;    // "PERCENTAGE_DECREASE" / "PERCENTAGE_INCREASE"; empty = none
    QString adjustmentPercent; // exact decimal text, such as "12.5"
    QList<PriceListPriceRecord> prices;
    QList<PriceBreakRecord> breaks;
    QList<QuantityRuleRecord> rules;
};

struct B2BSnapshot
{
    QList<CompanyRecord> companies;
    QList<CompanyLocationRecord> locations;
    QList<PriceListRecord> priceLists;
};

// Companies, their locations, price lists and dated exchange rates in the ledger, and quotes
// built from them with PricingEngine.
class PriceBook final
{
    Q_DECLARE_TR_FUNCTIONS(PriceBook)

public:
    explicit PriceBook(Store &store);

    Result<QList<CompanyLocationInfo>> companyLocations();
    Result<std::optional<CompanyLocationInfo>> companyLocation(const QString &id);
    // The location's price list with its prices, breaks and rules; nullopt without one.
    Result<std::optional<PriceList>> priceListFor(const QString &companyLocationId);
    Result<ExchangeRates> exchangeRates();
    // `rate` is exact decimal text ("0.9213"); the same date again replaces the rate.
    Status setExchangeRate(const QString &from,
                           const QString &to,
                           QDate effective,
                           const QString &rate,
                           const QString &actor);
    // The variant's catalogue price through the location's list; an empty location quotes the
    // base price. Fails for an unknown location or SKU, or a SKU without a price.
    Result<Quote>
    quote(const QString &companyLocationId, const QString &sku, qint64 quantity, QDate day);

    // Writer side for connectors: upserts every record by id in one transaction and replaces
    // each listed price list's prices, breaks and rules, so saving the same snapshot twice
    // changes nothing. Validates everything first; a bad record stores nothing.
    Status save(const B2BSnapshot &snapshot);

    // The stored price list record (for the console's breaks table); nullopt when unknown.
    Result<std::optional<PriceListRecord>> priceListRecord(const QString &priceListId);
    Result<QList<CompanyRecord>> companies();

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
