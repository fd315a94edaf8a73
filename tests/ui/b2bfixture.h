#pragma once

#include <core/pricing/pricebook.h>
#include <tests/support/tempstore.h>

namespace Ledgerdesk::Testing {

// One B2B buyer as the Shopify connector stores it: Acme Outfitters' Boston location on Net 30
// with the "Acme wholesale" list (20 % off, a fixed price, a quantity break and a quantity rule),
// and Globex's location on base prices. The catalogue's base price is 189.00 USD.
inline const QString kAcmeBoston = QStringLiteral("gid://shopify/CompanyLocation/11");
inline const QString kGlobexHq = QStringLiteral("gid://shopify/CompanyLocation/21");

inline Core::Status seedB2B(TempStore &t)
{
    const QString list = QStringLiteral("gid://shopify/PriceList/7");
    Core::B2BSnapshot snapshot;
    snapshot.companies
        = {{QStringLiteral("gid://shopify/Company/1"), QStringLiteral("Acme Outfitters")},
           {QStringLiteral("gid://shopify/Company/2"), QStringLiteral("Globex")}};
    Core::CompanyLocationRecord acme;
    acme.id = kAcmeBoston;
    acme.companyId = QStringLiteral("gid://shopify/Company/1");
    acme.name = QStringLiteral("Boston");
    acme.currency = QStringLiteral("USD");
    acme.paymentTermsName = QStringLiteral("Net 30");
    acme.paymentTermsType = QStringLiteral("NET");
    acme.dueInDays = 30;
    acme.priceListId = list;
    Core::CompanyLocationRecord globex;
    globex.id = kGlobexHq;
    globex.companyId = QStringLiteral("gid://shopify/Company/2");
    globex.name = QStringLiteral("Head office");
    globex.currency = QStringLiteral("USD");
    snapshot.locations = {acme, globex};
    Core::PriceListRecord wholesale;
    wholesale.id = list;
    wholesale.name = QStringLiteral("Acme wholesale");
    wholesale.currency = QStringLiteral("USD");
    wholesale.adjustmentType = QStringLiteral("PERCENTAGE_DECREASE");
    wholesale.adjustmentPercent = QStringLiteral("20");
    wholesale.prices = {{QStringLiteral("FJ-NAVY-S"), Core::Money(12000, QStringLiteral("USD"))}};
    wholesale.breaks
        = {{QStringLiteral("FJ-NAVY-M"), 10, Core::Money(14000, QStringLiteral("USD"))}};
    wholesale.rules = {{QStringLiteral("FJ-NAVY-L"), 6, 0, 6}};
    snapshot.priceLists = {wholesale};
    return Core::PriceBook(t.store()).save(snapshot);
}

} // namespace Ledgerdesk::Testing
