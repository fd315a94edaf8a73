#include "shopifyformat.h"

#include <core/domain/money.h>

#include <QDateTime>
#include <QTimeZone>

namespace Ledgerdesk::Sandbox {

QString ShopifyFormat::gid(const QString &type, qint64 id)
{
    return QStringLiteral("gid://shopify/") + type + u'/' + QString::number(id);
}

std::optional<qint64> ShopifyFormat::parseGid(const QString &gid, const QString &type)
{
    const QString prefix = QStringLiteral("gid://shopify/") + type + u'/';
    if (!gid.startsWith(prefix)) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 id = QStringView(gid).mid(prefix.size()).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

QString ShopifyFormat::levelGid(qint64 locationId, qint64 itemId)
{
    return gid(QStringLiteral("InventoryLevel"), locationId) + QStringLiteral("?inventory_item_id=")
           + QString::number(itemId);
}

QString ShopifyFormat::graphqlTime(qint64 utcMillis)
{
    return QDateTime::fromMSecsSinceEpoch(utcMillis, Qt::UTC).toString(Qt::ISODate);
}

QString ShopifyFormat::restTime(qint64 utcMillis)
{
    return QDateTime::fromMSecsSinceEpoch(utcMillis, QTimeZone(kShopUtcOffsetSeconds))
        .toString(Qt::ISODate);
}

QString ShopifyFormat::amount(qint64 minorUnits, const QString &currency)
{
    return Core::Money(minorUnits, currency).amountString();
}

QJsonObject ShopifyFormat::moneyV2(qint64 minorUnits, const QString &currency)
{
    return {{QStringLiteral("__typename"), QStringLiteral("MoneyV2")},
            {QStringLiteral("amount"), amount(minorUnits, currency)},
            {QStringLiteral("currencyCode"), currency}};
}

QJsonObject ShopifyFormat::moneyBag(qint64 minorUnits, const QString &currency)
{
    return {{QStringLiteral("__typename"), QStringLiteral("MoneyBag")},
            {QStringLiteral("shopMoney"), moneyV2(minorUnits, currency)},
            {QStringLiteral("presentmentMoney"), moneyV2(minorUnits, currency)}};
}

QJsonObject ShopifyFormat::restMoneySet(qint64 minorUnits, const QString &currency)
{
    const QJsonObject money{{QStringLiteral("amount"), amount(minorUnits, currency)},
                            {QStringLiteral("currency_code"), currency}};
    return {{QStringLiteral("shop_money"), money}, {QStringLiteral("presentment_money"), money}};
}

} // namespace Ledgerdesk::Sandbox
