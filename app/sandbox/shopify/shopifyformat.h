#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Ledgerdesk::Sandbox {

// How Shopify writes ids, instants and money.
class ShopifyFormat final
{
public:
    static constexpr int kShopUtcOffsetSeconds = -5 * 3600; // the demo shop is in New York (EST)

    static QString gid(const QString &type, qint64 id);
    static std::optional<qint64> parseGid(const QString &gid, const QString &type);
    static QString levelGid(qint64 locationId, qint64 itemId);
    static QString graphqlTime(qint64 utcMillis); // "2026-01-01T09:00:00Z"
    static QString restTime(qint64 utcMillis);    // "2026-01-01T04:00:00-05:00"
    static QString amount(qint64 minorUnits, const QString &currency);
    static QJsonObject moneyV2(qint64 minorUnits, const QString &currency);
    static QJsonObject moneyBag(qint64 minorUnits, const QString &currency);
    static QJsonObject restMoneySet(qint64 minorUnits, const QString &currency);
};

} // namespace Ledgerdesk::Sandbox
