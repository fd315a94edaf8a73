#include "exceptionresolver.h"

#include <core/catalog/catalog.h>
#include <core/ledger/balanceread.h>
#include <core/ledger/postingwriter.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outbox.h>
#include <core/sync/syncvalues.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace Ledgerdesk::Core {

ExceptionResolver::ExceptionResolver(Store &store)
    : m_store(store)
{}

Status ExceptionResolver::acceptTheirs(qint64 exceptionId, const QString &actor)
{
    return resolveInventory(
        exceptionId, actor, std::nullopt, false, tr("accepted the external value"));
}

Status ExceptionResolver::keepOursAndPush(qint64 exceptionId, const QString &actor)
{
    return resolveInventory(
        exceptionId, actor, std::nullopt, true, tr("kept the ledger value and pushed it"));
}

Status ExceptionResolver::setValue(qint64 exceptionId, qint64 value, const QString &actor)
{
    return resolveInventory(exceptionId, actor, value, true, tr("set the value to %1").arg(value));
}

Status ExceptionResolver::resolveInventory(qint64 exceptionId,
                                           const QString &actor,
                                           std::optional<qint64> ledgerTarget,
                                           bool push,
                                           const QString &resolution)
{
    if (actor.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("a resolution needs the person making it"));
    }
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    auto loaded = ExceptionStore(m_store).get(exceptionId);
    if (!loaded) {
        return loaded.error();
    }
    if (!loaded.value() || loaded.value()->isClosed()) {
        return makeError(ErrorCode::NotFound, tr("no open exception %1").arg(exceptionId));
    }
    const SyncException &e = *loaded.value();
    const auto key = InventoryKey::parse(e.entityKey);
    if (e.entity != QLatin1String("inventory") || !key) {
        return makeError(ErrorCode::Validation,
                         tr("exception %1 is not about an inventory figure; retry or ignore it")
                             .arg(exceptionId));
    }
    Catalog catalog(m_store);
    const auto variant = catalog.variantBySku(key->sku);
    const auto location = catalog.locationByCodeOrName(key->locationCode);
    if (!variant || !location) {
        return variant ? location.error() : variant.error();
    }
    if (!variant.value() || !location.value()) {
        return makeError(ErrorCode::NotFound,
                         tr("%1 or %2 is not in the catalogue").arg(key->sku, key->locationCode));
    }
    bool externalOk = false;
    const qint64 external = e.externalValue.value_or(QString()).toLongLong(&externalOk);
    // Without a stated value, accepting theirs moves the ledger to the external value.
    const bool hasTarget = ledgerTarget.has_value() || (!push && externalOk);
    const qint64 targetValue = ledgerTarget.value_or(external);
    if (!push && !hasTarget) {
        return makeError(ErrorCode::Validation,
                         tr("the external value \"%1\" is not a quantity")
                             .arg(e.externalValue.value_or(QString())));
    }
    const UtcMillis now = nowUtcMillis();
    auto before = readBalance(db, variant.value()->id, location.value()->id);
    if (!before) {
        return before.error();
    }
    std::optional<PostingId> postingId;
    qint64 finalValue = before.value().get(key->name);
    if (hasTarget && targetValue != finalValue) {
        PostingRequest request;
        request.source = QStringLiteral("exception");
        request.reference = QStringLiteral("exception:%1").arg(exceptionId);
        request.reason = ledgerTarget ? MovementReason::Correction : MovementReason::SyncAccept;
        request.actor = actor;
        request.occurredAt = now;
        request.note = resolution;
        MovementLine line{variant.value()->id, location.value()->id, {}};
        Quantities after = before.value();
        after.set(key->name, targetValue);
        line.delta = after - before.value();
        request.lines = {line};
        PostingWriter writer(db, &m_store);
        if (const Status prepared = writer.prepare(); !prepared) {
            return prepared;
        }
        auto posted = writer.write(request, now);
        if (!posted) {
            return posted.error();
        }
        postingId = posted.value().postingId;
        finalValue = targetValue;
    }
    if (push) {
        OutboxItem item;
        item.idempotencyKey = QStringLiteral("exception-%1-push").arg(exceptionId);
        item.target = e.system;
        item.kind = QStringLiteral("inventory.set");
        item.entityKey = e.entityKey;
        item.postingId = postingId;
        QJsonObject payload{{QStringLiteral("sku"), key->sku},
                            {QStringLiteral("location"), key->locationCode},
                            {QStringLiteral("name"), quantityNameKey(key->name)},
                            {QStringLiteral("quantity"), finalValue},
                            {QStringLiteral("reason"), QStringLiteral("correction")}};
        payload.insert(QStringLiteral("changeFromQuantity"),
                       externalOk ? QJsonValue(external) : QJsonValue(QJsonValue::Null));
        item.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
        if (const Status queued = Outbox::enqueue(db, item, now); !queued) {
            return queued;
        }
    } else if (const Status agreed = SyncValues::recordAgreement(db,
                                                                 e.system,
                                                                 e.entity,
                                                                 e.entityKey,
                                                                 QString::number(finalValue),
                                                                 std::nullopt,
                                                                 now);
               !agreed) {
        return agreed;
    }
    if (const Status closed
        = ExceptionStore::close(db, exceptionId, ExceptionState::Resolved, actor, resolution, now);
        !closed) {
        return closed;
    }
    return tx.commit();
}

Status ExceptionResolver::retry(qint64 exceptionId, const QString &actor)
{
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    auto loaded = ExceptionStore(m_store).get(exceptionId);
    if (!loaded) {
        return loaded.error();
    }
    if (!loaded.value() || loaded.value()->isClosed()) {
        return makeError(ErrorCode::NotFound, tr("no open exception %1").arg(exceptionId));
    }
    if (!loaded.value()->outboxId) {
        return makeError(ErrorCode::Validation,
                         tr("exception %1 has no failed push to retry").arg(exceptionId));
    }
    const UtcMillis now = nowUtcMillis();
    auto requeued = runQuery(db,
                             QStringLiteral("UPDATE outbox SET status = 'pending', "
                                            "next_attempt_at = ?, first_failure_at = NULL WHERE id "
                                            "= ? AND status = 'dead'"),
                             {now, *loaded.value()->outboxId});
    if (!requeued) {
        return requeued.error();
    }
    if (requeued.value().numRowsAffected() != 1) {
        return makeError(
            ErrorCode::Conflict,
            tr("the push behind exception %1 is not waiting for a retry").arg(exceptionId));
    }
    if (const Status closed = ExceptionStore::close(db,
                                                    exceptionId,
                                                    ExceptionState::Resolved,
                                                    actor,
                                                    tr("retried with the original idempotency key"),
                                                    now);
        !closed) {
        return closed;
    }
    return tx.commit();
}

Status ExceptionResolver::ignore(qint64 exceptionId, const QString &reason, const QString &actor)
{
    if (reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("ignoring an exception needs a reason"));
    }
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    if (const Status closed = ExceptionStore::close(
            db, exceptionId, ExceptionState::Ignored, actor, reason, nowUtcMillis());
        !closed) {
        return closed;
    }
    return tx.commit();
}

} // namespace Ledgerdesk::Core
