#include "exceptionresolver.h"

#include <core/catalog/catalog.h>
#include <core/ledger/balanceread.h>
#include <core/ledger/postingwriter.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outbox.h>
#include <core/sync/outboxkinds.h>
#include <core/sync/syncvalues.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace Ledgerdesk::Core {

namespace {

bool isValueException(const SyncException &e)
{
    return e.entity == u"inventory" && InventoryKey::parse(e.entityKey).has_value()
           && (e.kind == ExceptionKind::Conflict || e.kind == ExceptionKind::StaleWrite);
}

// The outbox row that carries `value` to the exception's system, or why there is none.
Result<OutboxItem> pushOf(const SyncException &e,
                          const InventoryKey &key,
                          qint64 value,
                          std::optional<qint64> external)
{
    const auto kind = inventoryPushKind(e.system);
    if (!kind) {
        return makeError(ErrorCode::Validation, ExceptionResolver::actionsFor(e).noPushReason);
    }
    OutboxItem item;
    item.idempotencyKey = QStringLiteral("exception-%1-push").arg(e.id);
    item.target = e.system;
    item.kind = *kind;
    item.entityKey = e.entityKey;
    QJsonObject payload{{QStringLiteral("sku"), key.sku},
                        {QStringLiteral("location"), key.locationCode}};
    if (*kind == OutboxKinds::kInventoryAdjust) {
        // The ERP takes adjustments, not figures: the difference from what it reported.
        if (key.name != QuantityName::OnHand || !external) {
            return makeError(ErrorCode::Validation,
                             ExceptionResolver::tr("the ERP is adjusted on on-hand figures it "
                                                   "reported; this exception has none"));
        }
        payload.insert(QStringLiteral("delta"), value - *external);
        payload.insert(QStringLiteral("memo"),
                       ExceptionResolver::tr("Ledgerdesk correction, exception %1").arg(e.id));
    } else {
        payload.insert(QStringLiteral("name"), quantityNameKey(key.name));
        payload.insert(QStringLiteral("quantity"), value);
        payload.insert(QStringLiteral("reason"), QStringLiteral("correction"));
        payload.insert(QStringLiteral("changeFromQuantity"),
                       external ? QJsonValue(*external) : QJsonValue(QJsonValue::Null));
    }
    item.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    return item;
}

} // namespace

ExceptionResolver::ExceptionResolver(Store &store)
    : m_store(store)
{}

ExceptionActions ExceptionResolver::actionsFor(const SyncException &e)
{
    ExceptionActions actions;
    if (e.isClosed()) {
        return actions;
    }
    actions.ignore = true;
    actions.retry = e.outboxId.has_value();
    if (!isValueException(e)) {
        return actions;
    }
    bool numeric = false;
    e.externalValue.value_or(QString()).toLongLong(&numeric);
    actions.acceptTheirs = numeric;
    if (!inventoryPushKind(e.system)) {
        actions.noPushReason = tr("%1 takes no inventory writes: count the stock there, or "
                                  "accept its figure")
                                   .arg(e.system);
    } else if (e.system == u"erp" && !numeric) {
        actions.noPushReason = tr("the ERP reported no figure to adjust from");
    } else {
        actions.keepOurs = true;
    }
    return actions;
}

Status ExceptionResolver::acceptTheirs(qint64 exceptionId, const QString &actor)
{
    return resolveInventory(
        exceptionId, actor, std::nullopt, false, tr("accepted the external value"));
}

Status ExceptionResolver::keepOursAndPush(qint64 exceptionId, const QString &actor)
{
    return resolveInventory(exceptionId,
                            actor,
                            std::nullopt,
                            true,
                            tr("kept the ledger value and queued it for delivery"));
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
    if (const ExceptionActions offered = actionsFor(e); push && !offered.keepOurs) {
        return makeError(ErrorCode::Validation,
                         offered.noPushReason.isEmpty()
                             ? tr("exception %1 has no figure to send").arg(exceptionId)
                             : offered.noPushReason);
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
        // Taking its figure, or sending it its own correction below: either way the system of
        // the exception is not told of this posting a second time.
        request.knownTo = e.system;
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
    if (push && !(externalOk && finalValue == external)) {
        auto item
            = pushOf(e, *key, finalValue, externalOk ? std::optional(external) : std::nullopt);
        if (!item) {
            return item.error();
        }
        item.value().postingId = postingId;
        if (const Status queued = Outbox::enqueue(db, item.value(), now); !queued) {
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
