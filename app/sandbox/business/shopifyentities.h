#pragma once

#include <core/domain/quantities.h>

#include <QList>
#include <QString>
#include <QtGlobal>

namespace Ledgerdesk::Sandbox {

struct ShopLocation
{
    qint64 id = 0;
    QString code;
    QString name;
    QString kind;
    QString city;
    QString countryCode;
    bool active = true;
    qint64 createdAt = 0;
};

struct ShopProduct
{
    qint64 id = 0;
    QString handle;
    QString title;
    QString vendor;
    QString productType;
    QList<int> variants;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct ShopVariant
{
    qint64 id = 0;
    qint64 itemId = 0; // the inventory item, one per variant
    int product = 0;
    QString sku;
    QString barcode;
    QString color;
    QString size;
    qint64 priceMinor = 0; // shop currency
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct ShopLevel
{
    Core::Quantities quantities;
    qint64 updatedAt = 0;
};

struct ShopOrderLine
{
    qint64 id = 0;
    int variant = 0;
    qint64 quantity = 0;
    qint64 unitPriceMinor = 0; // order currency
    qint64 fulfilled = 0;
    qint64 refunded = 0;
};

struct ShopOrder
{
    qint64 id = 0;
    int number = 0;
    QString currency;
    QString financialStatus = QStringLiteral("PAID"); // GraphQL enum form
    QString fulfillmentStatus = QStringLiteral("UNFULFILLED");
    QString poNumber;
    QString email;
    int location = 0; // where it is fulfilled from
    int company = -1; // B2B when set
    int companyLocation = -1;
    int paymentTerms = -1;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QList<ShopOrderLine> lines;
};

struct PaymentTermsTemplate
{
    qint64 id = 0;
    QString name;
    QString type; // NET, RECEIPT, FULFILLMENT, FIXED
    int dueInDays = -1;
    QString description;
};

struct ShopCompanyLocation
{
    qint64 id = 0;
    int company = 0;
    QString name;
    QString externalId;
    QString currency;
    QString city;
    QString countryCode;
    int paymentTerms = 0;
    int priceList = 0; // through its catalog
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct ShopCompany
{
    qint64 id = 0;
    qint64 contactId = 0;
    QString name;
    QString externalId;
    QList<int> locations;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct FixedPrice
{
    int variant = 0;
    qint64 priceMinor = 0;
    qint64 compareAtMinor = 0;
};

struct PriceBreak
{
    int variant = 0;
    qint64 minimumQuantity = 0;
    qint64 priceMinor = 0;
};

struct QuantityRule
{
    int variant = 0;
    qint64 minimum = 1;
    qint64 maximum = 0; // 0 = no maximum
    qint64 increment = 1;
};

struct ShopPriceList
{
    qint64 id = 0;
    qint64 catalogId = 0;
    QString name;
    QString catalogTitle;
    QString currency;
    QString adjustmentType = QStringLiteral("PERCENTAGE_DECREASE");
    double adjustmentValue = 0;
    QList<FixedPrice> fixedPrices;
    QList<PriceBreak> priceBreaks;
    QList<QuantityRule> quantityRules;
    QList<int> companyLocations;
    qint64 updatedAt = 0;
};

} // namespace Ledgerdesk::Sandbox
