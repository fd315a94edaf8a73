#include "shopifyviews.h"

#include "../graphql/gqlconnection.h"
#include "searchquery.h"
#include "shopifyformat.h"

namespace Ledgerdesk::Sandbox {

ShopifyViews::ShopifyViews(const ShopifyStore &store, const GqlContext &context, qint64 clockSkewMs)
    : m_store(store)
    , m_context(context)
    , m_skewMs(clockSkewMs)
{}

QString ShopifyViews::time(qint64 utcMillis) const
{
    return ShopifyFormat::graphqlTime(utcMillis + m_skewMs);
}

QJsonValue ShopifyViews::root(const GqlField &field) const
{
    const QJsonObject args = m_context.arguments(field);
    if (field.name == u"shop") {
        GqlObject shop(QStringLiteral("Shop"));
        shop.set(QStringLiteral("name"), QStringLiteral("Ledgerdesk Demo Supply"));
        shop.set(QStringLiteral("currencyCode"), m_store.shopCurrency);
        shop.set(QStringLiteral("ianaTimezone"), QStringLiteral("America/New_York"));
        shop.set(QStringLiteral("timezoneOffset"), QStringLiteral("-0500"));
        shop.set(QStringLiteral("plan"),
                 QJsonObject{{QStringLiteral("__typename"), QStringLiteral("ShopPlan")},
                             {QStringLiteral("displayName"), QStringLiteral("Shopify Plus")},
                             {QStringLiteral("shopifyPlus"), true}});
        return shop.project(field.selections, m_context);
    }
    const QJsonValue inventory = inventoryRoot(field, args);
    if (!inventory.isUndefined()) {
        return inventory;
    }
    const QJsonValue orders = orderRoot(field, args);
    if (!orders.isUndefined()) {
        return orders;
    }
    const QJsonValue b2b = b2bRoot(field, args);
    if (!b2b.isUndefined()) {
        return b2b;
    }
    GqlContext::raise(
        QStringLiteral("Field '%1' doesn't exist on type 'QueryRoot'").arg(field.name),
        field.at,
        QStringLiteral("undefinedField"));
}

SearchQuery ShopifyViews::search(const GqlField &field, const QJsonObject &args) const
{
    QString error;
    const auto query = SearchQuery::parse(args.value(QStringLiteral("query")).toString(), &error);
    if (!query) {
        GqlContext::raise(error, field.at, QStringLiteral("INVALID_SEARCH_QUERY"));
    }
    return *query;
}

bool ShopifyViews::wantsReverse(const QJsonObject &args) const
{
    return args.value(QStringLiteral("reverse")).toBool();
}

QString
ShopifyViews::argId(const GqlField &field, const QJsonObject &args, const QString &name) const
{
    if (!args.value(name).isString()) {
        GqlContext::raise(QStringLiteral("Argument '%1' on Field '%2' is missing or not an ID")
                              .arg(name, field.name),
                          field.at,
                          QStringLiteral("missingRequiredArguments"));
    }
    return args.value(name).toString();
}

QJsonObject ShopifyViews::paged(const GqlField &field,
                                const QJsonObject &args,
                                const QList<int> &indexes,
                                const std::function<qint64(int)> &idOf,
                                const std::function<GqlObject(int)> &nodeOf,
                                const std::function<qint64(int)> &sortValueOf) const
{
    const auto key = [&](int index) {
        return std::pair<qint64, qint64>{sortValueOf ? sortValueOf(index) : idOf(index),
                                         idOf(index)};
    };
    QList<int> order = indexes;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
    const bool reverse = wantsReverse(args);
    if (reverse) {
        std::reverse(order.begin(), order.end());
    }
    return GqlConnection::build(
        field,
        args,
        m_context,
        int(order.size()),
        [&](int i) { return idOf(order.at(i)); },
        [&](int i) { return nodeOf(order.at(i)); },
        [&](int i) { return key(order.at(i)).first; },
        reverse);
}

std::function<qint64(int)> ShopifyViews::sortKey(const QJsonObject &args,
                                                 const std::function<qint64(int)> &updatedAt,
                                                 const std::function<qint64(int)> &createdAt) const
{
    const QString key = args.value(QStringLiteral("sortKey")).toString();
    if (key == u"UPDATED_AT") {
        return updatedAt;
    }
    if (key == u"CREATED_AT" || key == u"PROCESSED_AT") {
        return createdAt;
    }
    return {};
}

} // namespace Ledgerdesk::Sandbox
