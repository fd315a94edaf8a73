#include "shopifyorderpull.h"

#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/connectors/shopify/shopifysyncstate.h>
#include <core/domain/externalid.h>
#include <core/domain/timestamp.h>
#include <core/orders/orderintake.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcShopifyOrders, "ledgerdesk.core.shopify.orders")

namespace {

// Under 300 points a page, as the B2B pull; longer orders fetch their other lines.
constexpr double kOrdersPageCost = 234;
constexpr double kLinesPageCost = 203;
const QString kCursor = QStringLiteral("orders_cursor");

const QString kLineFields = QStringLiteral(
    "nodes { sku quantity originalUnitPriceSet { presentmentMoney { amount currencyCode } } } "
    "pageInfo { hasNextPage endCursor }");

QString ordersQuery()
{
    return QStringLiteral(
               "query Orders($after: String, $query: String) { orders(first: 8, after: $after, "
               "query: $query, sortKey: UPDATED_AT) { nodes { id legacyResourceId name "
               "createdAt updatedAt poNumber currencyCode purchasingEntity { __typename ... on "
               "PurchasingCompany { company { id name } location { id name } } } paymentTerms { "
               "paymentTermsName paymentTermsType dueInDays paymentSchedules(first: 1) { nodes { "
               "dueAt } } } lineItems(first: 10) { ")
           + kLineFields + QStringLiteral(" } } pageInfo { hasNextPage endCursor } } }");
}

QString linesQuery()
{
    return QStringLiteral("query Lines($id: ID!, $after: String) { order(id: $id) { "
                          "lineItems(first: 100, after: $after) { ")
           + kLineFields + QStringLiteral(" } } }");
}

} // namespace

ShopifyOrderPull::ShopifyOrderPull(Store &store, ShopifyGraphqlClient &client)
    : m_store(store)
    , m_client(client)
{}

std::optional<QDate> ShopifyOrderPull::dueDay(const QString &dueAt)
{
    const auto at = parseIsoTimestamp(dueAt);
    if (!at) {
        return std::nullopt;
    }
    return QDateTime::fromMSecsSinceEpoch(at.value(), Qt::UTC).date();
}

Result<IncomingOrder> ShopifyOrderPull::orderFromNode(const QJsonObject &node)
{
    IncomingOrder order;
    order.channel = OrderChannel::shopify;
    auto ref = externalIdFromJson(node[QStringLiteral("legacyResourceId")]);
    if (!ref || ref.value().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("Shopify sent an order without its id"));
    }
    order.externalRef = ref.value();
    order.name = node[QStringLiteral("name")].toString();
    order.poNumber = node[QStringLiteral("poNumber")].toString();
    order.currency = node[QStringLiteral("currencyCode")].toString();
    const QString created = node[QStringLiteral("createdAt")].toString();
    auto issued = parseIsoTimestamp(created);
    if (!issued) {
        return makeError(
            ErrorCode::Validation,
            tr("order %1 has no readable createdAt (\"%2\")").arg(order.name, created));
    }
    order.issuedAt = issued.value();
    const QJsonObject buyer = node[QStringLiteral("purchasingEntity")].toObject();
    if (buyer[QStringLiteral("__typename")].toString() == u"PurchasingCompany") {
        order.company = buyer[QStringLiteral("company")][QStringLiteral("name")].toString();
        order.companyLocation = buyer[QStringLiteral("location")][QStringLiteral("id")].toString();
    }
    const QJsonValue terms = node[QStringLiteral("paymentTerms")];
    if (terms.isObject()) {
        order.paymentTerms = terms[QStringLiteral("paymentTermsName")].toString();
        const QJsonArray schedules
            = terms[QStringLiteral("paymentSchedules")][QStringLiteral("nodes")].toArray();
        if (!schedules.isEmpty()) {
            order.dueDate = dueDay(schedules.first()[QStringLiteral("dueAt")].toString());
        }
    }
    for (const QJsonValue &line :
         node[QStringLiteral("lineItems")][QStringLiteral("nodes")].toArray()) {
        order.lines << IncomingOrder::Line{
            line[QStringLiteral("sku")].toString(),
            line[QStringLiteral("quantity")].toInteger(),
            line[QStringLiteral("originalUnitPriceSet")][QStringLiteral("presentmentMoney")]
                [QStringLiteral("amount")]
                    .toString()};
    }
    return order;
}

Status ShopifyOrderPull::intake(Store &store, const IncomingOrder &order, SyncCycleReport &report)
{
    auto accepted = OrderIntake(store).accept(order, kActor);
    if (accepted) {
        if (!accepted.value().duplicate) {
            ++report.applied;
        }
        report.conflicts += accepted.value().raised;
        return success();
    }
    const Error &error = accepted.error();
    if (error.code == ErrorCode::Storage) {
        return error;
    }
    SyncException e;
    e.kind = error.code == ErrorCode::Conflict   ? ExceptionKind::Conflict
             : error.code == ErrorCode::NotFound ? ExceptionKind::UnknownSku
                                                 : ExceptionKind::Validation;
    e.system = order.channel;
    e.entity = QStringLiteral("order");
    e.entityKey = order.channel + u':' + order.externalRef;
    e.externalValue = order.name;
    e.errorText = tr("order %1 was not taken into the queue: %2").arg(order.name, error.message);
    auto raised = ExceptionStore(store).raiseOnce(e);
    if (!raised) {
        return raised.error();
    }
    report.conflicts += raised.value() ? 1 : 0;
    qCInfo(lcShopifyOrders) << "order" << order.externalRef << "refused:" << error.message;
    return success();
}

Status ShopifyOrderPull::completeLines(const QString &orderGid, QJsonObject &node)
{
    QJsonObject items = node[QStringLiteral("lineItems")].toObject();
    QJsonArray lines = items[QStringLiteral("nodes")].toArray();
    QJsonValue after = items[QStringLiteral("pageInfo")][QStringLiteral("endCursor")];
    bool more = items[QStringLiteral("pageInfo")][QStringLiteral("hasNextPage")].toBool();
    while (more) {
        auto data = m_client.execute(
            linesQuery(),
            QJsonObject{{QStringLiteral("id"), orderGid}, {QStringLiteral("after"), after}},
            kLinesPageCost);
        if (!data) {
            return data.error();
        }
        const QJsonObject page
            = data.value()[QStringLiteral("order")][QStringLiteral("lineItems")].toObject();
        for (const QJsonValue &line : page[QStringLiteral("nodes")].toArray()) {
            lines.append(line);
        }
        const QJsonObject info = page[QStringLiteral("pageInfo")].toObject();
        more = info[QStringLiteral("hasNextPage")].toBool();
        after = info[QStringLiteral("endCursor")];
    }
    items.insert(QStringLiteral("nodes"), lines);
    node.insert(QStringLiteral("lineItems"), items);
    return success();
}

Status ShopifyOrderPull::run(SyncCycleReport &report)
{
    auto cursor = ShopifySyncState::read(m_store, kCursor);
    if (!cursor) {
        return cursor.error();
    }
    const UtcMillis readStart = nowUtcMillis();
    QString newest;
    UtcMillis newestAt = 0;
    QJsonValue after;
    for (bool more = true; more;) {
        QJsonObject variables{{QStringLiteral("after"), after}};
        if (const QString term = ShopifySyncState::searchTerm(cursor.value()); !term.isEmpty()) {
            variables.insert(QStringLiteral("query"), term);
        }
        auto data = m_client.execute(ordersQuery(), variables, kOrdersPageCost);
        if (!data) {
            return data.error();
        }
        const QJsonObject page = data.value()[QStringLiteral("orders")].toObject();
        for (const QJsonValue &value : page[QStringLiteral("nodes")].toArray()) {
            ++report.pulled;
            QJsonObject node = value.toObject();
            if (const Status complete = completeLines(node[QStringLiteral("id")].toString(), node);
                !complete) {
                return complete;
            }
            auto order = orderFromNode(node);
            if (!order) {
                qCWarning(lcShopifyOrders) << "unreadable order:" << order.error().message;
                continue;
            }
            if (const Status taken = intake(m_store, order.value(), report); !taken) {
                return taken;
            }
            const QString updated = node[QStringLiteral("updatedAt")].toString();
            if (auto at = parseIsoTimestamp(updated); at && at.value() > newestAt) {
                newestAt = at.value();
                newest = updated;
            }
        }
        const QJsonObject info = page[QStringLiteral("pageInfo")].toObject();
        more = info[QStringLiteral("hasNextPage")].toBool();
        after = info[QStringLiteral("endCursor")];
    }
    auto released = OrderIntake(m_store).releaseHeld(OrderChannel::shopify, kActor);
    if (!released) {
        return released.error();
    }
    report.applied += released.value();
    if (const QString next = ShopifySyncState::cursorAfter(cursor.value(), newest, readStart);
        next != cursor.value()) {
        return ShopifySyncState::write(m_store, kCursor, next);
    }
    return success();
}

} // namespace Ledgerdesk::Core
