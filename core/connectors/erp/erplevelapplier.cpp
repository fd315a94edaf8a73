#include "erplevelapplier.h"

#include <core/ledger/balanceread.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outboxkinds.h>
#include <core/sync/syncvalues.h>
#include <core/sync/threewaycompare.h>

namespace Ledgerdesk::Core {

namespace {

const QString kSystem = QStringLiteral("erp");
const QString kInventory = QStringLiteral("inventory");
const QString kActor = QStringLiteral("erp-connector");

} // namespace

ErpLevelApplier::ErpLevelApplier(QSqlDatabase db, Store &store, QString onHandOwner, UtcMillis now)
    : m_db(db)
    , m_store(store)
    , m_owner(std::move(onHandOwner))
    , m_now(now)
    , m_writer(db, &store)
{}

Result<ErpApplyCounts> ErpLevelApplier::apply(const QList<ErpLevelRow> &rows)
{
    m_counts = {};
    if (const Status prepared = m_writer.prepare(); !prepared) {
        return prepared.error();
    }
    if (const Status loaded = loadOpenExceptions(); !loaded) {
        m_writer.release();
        return loaded.error();
    }
    if (const Status loaded = loadPendingPushes(); !loaded) {
        m_writer.release();
        return loaded.error();
    }
    for (const ErpLevelRow &row : rows) {
        if (const Status done = applyRow(row); !done) {
            m_writer.release();
            return done.error();
        }
    }
    m_writer.release();
    return m_counts;
}

Status ErpLevelApplier::applyRow(const ErpLevelRow &row)
{
    const QString key
        = InventoryKey{row.sku.isEmpty() ? QStringLiteral("item:") + row.itemId : row.sku,
                       row.locationCode.isEmpty() ? QStringLiteral("location:") + row.locationId
                                                  : row.locationCode,
                       QuantityName::OnHand}
              .toString();
    if (m_pendingPushes.contains(key)) {
        return success(); // our adjustment is on its way; the ERP's answer is compared after it
    }
    SyncException problem;
    problem.system = kSystem;
    problem.entity = kInventory;
    problem.entityKey = key;
    problem.externalValue = QString::number(row.onHand);

    const auto variant = lookupId(QStringLiteral("SELECT id FROM variants WHERE sku = ?"), row.sku);
    if (!variant) {
        return variant.error();
    }
    if (row.sku.isEmpty() || !variant.value()) {
        problem.kind = ExceptionKind::UnknownSku;
        problem.errorText
            = row.sku.isEmpty()
                  ? tr("the ERP reports item %1, which it did not list").arg(row.itemId)
                  : tr("the ERP item %1 has no variant in the ledger").arg(row.sku);
        return raise(problem);
    }
    const auto location
        = lookupId(QStringLiteral("SELECT id FROM locations WHERE code = ?"), row.locationCode);
    if (!location) {
        return location.error();
    }
    if (row.locationCode.isEmpty() || !location.value()) {
        problem.kind = ExceptionKind::UnknownLocation;
        problem.errorText
            = row.locationCode.isEmpty()
                  ? tr("the ERP reports location %1, which it did not list").arg(row.locationId)
                  : tr("the ERP location %1 has no ledger location with that code")
                        .arg(row.locationCode);
        return raise(problem);
    }
    m_variantId = *variant.value();
    m_locationId = *location.value();

    const auto current = balance(m_variantId, m_locationId);
    if (!current) {
        return current.error();
    }
    const auto agreed = base(key);
    if (!agreed) {
        return agreed.error();
    }
    const ThreeWayValues values{
        agreed.value(), QString::number(current.value().onHand()), QString::number(row.onHand)};
    problem.kind = ExceptionKind::Conflict;
    problem.baseValue = values.base;
    problem.ledgerValue = values.ours;

    switch (compareThreeWay(values, m_owner, kSystem)) {
    case SyncDecision::InSync:
        if (const Status settled = settle(key); !settled) {
            return settled;
        }
        return values.base == values.theirs ? success()
                                            : recordBase(key, row.onHand, row.modifiedAt);
    case SyncDecision::TakeTheirs:
        if (m_owner == kSystem) {
            return takeTheirs(row, key, current.value(), problem);
        }
        problem.errorText = tr("the ERP's on-hand drifted from %1 to %2 while the ledger kept %3; "
                               "on-hand belongs to %4, so the ledger keeps its figure")
                                .arg(values.base.value_or(QString()), values.theirs, values.ours)
                                .arg(m_owner.isEmpty() ? tr("nobody") : m_owner);
        return raise(problem);
    case SyncDecision::OwnerTheirs:
        return takeTheirs(row, key, current.value(), problem);
    case SyncDecision::PushOurs:
        // Only the ledger moved; its outbox row, if any, carries the change to the ERP.
        return success();
    case SyncDecision::OwnerOurs:
    case SyncDecision::Conflict:
        problem.errorText = tr("on-hand differs: ledger %1, ERP %2, last agreed %3; on-hand "
                               "belongs to %4")
                                .arg(values.ours,
                                     values.theirs,
                                     values.base.value_or(tr("never")),
                                     m_owner.isEmpty() ? tr("nobody") : m_owner);
        return raise(problem);
    }
    return success();
}

Status ErpLevelApplier::takeTheirs(const ErpLevelRow &row,
                                   const QString &key,
                                   const Quantities &current,
                                   SyncException conflict)
{
    Quantities after = current;
    after.set(QuantityName::OnHand, row.onHand);
    if (after.available() < 0) {
        conflict.errorText = tr("the ERP reports %1 on hand, but the ledger holds more than that "
                                "committed, reserved or on hold; available would become %2")
                                 .arg(row.onHand)
                                 .arg(after.available());
        return raise(conflict);
    }
    PostingRequest request;
    request.source = kSystem;
    request.reference
        = QStringLiteral("%1@%2:%3").arg(row.itemId, row.locationId, row.modifiedText);
    request.reason = MovementReason::Count;
    request.actor = kActor;
    request.occurredAt = row.modifiedAt > 0 ? row.modifiedAt : m_now;
    request.lines = {MovementLine{m_variantId, m_locationId, after - current}};
    const auto written = m_writer.write(request, m_now);
    if (!written) {
        return written.error();
    }
    if (!written.value().duplicate) {
        ++m_counts.applied;
    }
    if (const Status settled = settle(key); !settled) {
        return settled;
    }
    return recordBase(key, row.onHand, row.modifiedAt);
}

Result<std::optional<qint64>> ErpLevelApplier::lookupId(const QString &sql, const QString &value)
{
    if (value.isEmpty()) {
        return std::optional<qint64>();
    }
    auto q = runQuery(m_db, sql, {value});
    if (!q) {
        return q.error();
    }
    if (!q.value().next()) {
        return std::optional<qint64>();
    }
    return std::optional<qint64>(q.value().value(0).toLongLong());
}

Result<Quantities> ErpLevelApplier::balance(qint64 variantId, qint64 locationId)
{
    return readBalance(m_db, variantId, locationId);
}

Result<std::optional<QString>> ErpLevelApplier::base(const QString &key)
{
    return SyncValues::base(m_db, kSystem, kInventory, key);
}

Status ErpLevelApplier::recordBase(const QString &key, qint64 value, UtcMillis externalAt)
{
    return SyncValues::recordAgreement(
        m_db, kSystem, kInventory, key, QString::number(value), externalAt, m_now);
}

Status ErpLevelApplier::loadOpenExceptions()
{
    m_openExceptions.clear();
    auto q = runQuery(m_db,
                      QStringLiteral("SELECT entity_key, id FROM sync_exceptions WHERE system = ? "
                                     "AND entity = ? AND state IN ('open', 'acknowledged')"),
                      {kSystem, kInventory});
    if (!q) {
        return q.error();
    }
    while (q.value().next()) {
        m_openExceptions.insert(q.value().value(0).toString(), q.value().value(1).toLongLong());
    }
    return success();
}

Status ErpLevelApplier::loadPendingPushes()
{
    m_pendingPushes.clear();
    auto q = runQuery(m_db,
                      QStringLiteral("SELECT entity_key FROM outbox WHERE target = ? AND kind = ? "
                                     "AND status IN ('pending', 'in_flight')"),
                      {kSystem, OutboxKinds::kInventoryAdjust});
    if (!q) {
        return q.error();
    }
    while (q.value().next()) {
        m_pendingPushes.insert(q.value().value(0).toString());
    }
    return success();
}

Status ErpLevelApplier::settle(const QString &key)
{
    const qint64 id = m_openExceptions.take(key);
    if (id == 0) {
        return success();
    }
    return ExceptionStore::close(m_db,
                                 id,
                                 ExceptionState::Resolved,
                                 kActor,
                                 tr("the ledger and the ERP agree on on-hand again"),
                                 m_now);
}

Status ErpLevelApplier::raise(const SyncException &exception)
{
    const auto raised = ExceptionStore::raise(m_db, exception, m_now);
    if (!raised) {
        return raised.error();
    }
    ++m_counts.exceptions;
    return success();
}

} // namespace Ledgerdesk::Core
