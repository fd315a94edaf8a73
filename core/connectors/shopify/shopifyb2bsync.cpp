#include "shopifyb2bsync.h"

#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/connectors/shopify/shopifysyncstate.h>
#include <core/domain/timestamp.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QJsonArray>
#include <QLoggingCategory>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcShopifyB2B, "ledgerdesk.core.shopify.b2b")

namespace {

// Pages sized so each query asks for under 300 points: a small bucket still fits one.
constexpr double kCompaniesPageCost = 102;
constexpr double kLocationsPageCost = 152;
constexpr double kListsPageCost = 42;
constexpr double kPricesPageCost = 228;
constexpr double kRulesPageCost = 103;

const QString kCompaniesCursor = QStringLiteral("b2b_companies_cursor");
const QString kLocationsCursor = QStringLiteral("b2b_locations_cursor");
const QString kListsPulledAt = QStringLiteral("b2b_price_lists_pulled_at");

const QString kCompaniesQuery = QStringLiteral(
    "query Companies($after: String, $query: String) { companies(first: 100, after: $after, "
    "query: $query) { nodes { id name updatedAt } pageInfo { hasNextPage endCursor } } }");

const QString kLocationsQuery = QStringLiteral(
    "query Locations($after: String, $query: String) { companyLocations(first: 25, after: "
    "$after, query: $query) { nodes { id name currency updatedAt company { id name } "
    "buyerExperienceConfiguration { paymentTermsTemplate { name paymentTermsType dueInDays } } "
    "catalogs(first: 1) { nodes { priceList { id } } } } pageInfo { hasNextPage endCursor } } }");

const QString kListsQuery = QStringLiteral(
    "query Lists($after: String) { priceLists(first: 20, after: $after) { nodes { id name "
    "currency parent { adjustment { type value } } } pageInfo { hasNextPage endCursor } } }");

const QString kPricesQuery = QStringLiteral(
    "query Prices($id: ID!, $after: String) { priceList(id: $id) { prices(first: 25, after: "
    "$after, originType: FIXED) { nodes { variant { sku } price { amount currencyCode } "
    "quantityPriceBreaks(first: 5) { nodes { minimumQuantity price { amount currencyCode } } } "
    "} pageInfo { hasNextPage endCursor } } } }");

const QString kRulesQuery = QStringLiteral(
    "query Rules($id: ID!, $after: String) { priceList(id: $id) { quantityRules(first: 100, "
    "after: $after) { nodes { minimum maximum increment productVariant { sku } } pageInfo { "
    "hasNextPage endCursor } } } }");

QString newer(const QString &a, const QString &b)
{
    const auto ta = parseIsoTimestamp(a);
    const auto tb = parseIsoTimestamp(b);
    if (!ta.ok()) {
        return b;
    }
    return tb.ok() && tb.value() > ta.value() ? b : a;
}

QString decimalText(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    // Shopify sends the percentage as a Float; four places keep what two-place percentages need.
    return QString::number(value.toDouble(), 'f', 4);
}

Result<Money> moneyOf(const QJsonValue &money, const QString &context)
{
    auto parsed = Money::parse(money[QStringLiteral("amount")].toString(),
                               money[QStringLiteral("currencyCode")].toString());
    if (!parsed) {
        return makeError(ErrorCode::Validation,
                         ShopifyB2BSync::tr("%1: %2").arg(context, parsed.error().message));
    }
    return parsed;
}

} // namespace

ShopifyB2BSync::ShopifyB2BSync(Store &store, ShopifyGraphqlClient &client)
    : m_store(store)
    , m_client(client)
{}

Result<CompanyLocationRecord> ShopifyB2BSync::locationFromNode(const QJsonObject &node)
{
    CompanyLocationRecord record;
    record.id = node[QStringLiteral("id")].toString();
    record.name = node[QStringLiteral("name")].toString();
    record.currency = node[QStringLiteral("currency")].toString();
    record.companyId = node[QStringLiteral("company")][QStringLiteral("id")].toString();
    const QJsonValue terms = node[QStringLiteral("buyerExperienceConfiguration")]
                                 [QStringLiteral("paymentTermsTemplate")];
    if (terms.isObject()) {
        record.paymentTermsName = terms[QStringLiteral("name")].toString();
        const QString type = terms[QStringLiteral("paymentTermsType")].toString();
        // A FIXED template names no date; the order carries it, so the location keeps the name.
        if (type != u"FIXED") {
            record.paymentTermsType = type;
            record.dueInDays = terms[QStringLiteral("dueInDays")].toInt(0);
        }
    }
    const QJsonArray catalogs = node[QStringLiteral("catalogs")][QStringLiteral("nodes")].toArray();
    if (!catalogs.isEmpty()) {
        record.priceListId
            = catalogs.first()[QStringLiteral("priceList")][QStringLiteral("id")].toString();
    }
    if (record.id.isEmpty() || record.companyId.isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("Shopify sent a company location without its id or company"));
    }
    return record;
}

Result<PriceListRecord> ShopifyB2BSync::priceListFromNode(const QJsonObject &node)
{
    PriceListRecord record;
    record.id = node[QStringLiteral("id")].toString();
    record.name = node[QStringLiteral("name")].toString();
    record.currency = node[QStringLiteral("currency")].toString();
    const QJsonValue adjustment = node[QStringLiteral("parent")][QStringLiteral("adjustment")];
    if (adjustment.isObject()) {
        record.adjustmentType = adjustment[QStringLiteral("type")].toString();
        record.adjustmentPercent = decimalText(adjustment[QStringLiteral("value")]);
    }
    if (record.id.isEmpty()) {
        return makeError(ErrorCode::Validation, tr("Shopify sent a price list without its id"));
    }
    return record;
}

Status ShopifyB2BSync::run(SyncCycleReport &report)
{
    B2BSnapshot snapshot;
    const UtcMillis readStart = nowUtcMillis();
    if (const Status pulled = pullCompanies(snapshot, report); !pulled) {
        return pulled;
    }
    if (const Status pulled = pullLocations(snapshot, report); !pulled) {
        return pulled;
    }
    auto due = listsDue(snapshot);
    if (!due) {
        return due.error();
    }
    const UtcMillis listsStart = nowUtcMillis();
    if (due.value()) {
        if (const Status pulled = pullPriceLists(snapshot, report); !pulled) {
            return pulled;
        }
    }
    if (!snapshot.companies.isEmpty() || !snapshot.locations.isEmpty()
        || !snapshot.priceLists.isEmpty()) {
        if (const Status saved = PriceBook(m_store).save(snapshot); !saved) {
            return saved;
        }
    }
    // Cursors move only after the snapshot is stored, so a failed save is read again.
    const QString companies
        = ShopifySyncState::cursorAfter(m_companiesCursor, m_companiesNewest, readStart);
    const QString locations
        = ShopifySyncState::cursorAfter(m_locationsCursor, m_locationsNewest, readStart);
    for (const auto &[name, value] :
         {qMakePair(kCompaniesCursor, companies), qMakePair(kLocationsCursor, locations)}) {
        if (const Status written = ShopifySyncState::write(m_store, name, value); !written) {
            return written;
        }
    }
    if (due.value()) {
        return ShopifySyncState::write(m_store, kListsPulledAt, QString::number(listsStart));
    }
    return success();
}

Status ShopifyB2BSync::pullCompanies(B2BSnapshot &snapshot, SyncCycleReport &report)
{
    auto cursor = ShopifySyncState::read(m_store, kCompaniesCursor);
    if (!cursor) {
        return cursor.error();
    }
    m_companiesCursor = cursor.value();
    QJsonValue after;
    for (bool more = true; more;) {
        QJsonObject variables{{QStringLiteral("after"), after}};
        if (const QString term = ShopifySyncState::searchTerm(m_companiesCursor); !term.isEmpty()) {
            variables.insert(QStringLiteral("query"), term);
        }
        auto data = m_client.execute(kCompaniesQuery, variables, kCompaniesPageCost);
        if (!data) {
            return data.error();
        }
        const QJsonObject page = data.value()[QStringLiteral("companies")].toObject();
        for (const QJsonValue &node : page[QStringLiteral("nodes")].toArray()) {
            ++report.pulled;
            snapshot.companies << CompanyRecord{node[QStringLiteral("id")].toString(),
                                                node[QStringLiteral("name")].toString()};
            m_companiesNewest
                = newer(m_companiesNewest, node[QStringLiteral("updatedAt")].toString());
        }
        const QJsonObject info = page[QStringLiteral("pageInfo")].toObject();
        more = info[QStringLiteral("hasNextPage")].toBool();
        after = info[QStringLiteral("endCursor")];
    }
    return success();
}

Status ShopifyB2BSync::pullLocations(B2BSnapshot &snapshot, SyncCycleReport &report)
{
    auto cursor = ShopifySyncState::read(m_store, kLocationsCursor);
    if (!cursor) {
        return cursor.error();
    }
    m_locationsCursor = cursor.value();
    QSet<QString> companies;
    for (const CompanyRecord &c : std::as_const(snapshot.companies)) {
        companies.insert(c.id);
    }
    QJsonValue after;
    for (bool more = true; more;) {
        QJsonObject variables{{QStringLiteral("after"), after}};
        if (const QString term = ShopifySyncState::searchTerm(m_locationsCursor); !term.isEmpty()) {
            variables.insert(QStringLiteral("query"), term);
        }
        auto data = m_client.execute(kLocationsQuery, variables, kLocationsPageCost);
        if (!data) {
            return data.error();
        }
        const QJsonObject page = data.value()[QStringLiteral("companyLocations")].toObject();
        for (const QJsonValue &node : page[QStringLiteral("nodes")].toArray()) {
            ++report.pulled;
            auto record = locationFromNode(node.toObject());
            if (!record) {
                return record.error();
            }
            // The company comes along, so a location never arrives before its company.
            if (!companies.contains(record.value().companyId)) {
                companies.insert(record.value().companyId);
                snapshot.companies << CompanyRecord{
                    record.value().companyId,
                    node[QStringLiteral("company")][QStringLiteral("name")].toString()};
            }
            snapshot.locations << record.value();
            m_locationsNewest
                = newer(m_locationsNewest, node[QStringLiteral("updatedAt")].toString());
        }
        const QJsonObject info = page[QStringLiteral("pageInfo")].toObject();
        more = info[QStringLiteral("hasNextPage")].toBool();
        after = info[QStringLiteral("endCursor")];
    }
    return success();
}

Result<bool> ShopifyB2BSync::listsDue(const B2BSnapshot &snapshot)
{
    auto pulledAt = ShopifySyncState::read(m_store, kListsPulledAt);
    if (!pulledAt) {
        return pulledAt.error();
    }
    if (pulledAt.value().isEmpty()
        || nowUtcMillis() - pulledAt.value().toLongLong() >= m_listRefreshMs) {
        return true;
    }
    for (const CompanyLocationRecord &location : snapshot.locations) {
        if (location.priceListId.isEmpty()) {
            continue;
        }
        auto known = runQuery(m_store.connection(),
                              QStringLiteral("SELECT 1 FROM price_lists WHERE external_id = ?"),
                              {location.priceListId});
        if (!known) {
            return known.error();
        }
        if (!known.value().next()) {
            qCInfo(lcShopifyB2B) << "location" << location.id << "names unknown price list"
                                 << location.priceListId << "; pulling price lists";
            return true;
        }
    }
    return false;
}

Status ShopifyB2BSync::pullPriceLists(B2BSnapshot &snapshot, SyncCycleReport &report)
{
    QJsonValue after;
    for (bool more = true; more;) {
        auto data = m_client.execute(
            kListsQuery, QJsonObject{{QStringLiteral("after"), after}}, kListsPageCost);
        if (!data) {
            return data.error();
        }
        const QJsonObject page = data.value()[QStringLiteral("priceLists")].toObject();
        for (const QJsonValue &node : page[QStringLiteral("nodes")].toArray()) {
            ++report.pulled;
            auto record = priceListFromNode(node.toObject());
            if (!record) {
                return record.error();
            }
            snapshot.priceLists << record.value();
        }
        const QJsonObject info = page[QStringLiteral("pageInfo")].toObject();
        more = info[QStringLiteral("hasNextPage")].toBool();
        after = info[QStringLiteral("endCursor")];
    }
    for (PriceListRecord &list : snapshot.priceLists) {
        if (const Status pulled = pullPrices(list, report); !pulled) {
            return pulled;
        }
        if (const Status pulled = pullRules(list, report); !pulled) {
            return pulled;
        }
    }
    return success();
}

Status ShopifyB2BSync::pullPrices(PriceListRecord &list, SyncCycleReport &report)
{
    QJsonValue after;
    for (bool more = true; more;) {
        auto data = m_client.execute(
            kPricesQuery,
            QJsonObject{{QStringLiteral("id"), list.id}, {QStringLiteral("after"), after}},
            kPricesPageCost);
        if (!data) {
            return data.error();
        }
        const QJsonObject page
            = data.value()[QStringLiteral("priceList")][QStringLiteral("prices")].toObject();
        for (const QJsonValue &node : page[QStringLiteral("nodes")].toArray()) {
            ++report.pulled;
            const QString sku = node[QStringLiteral("variant")][QStringLiteral("sku")].toString();
            if (sku.isEmpty()) {
                continue; // a variant without a SKU cannot be ordered through the ledger
            }
            auto price = moneyOf(node[QStringLiteral("price")], list.name + u' ' + sku);
            if (!price) {
                return price.error();
            }
            list.prices << PriceListPriceRecord{sku, price.value()};
            for (const QJsonValue &b :
                 node[QStringLiteral("quantityPriceBreaks")][QStringLiteral("nodes")].toArray()) {
                auto breakPrice = moneyOf(b[QStringLiteral("price")], list.name + u' ' + sku);
                if (!breakPrice) {
                    return breakPrice.error();
                }
                list.breaks << PriceBreakRecord{
                    sku, b[QStringLiteral("minimumQuantity")].toInteger(), breakPrice.value()};
            }
        }
        const QJsonObject info = page[QStringLiteral("pageInfo")].toObject();
        more = info[QStringLiteral("hasNextPage")].toBool();
        after = info[QStringLiteral("endCursor")];
    }
    return success();
}

Status ShopifyB2BSync::pullRules(PriceListRecord &list, SyncCycleReport &report)
{
    QJsonValue after;
    for (bool more = true; more;) {
        auto data = m_client.execute(
            kRulesQuery,
            QJsonObject{{QStringLiteral("id"), list.id}, {QStringLiteral("after"), after}},
            kRulesPageCost);
        if (!data) {
            return data.error();
        }
        const QJsonObject page
            = data.value()[QStringLiteral("priceList")][QStringLiteral("quantityRules")].toObject();
        for (const QJsonValue &node : page[QStringLiteral("nodes")].toArray()) {
            ++report.pulled;
            const QString sku
                = node[QStringLiteral("productVariant")][QStringLiteral("sku")].toString();
            if (sku.isEmpty()) {
                continue;
            }
            list.rules << QuantityRuleRecord{sku,
                                             node[QStringLiteral("minimum")].toInteger(1),
                                             node[QStringLiteral("maximum")].toInteger(0),
                                             node[QStringLiteral("increment")].toInteger(1)};
        }
        const QJsonObject info = page[QStringLiteral("pageInfo")].toObject();
        more = info[QStringLiteral("hasNextPage")].toBool();
        after = info[QStringLiteral("endCursor")];
    }
    return success();
}

} // namespace Ledgerdesk::Core
