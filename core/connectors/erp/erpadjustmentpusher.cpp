#include "erpadjustmentpusher.h"

#include <core/connectors/erp/erpclient.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Ledgerdesk::Core {

namespace {

QHash<QString, QString> inverted(const QHash<QString, QString> &map)
{
    QHash<QString, QString> result;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        result.insert(it.value(), it.key());
    }
    return result;
}

} // namespace

ErpAdjustmentPusher::ErpAdjustmentPusher(Store &store,
                                         ErpClient &client,
                                         const QHash<QString, QString> &itemSkus,
                                         const QHash<QString, QString> &locationCodes)
    : m_store(store)
    , m_client(client)
    , m_itemIds(inverted(itemSkus))
    , m_locationIds(inverted(locationCodes))
{}

bool ErpAdjustmentPusher::isRetryable(const Error &error)
{
    return error.code == ErrorCode::Network || error.code == ErrorCode::RateLimited
           || error.code == ErrorCode::Unauthorized;
}

Result<QString> ErpAdjustmentPusher::deliver(const OutboxItem &item)
{
    if (item.kind != kKind) {
        return makeError(
            ErrorCode::Validation,
            tr("the ERP connector delivers %1 rows only, not \"%2\"").arg(kKind, item.kind));
    }
    const QJsonObject payload = QJsonDocument::fromJson(item.payload).object();
    // One line ({sku, location, delta}) from a person's resolution, or the lines of a posting.
    const QJsonArray given = payload.contains(QStringLiteral("lines"))
                                 ? payload.value(QStringLiteral("lines")).toArray()
                                 : QJsonArray{payload};
    QJsonArray items;
    for (const QJsonValue &value : given) {
        const QString sku = value[QStringLiteral("sku")].toString();
        const QString location = value[QStringLiteral("location")].toString();
        const qint64 delta = value[QStringLiteral("delta")].toInteger();
        if (sku.isEmpty() || location.isEmpty() || delta == 0) {
            return makeError(ErrorCode::Validation,
                             tr("an %1 row needs sku, location and a non-zero delta").arg(kKind));
        }
        const QString itemId = m_itemIds.value(sku);
        if (itemId.isEmpty()) {
            return makeError(ErrorCode::Validation, tr("the ERP has no item %1").arg(sku));
        }
        const QString locationId = m_locationIds.value(location);
        if (locationId.isEmpty()) {
            return makeError(ErrorCode::Validation, tr("the ERP has no location %1").arg(location));
        }
        items.append(QJsonObject{
            {QStringLiteral("item"), QJsonObject{{QStringLiteral("id"), itemId}}},
            {QStringLiteral("location"), QJsonObject{{QStringLiteral("id"), locationId}}},
            {QStringLiteral("adjustQtyBy"), delta}});
    }
    if (items.isEmpty()) {
        return makeError(ErrorCode::Validation, tr("an %1 row names no line").arg(kKind));
    }
    QString memo = payload.value(QStringLiteral("memo")).toString();
    if (memo.isEmpty()) {
        memo = tr("Ledgerdesk adjustment %1").arg(item.entityKey);
    }
    const QJsonObject body{
        {QStringLiteral("memo"), memo},
        {QStringLiteral("inventory"), QJsonObject{{QStringLiteral("items"), items}}}};
    return m_client.createRecord(QStringLiteral("inventoryAdjustment"), body, item.idempotencyKey);
}

} // namespace Ledgerdesk::Core
