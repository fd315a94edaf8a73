#include "ledgerfollowers.h"

#include <core/store/sql.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outbox.h>
#include <core/sync/outboxkinds.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Ledgerdesk::Core {

namespace {

const QString kMetaPrefix = QStringLiteral("follows_on_hand.");

// SKU and location code of one line; two point reads on primary keys.
Result<std::pair<QString, QString>> namesOf(QSqlDatabase db, const MovementLine &line)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT v.sku, l.code FROM variants v, locations l WHERE "
                                     "v.id = ? AND l.id = ?"),
                      {line.variantId, line.locationId});
    if (!q) {
        return q.error();
    }
    if (!q.value().next()) {
        return makeError(ErrorCode::NotFound,
                         LedgerFollowers::tr("variant %1 or location %2 is unknown")
                             .arg(line.variantId)
                             .arg(line.locationId));
    }
    return std::make_pair(q.value().value(0).toString(), q.value().value(1).toString());
}

} // namespace

Status LedgerFollowers::follow(QSqlDatabase db, const QString &system)
{
    if (!inventoryPushKind(system) || *inventoryPushKind(system) != OutboxKinds::kInventoryAdjust) {
        return makeError(ErrorCode::Validation,
                         tr("%1 does not take on-hand adjustments").arg(system));
    }
    auto q = runQuery(db,
                      QStringLiteral("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT "
                                     "(key) DO NOTHING"),
                      {QString(kMetaPrefix + system)});
    return q ? success() : Status(q.error());
}

Result<QStringList> LedgerFollowers::followers(QSqlDatabase db)
{
    auto q = runQuery(db,
                      QStringLiteral("SELECT key FROM meta WHERE key LIKE ? ORDER BY key"),
                      {QString(kMetaPrefix + u'%')});
    if (!q) {
        return q.error();
    }
    QStringList systems;
    while (q.value().next()) {
        systems << q.value().value(0).toString().mid(kMetaPrefix.size());
    }
    return systems;
}

Status LedgerFollowers::queueFor(QSqlDatabase db,
                                 const QStringList &followers,
                                 const PostingRequest &request,
                                 const PostingResult &result,
                                 UtcMillis now)
{
    if (result.duplicate) {
        return success();
    }
    QJsonArray lines;
    QString firstKey;
    for (const MovementLine &line : request.lines) {
        const qint64 delta = line.delta.onHand();
        if (delta == 0) {
            continue; // a commitment or a move between states: on-hand stays
        }
        const auto names = namesOf(db, line);
        if (!names) {
            return names.error();
        }
        if (firstKey.isEmpty()) {
            firstKey = InventoryKey{names.value().first, names.value().second, QuantityName::OnHand}
                           .toString();
        }
        lines.append(QJsonObject{{QStringLiteral("sku"), names.value().first},
                                 {QStringLiteral("location"), names.value().second},
                                 {QStringLiteral("delta"), delta}});
    }
    if (lines.isEmpty()) {
        return success();
    }
    for (const QString &system : followers) {
        if (system == request.source || system == request.knownTo) {
            continue; // its own figure, coming back
        }
        OutboxItem item;
        item.idempotencyKey = QStringLiteral("posting-%1-%2").arg(result.postingId).arg(system);
        item.target = system;
        item.kind = OutboxKinds::kInventoryAdjust;
        item.entityKey = firstKey;
        item.postingId = result.postingId;
        item.payload
            = QJsonDocument(
                  QJsonObject{{QStringLiteral("lines"), lines},
                              {QStringLiteral("memo"),
                               tr("Ledgerdesk %1 %2").arg(request.source, request.reference)}})
                  .toJson(QJsonDocument::Compact);
        if (const Status queued = Outbox::enqueue(db, item, now); !queued) {
            return queued;
        }
    }
    return success();
}

} // namespace Ledgerdesk::Core
