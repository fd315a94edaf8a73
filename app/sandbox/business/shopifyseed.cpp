#include "shopifyseed.h"

#include <core/demo/democatalog.h>

#include <QRandomGenerator>

#include <array>

namespace Ledgerdesk::Sandbox {

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kDay = 86'400'000;

struct Buyer
{
    const char *name;
    const char *city;
    const char *country;
    const char *currency;
};

constexpr std::array<Buyer, 24> kBuyers = {{
    {"Harbor Outfitters", "Boston", "US", "USD"},
    {"Summit Supply Co", "Denver", "US", "USD"},
    {"Lakeside Mercantile", "Chicago", "US", "USD"},
    {"Pacific Thread", "Portland", "US", "USD"},
    {"Blue Ridge Goods", "Asheville", "US", "USD"},
    {"Desert Bloom Boutique", "Phoenix", "US", "USD"},
    {"Magnolia & Main", "Savannah", "US", "USD"},
    {"Northern Lights Trading", "Minneapolis", "US", "USD"},
    {"Canal Street Clothiers", "New Orleans", "US", "USD"},
    {"Redwood General", "Eureka", "US", "USD"},
    {"Maison Lefèvre", "Lyon", "FR", "EUR"},
    {"Kaufhaus Brandt", "Hamburg", "DE", "EUR"},
    {"Atelier Rossi", "Milan", "IT", "EUR"},
    {"De Vries Mode", "Utrecht", "NL", "EUR"},
    {"Casa Moreno", "Valencia", "ES", "EUR"},
    {"Nordic Wear Oy", "Helsinki", "FI", "EUR"},
    {"Brennan & Daughters", "Dublin", "IE", "EUR"},
    {"Vienna Loden Haus", "Vienna", "AT", "EUR"},
    {"Maple Leaf Outfitters", "Toronto", "CA", "CAD"},
    {"Prairie Provisions", "Calgary", "CA", "CAD"},
    {"Harbourfront Apparel", "Halifax", "CA", "CAD"},
    {"Mont-Royal Boutique", "Montréal", "CA", "CAD"},
    {"Coastal Range Supply", "Vancouver", "CA", "CAD"},
    {"Yukon Trail Co", "Whitehorse", "CA", "CAD"},
}};

} // namespace

void ShopifySeed::build(ShopifyStore &store, quint32 seed, qint64 now)
{
    store.m_seed = seed;
    buildCatalog(store, seed, now);
    buildPaymentTerms(store);
    buildB2b(store, seed, now);
    store.reindex();
}

void ShopifySeed::buildCatalog(ShopifyStore &store, quint32 seed, qint64 now)
{
    const Core::DemoCatalog catalog = Core::DemoCatalog::generate(seed);
    const qint64 salt = qint64(seed % 1000) * 100'000;
    const qint64 opened = now - 400 * kDay;
    for (int l = 0; l < catalog.locations().size(); ++l) {
        const Core::DemoLocation &dl = catalog.locations().at(l);
        static const std::array<const char *, 5> kCities
            = {"Newark", "Ontario", "New York", "Reno", "Las Vegas"};
        ShopLocation loc;
        loc.id = 68'000'000'000LL + qint64(seed % 97) * 10'000 + l * 1103;
        loc.code = dl.code;
        loc.name = dl.name;
        loc.kind = Core::locationKindKey(dl.kind);
        loc.city = QString::fromUtf8(kCities[std::size_t(l) % kCities.size()]);
        loc.countryCode = QStringLiteral("US");
        loc.createdAt = opened + l * kMinute;
        store.locations << loc;
    }
    for (int s = 0; s < catalog.styles().size(); ++s) {
        const Core::DemoStyle &ds = catalog.styles().at(s);
        ShopProduct product;
        product.id = 271'878'346'500'000'000LL + salt + s * 97;
        product.handle = ds.handle;
        product.title = ds.title;
        product.vendor = ds.vendor;
        product.productType = ds.productType;
        product.createdAt = opened + s * kMinute;
        product.updatedAt = product.createdAt;
        for (int v = 0; v < ds.variants.size(); ++v) {
            const Core::DemoVariant &dv = ds.variants.at(v);
            const int index = int(store.variants.size());
            ShopVariant variant;
            variant.id = 391'878'346'500'000'000LL + salt + index * 13;
            variant.itemId = 451'878'346'500'000'000LL + salt + index * 17;
            variant.product = s;
            variant.sku = dv.sku;
            variant.barcode = dv.barcode;
            variant.color = dv.color;
            variant.size = dv.size;
            variant.priceMinor = dv.price.minorUnits();
            variant.createdAt = product.createdAt;
            variant.updatedAt = product.updatedAt;
            store.variants << variant;
            product.variants << index;
            for (int l = 0; l < store.locations.size(); ++l) {
                ShopLevel level;
                const qint64 onHand = catalog.startingOnHand(s, v, l);
                level.quantities.set(Core::QuantityName::Available, onHand);
                if (store.locations.at(l).kind == u"warehouse" && onHand < 5) {
                    level.quantities.set(Core::QuantityName::Incoming, 24);
                }
                level.updatedAt = now - kDay;
                store.m_levels << level;
            }
        }
        store.products << product;
    }
}

void ShopifySeed::buildPaymentTerms(ShopifyStore &store)
{
    const std::array<int, 6> netDays = {7, 15, 30, 45, 60, 90};
    qint64 id = 1;
    for (int days : netDays) {
        store.paymentTerms << PaymentTermsTemplate{id++,
                                                   QStringLiteral("Net %1").arg(days),
                                                   QStringLiteral("NET"),
                                                   days,
                                                   QStringLiteral("Within %1 days").arg(days)};
    }
    store.paymentTerms << PaymentTermsTemplate{id++,
                                               QStringLiteral("Due on receipt"),
                                               QStringLiteral("RECEIPT"),
                                               -1,
                                               QStringLiteral("Due on receipt")};
    store.paymentTerms << PaymentTermsTemplate{id++,
                                               QStringLiteral("Due on fulfillment"),
                                               QStringLiteral("FULFILLMENT"),
                                               -1,
                                               QStringLiteral("Due on fulfillment")};
    store.paymentTerms << PaymentTermsTemplate{id++,
                                               QStringLiteral("Fixed"),
                                               QStringLiteral("FIXED"),
                                               -1,
                                               QStringLiteral("Due on a fixed date")};
}

void ShopifySeed::buildB2b(ShopifyStore &store, quint32 seed, qint64 now)
{
    QRandomGenerator rng(seed ^ 0xB2B2B2B2u);
    const QStringList currencies
        = {QStringLiteral("USD"), QStringLiteral("EUR"), QStringLiteral("CAD")};
    // One wholesale list per currency, plus a key-account list with fixed prices and breaks.
    for (int c = 0; c < currencies.size(); ++c) {
        ShopPriceList list;
        list.id = 30'000'000 + c * 11;
        list.catalogId = 40'000'000 + c * 11;
        list.currency = currencies.at(c);
        list.name = QStringLiteral("Wholesale %1").arg(list.currency);
        list.catalogTitle = QStringLiteral("Wholesale catalog (%1)").arg(list.currency);
        list.adjustmentValue = 40 - c * 2;
        list.updatedAt = now - 30 * kDay;
        store.priceLists << list;
    }
    ShopPriceList key;
    key.id = 30'000'000 + 3 * 11;
    key.catalogId = 40'000'000 + 3 * 11;
    key.currency = QStringLiteral("USD");
    key.name = QStringLiteral("Key accounts USD");
    key.catalogTitle = QStringLiteral("Key accounts catalog");
    key.adjustmentValue = 45;
    key.updatedAt = now - 20 * kDay;
    for (int v = 0; v < store.variants.size(); v += 7) {
        const qint64 price = store.variants.at(v).priceMinor * 50 / 100;
        key.fixedPrices << FixedPrice{v, price, store.variants.at(v).priceMinor};
        if (v % 21 == 0) {
            key.priceBreaks << PriceBreak{v, 12, price * 95 / 100};
            key.priceBreaks << PriceBreak{v, 48, price * 90 / 100};
            key.quantityRules << QuantityRule{v, 6, 600, 6};
        }
    }
    store.priceLists << key;
    for (int i = 0; i < int(kBuyers.size()); ++i) {
        const Buyer &b = kBuyers[std::size_t(i)];
        ShopCompany company;
        company.id = 1'870'000'000LL + i * 53;
        company.contactId = 3'170'000'000LL + i * 31;
        company.name = QString::fromUtf8(b.name);
        company.externalId = QStringLiteral("CUST-%1").arg(1000 + i);
        company.createdAt = now - (300 - i) * kDay;
        company.updatedAt = company.createdAt;
        const int locationCount = 1 + int(rng.bounded(2));
        for (int k = 0; k < locationCount; ++k) {
            ShopCompanyLocation loc;
            loc.id = 2'470'000'000LL + i * 59 + k;
            loc.company = i;
            loc.currency = QString::fromLatin1(b.currency);
            loc.city = QString::fromUtf8(b.city);
            loc.countryCode = QString::fromLatin1(b.country);
            loc.name = k == 0 ? loc.city : loc.city + QStringLiteral(" Annex");
            loc.externalId = company.externalId + QStringLiteral("-%1").arg(k + 1);
            loc.paymentTerms = (i + k) % 2 == 0 ? 2 : 4; // Net 30 or Net 60
            const int currencyList = int(currencies.indexOf(loc.currency));
            loc.priceList = i % 5 == 0 && loc.currency == u"USD" ? 3 : currencyList;
            loc.createdAt = company.createdAt;
            loc.updatedAt = company.updatedAt;
            store.priceLists[loc.priceList].companyLocations << int(store.companyLocations.size());
            company.locations << int(store.companyLocations.size());
            store.companyLocations << loc;
        }
        store.companies << company;
    }
    store.seededCompanies = int(store.companies.size());
    for (ShopPriceList &list : store.priceLists) {
        if (list.currency != u"USD") {
            for (FixedPrice &p : list.fixedPrices) {
                p.priceMinor = ShopifyStore::convert(p.priceMinor, list.currency);
            }
        }
    }
}

} // namespace Ledgerdesk::Sandbox
