#include "shopifyactivity.h"

#include "../sandboxclock.h"
#include "../shopify/webhookpayloads.h"

#include <cmath>

namespace Ledgerdesk::Sandbox {

using Core::QuantityName;

namespace {

constexpr double kDtcOrdersPerHour = 80;
constexpr double kB2bOrdersPerHour = 20;
constexpr double kFulfilmentsPerHour = 90;
constexpr double kRefundsPerHour = 4;
constexpr double kProductUpdatesPerHour = 6;
constexpr double kCompanyUpdatesPerHour = 2;
constexpr double kReceiptsPerHour = 40; // purchase orders arriving keep the shelves from emptying
constexpr int kMaxEventsPerTick = 50;

} // namespace

ShopifyActivity::ShopifyActivity(
    ShopifyStore &store, const SandboxClock &clock, quint32 seed, Publish publish, Skew skew)
    : m_store(store)
    , m_clock(clock)
    , m_rng(seed ^ 0x0DE5u)
    , m_publish(std::move(publish))
    , m_skew(std::move(skew))
    , m_lastTick(clock.now())
{}

bool ShopifyActivity::happens(double perHour, double hours)
{
    // Poisson arrivals: the chance of at least one event in the interval.
    return m_rng.generateDouble() < 1.0 - std::exp(-perHour * hours);
}

void ShopifyActivity::tick(double countDriftPerHour)
{
    const qint64 now = m_clock.now();
    double hours = double(now - m_lastTick) / 3'600'000.0;
    m_lastTick = now;
    // Fast clocks: split a long interval into slices so several events can happen per tick.
    const int slices = std::clamp(int(std::ceil(hours * 120)), 1, kMaxEventsPerTick);
    hours /= slices;
    for (int s = 0; s < slices; ++s) {
        if (happens(kDtcOrdersPerHour, hours)) {
            createOrder(false);
        }
        if (happens(kB2bOrdersPerHour, hours)) {
            createOrder(true);
        }
        if (happens(kFulfilmentsPerHour, hours)) {
            fulfilOldest();
        }
        if (happens(kRefundsPerHour, hours)) {
            refundOne();
        }
        if (happens(kProductUpdatesPerHour, hours)) {
            touchProduct();
        }
        if (happens(kCompanyUpdatesPerHour, hours)) {
            touchCompany();
        }
        if (happens(kReceiptsPerHour, hours)) {
            receiveStock();
        }
        if (countDriftPerHour > 0 && happens(countDriftPerHour, hours)) {
            drift();
        }
    }
}

void ShopifyActivity::levelChanged(int variant, int location)
{
    m_publish(QStringLiteral("inventory_levels/update"),
              WebhookPayloads(m_store, m_skew()).inventoryLevel(variant, location));
}

int ShopifyActivity::pickLine(int location, qint64 quantity)
{
    for (int tries = 0; tries < 40; ++tries) {
        const int v = int(m_rng.bounded(int(m_store.variants.size())));
        if (m_store.level(v, location).quantities.available() >= quantity) {
            return v;
        }
    }
    return -1;
}

int ShopifyActivity::createOrder(bool b2b)
{
    const qint64 now = m_clock.now();
    ShopOrder order;
    order.number = m_store.nextOrderNumber;
    order.id = m_store.newOrderId();
    order.createdAt = now;
    order.updatedAt = now;
    order.currency = m_store.shopCurrency;
    // Fulfilled from a warehouse, the store or the 3PL (never the trade-show case).
    const int fulfilmentLocations = std::max(1, int(m_store.locations.size()) - 1);
    order.location = int(m_rng.bounded(fulfilmentLocations));
    int lineCount = 1 + int(m_rng.bounded(3));
    qint64 step = 1;
    const ShopPriceList *list = nullptr;
    if (b2b) {
        const int cl = int(m_rng.bounded(int(m_store.companyLocations.size())));
        const ShopCompanyLocation &loc = m_store.companyLocations.at(cl);
        order.company = loc.company;
        order.companyLocation = cl;
        order.currency = loc.currency;
        order.paymentTerms = loc.paymentTerms;
        order.poNumber = QStringLiteral("PO-%1-%2")
                             .arg(m_store.companies.at(loc.company).externalId)
                             .arg(order.number);
        order.financialStatus = QStringLiteral("PENDING");
        order.email = QStringLiteral("buyer%1@example.com").arg(loc.company + 1);
        order.location = int(m_rng.bounded(2)); // B2B ships from the warehouses
        list = &m_store.priceLists.at(loc.priceList);
        lineCount = 2 + int(m_rng.bounded(5));
        step = 6;
    } else {
        order.email = QStringLiteral("customer%1@example.com").arg(m_rng.bounded(5000));
    }
    for (int i = 0; i < lineCount; ++i) {
        const qint64 quantity = step * (1 + qint64(m_rng.bounded(b2b ? 8 : 2)));
        const int v = pickLine(order.location, quantity);
        if (v < 0) {
            continue;
        }
        qint64 price = m_store.variants.at(v).priceMinor;
        if (list != nullptr) {
            price = ShopifyStore::convert(price, list->currency);
            // Whole minor units, half away from zero, as checkout rounds.
            const qint64 basisPoints = qRound64(list->adjustmentValue * 100.0);
            price = (price * (10000 - basisPoints) + 5000) / 10000;
            for (const FixedPrice &fp : list->fixedPrices) {
                if (fp.variant == v) {
                    price = fp.priceMinor;
                }
            }
            // Volume pricing: the highest break the quantity reaches beats the fixed price.
            qint64 reached = 0;
            for (const PriceBreak &pb : list->priceBreaks) {
                if (pb.variant == v && pb.minimumQuantity <= quantity
                    && pb.minimumQuantity > reached) {
                    reached = pb.minimumQuantity;
                    price = pb.priceMinor;
                }
            }
        }
        ShopOrderLine line;
        line.id = m_store.newLineId(order.number, i);
        line.variant = v;
        line.quantity = quantity;
        line.unitPriceMinor = price;
        order.lines << line;
        ShopLevel &level = m_store.level(v, order.location);
        level.quantities.add(QuantityName::Available, -quantity);
        level.quantities.add(QuantityName::Committed, quantity);
        level.updatedAt = now;
    }
    if (order.lines.isEmpty()) {
        return -1;
    }
    ++m_store.nextOrderNumber;
    ++m_ordersCreated;
    m_store.orders << order;
    m_store.reindex();
    const int index = int(m_store.orders.size()) - 1;
    m_publish(QStringLiteral("orders/create"), WebhookPayloads(m_store, m_skew()).order(index));
    for (const ShopOrderLine &line : order.lines) {
        levelChanged(line.variant, order.location);
    }
    return index;
}

int ShopifyActivity::fulfilOldest()
{
    for (int i = 0; i < m_store.orders.size(); ++i) {
        ShopOrder &o = m_store.orders[i];
        if (o.fulfillmentStatus != u"UNFULFILLED") {
            continue;
        }
        const qint64 now = m_clock.now();
        for (ShopOrderLine &line : o.lines) {
            ShopLevel &level = m_store.level(line.variant, o.location);
            level.quantities.add(QuantityName::Committed, -(line.quantity - line.fulfilled));
            level.updatedAt = now;
            line.fulfilled = line.quantity;
        }
        o.fulfillmentStatus = QStringLiteral("FULFILLED");
        o.updatedAt = now;
        const WebhookPayloads payloads(m_store, m_skew());
        m_publish(QStringLiteral("fulfillments/create"), payloads.fulfillment(i, o.id + 17, now));
        m_publish(QStringLiteral("orders/fulfilled"), payloads.order(i));
        m_publish(QStringLiteral("orders/updated"), payloads.order(i));
        return i;
    }
    return -1;
}

int ShopifyActivity::refundOne()
{
    const int count = int(m_store.orders.size());
    for (int tries = 0; tries < 20 && count > 0; ++tries) {
        const int i = int(m_rng.bounded(count));
        ShopOrder &o = m_store.orders[i];
        if (o.fulfillmentStatus != u"FULFILLED" || o.company >= 0) {
            continue;
        }
        for (int li = 0; li < o.lines.size(); ++li) {
            ShopOrderLine &line = o.lines[li];
            if (line.refunded >= line.quantity) {
                continue;
            }
            const qint64 now = m_clock.now();
            line.refunded += 1;
            ShopLevel &level = m_store.level(line.variant, o.location);
            level.quantities.add(QuantityName::Available, 1); // restocked
            level.updatedAt = now;
            o.financialStatus = QStringLiteral("PARTIALLY_REFUNDED");
            o.updatedAt = now;
            const WebhookPayloads payloads(m_store, m_skew());
            m_publish(
                QStringLiteral("refunds/create"),
                payloads.refund(
                    i, li, 1, 811'878'346'500'000'000LL + o.number * 10LL + line.refunded, now));
            m_publish(QStringLiteral("orders/updated"), payloads.order(i));
            levelChanged(line.variant, o.location);
            return i;
        }
    }
    return -1;
}

int ShopifyActivity::touchProduct()
{
    const int p = int(m_rng.bounded(int(m_store.products.size())));
    const qint64 now = m_clock.now();
    ShopProduct &product = m_store.products[p];
    const qint64 change = m_rng.bounded(2) == 0 ? 500 : -500;
    for (int v : product.variants) {
        ShopVariant &variant = m_store.variants[v];
        variant.priceMinor = std::max<qint64>(900, variant.priceMinor + change);
        variant.updatedAt = now;
    }
    product.updatedAt = now;
    m_publish(QStringLiteral("products/update"), WebhookPayloads(m_store, m_skew()).product(p));
    return p;
}

int ShopifyActivity::touchCompany()
{
    const int c = int(m_rng.bounded(int(m_store.companies.size())));
    m_store.companies[c].updatedAt = m_clock.now();
    for (int l : m_store.companies.at(c).locations) {
        m_store.companyLocations[l].updatedAt = m_clock.now();
    }
    m_publish(QStringLiteral("companies/update"), WebhookPayloads(m_store, m_skew()).company(c));
    return c;
}

int ShopifyActivity::createCompany()
{
    const qint64 now = m_clock.now();
    const int index = int(m_store.companies.size());
    ShopCompany company;
    company.id = 1'870'000'000LL + index * 53;
    company.contactId = 3'170'000'000LL + index * 31;
    company.name = QStringLiteral("New Buyer %1").arg(index + 1);
    company.externalId = QStringLiteral("CUST-%1").arg(1000 + index);
    company.createdAt = now;
    company.updatedAt = now;
    ShopCompanyLocation location;
    location.id = 2'470'000'000LL + index * 59;
    location.company = index;
    location.name = QStringLiteral("Head office");
    location.externalId = company.externalId + QStringLiteral("-1");
    location.currency = QStringLiteral("USD");
    location.city = QStringLiteral("Columbus");
    location.countryCode = QStringLiteral("US");
    location.paymentTerms = 2; // Net 30
    location.priceList = 0;
    location.createdAt = now;
    location.updatedAt = now;
    const int locationIndex = int(m_store.companyLocations.size());
    company.locations << locationIndex;
    m_store.priceLists[0].companyLocations << locationIndex;
    m_store.companyLocations << location;
    m_store.companies << company;
    const WebhookPayloads payloads(m_store, m_skew());
    m_publish(QStringLiteral("companies/create"), payloads.company(index));
    m_publish(QStringLiteral("company_locations/create"), payloads.companyLocation(locationIndex));
    return index;
}

int ShopifyActivity::receiveStock()
{
    // A purchase order lands at a warehouse for a variant running low: incoming becomes available.
    for (int tries = 0; tries < 40; ++tries) {
        const int v = int(m_rng.bounded(int(m_store.variants.size())));
        const int l = int(m_rng.bounded(2)); // the two warehouses
        ShopLevel &level = m_store.level(v, l);
        if (level.quantities.available() >= 5) {
            continue;
        }
        const qint64 quantity = 24;
        level.quantities.add(QuantityName::Incoming,
                             -std::min(quantity, level.quantities.incoming()));
        level.quantities.add(QuantityName::Available, quantity);
        level.updatedAt = m_clock.now();
        levelChanged(v, l);
        return v;
    }
    return -1;
}

bool ShopifyActivity::drift()
{
    // A silent miscount: the level changes with no webhook, as when staff edit stock by hand
    // and the notification is lost. Only reconciliation finds it.
    const int v = int(m_rng.bounded(int(m_store.variants.size())));
    const int l = int(m_rng.bounded(int(m_store.locations.size())));
    ShopLevel &level = m_store.level(v, l);
    const qint64 delta = m_rng.bounded(2) == 0 ? -1 : 1;
    if (level.quantities.available() + delta < 0) {
        return false;
    }
    level.quantities.add(QuantityName::Available, delta);
    level.updatedAt = m_clock.now();
    ++m_drifts;
    return true;
}

} // namespace Ledgerdesk::Sandbox
