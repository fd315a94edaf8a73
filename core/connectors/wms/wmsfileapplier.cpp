#include "wmsfileapplier.h"

#include <core/ledger/balanceread.h>
#include <core/orders/orderallocator.h>
#include <core/orders/orderfulfilment.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>
#include <core/sync/syncvalues.h>
#include <core/sync/threewaycompare.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Ledgerdesk::Core {

namespace {

const QString kSystem = QStringLiteral("wms");
const QString kInventory = QStringLiteral("inventory");

QString onHandKey(const WmsFileLine &line)
{
    return InventoryKey{line.sku, line.locationCode, QuantityName::OnHand}.toString();
}

} // namespace

WmsFileApplier::WmsFileApplier(QSqlDatabase db, Store &store, QString onHandOwner, UtcMillis now)
    : m_db(db)
    , m_store(store)
    , m_owner(std::move(onHandOwner))
    , m_now(now)
    , m_writer(db, &store)
{}

Status WmsFileApplier::begin(const WmsOutboundFile &file)
{
    m_counts = {};
    if (const Status prepared = m_writer.prepare(); !prepared) {
        return prepared;
    }
    if (file.kind == WmsFileKind::Snapshot) {
        if (const Status loaded = loadOpenCountExceptions(); !loaded) {
            m_writer.release();
            return loaded;
        }
    }
    return success();
}

Status WmsFileApplier::applyLine(const WmsOutboundFile &file, const WmsFileLine &line)
{
    Status done = success();
    switch (file.kind) {
    case WmsFileKind::Snapshot:
        done = applyCount(file, line);
        break;
    case WmsFileKind::Shipment:
        done = applyShipment(line);
        break;
    case WmsFileKind::Receipt:
        done = applyReceipt(line);
        break;
    }
    if (done) {
        return done;
    }
    Error error = done.error();
    if (error.code != ErrorCode::Storage) {
        error.message
            = QStringLiteral("%1:%2: %3").arg(file.name).arg(line.line).arg(error.message);
    }
    return error;
}

Result<qsizetype> WmsFileApplier::applyCounts(const WmsOutboundFile &file,
                                              qsizetype from,
                                              const QDeadlineTimer &deadline)
{
    if (const Status begun = begin(file); !begun) {
        return begun.error();
    }
    qsizetype next = from;
    // At least one line, so a slow disk still makes progress.
    while (next < file.lines.size() && (next == from || !deadline.hasExpired())) {
        if (const Status done = applyLine(file, file.lines.at(next)); !done) {
            m_writer.release();
            return done.error();
        }
        ++next;
    }
    m_writer.release();
    return next;
}

Result<WmsApplyCounts> WmsFileApplier::apply(const WmsOutboundFile &file)
{
    if (const Status begun = begin(file); !begun) {
        return begun.error();
    }
    for (const WmsFileLine &line : file.lines) {
        if (const Status done = applyLine(file, line); !done) {
            m_writer.release();
            return done.error();
        }
    }
    m_writer.release();
    // Stock that arrives goes first to the orders waiting for it.
    if (file.kind == WmsFileKind::Receipt && m_counts.applied > 0) {
        if (auto filled = OrderAllocator(m_store).reallocateIn(m_db, kSystem); !filled) {
            return filled.error();
        }
    }
    if (file.kind == WmsFileKind::Shipment) {
        QSet<QString> orders;
        for (const WmsFileLine &line : file.lines) {
            orders.insert(line.reference);
        }
        for (const QString &reference : std::as_const(orders)) {
            if (const Status shipped = OrderFulfilment::confirmShipped(m_db, reference, m_now);
                !shipped) {
                return shipped.error();
            }
        }
    }
    return m_counts;
}

Status WmsFileApplier::applyCount(const WmsOutboundFile &file, const WmsFileLine &line)
{
    const QString key = onHandKey(line);
    const auto current = balance(line);
    if (!current) {
        return current.error();
    }
    const auto agreed = base(key);
    if (!agreed) {
        return agreed.error();
    }
    const qint64 ours = current.value().onHand();
    const ThreeWayValues values{
        agreed.value(), QString::number(ours), QString::number(line.quantity)};
    SyncException conflict;
    conflict.kind = ExceptionKind::Conflict;
    conflict.system = kSystem;
    conflict.entity = kInventory;
    conflict.entityKey = key;
    conflict.baseValue = values.base;
    conflict.ledgerValue = values.ours;
    conflict.externalValue = values.theirs;
    const QString owner = m_owner.isEmpty() ? tr("nobody") : m_owner;
    SyncDecision decision = compareThreeWay(values, m_owner, kSystem);
    if (decision == SyncDecision::TakeTheirs && !m_owner.isEmpty() && m_owner != kSystem) {
        // Only the count moved, but another system is the record for on-hand: the count is
        // drift for a person to look at, not a figure to take.
        conflict.errorText = tr("the WMS counted %1 where it and the ledger last agreed on %2; "
                                "on-hand belongs to %3, so the ledger keeps %4")
                                 .arg(line.quantity)
                                 .arg(values.base.value_or(QString()), owner)
                                 .arg(ours);
        return raise(conflict);
    }
    switch (decision) {
    case SyncDecision::InSync:
        if (const Status settled = settle(key); !settled) {
            return settled;
        }
        return values.base == values.theirs ? success() : recordBase(key, line.quantity, line.at);
    case SyncDecision::TakeTheirs:
    case SyncDecision::OwnerTheirs: {
        Quantities after = current.value();
        after.set(QuantityName::OnHand, line.quantity);
        if (after.available() < 0) {
            conflict.errorText
                = tr("%1: the WMS counted %2 on hand, but the ledger holds %3 committed, reserved "
                     "or on hold there; available would become %4")
                      .arg(file.name + u':' + QString::number(line.line))
                      .arg(line.quantity)
                      .arg(ours - current.value().available())
                      .arg(after.available());
            return raise(conflict);
        }
        const QString reference = file.name + u':' + QString::number(line.line);
        if (const Status posted
            = post(line, reference, MovementReason::Count, after - current.value());
            !posted) {
            return posted;
        }
        if (const Status settled = settle(key); !settled) {
            return settled;
        }
        return recordBase(key, line.quantity, line.at);
    }
    case SyncDecision::PushOurs:
        // Only the ledger moved. A WMS is changed by what happens in the warehouse (a pick, a
        // receipt, a count), never by a write from outside, so its count catches up when that
        // happens; nothing here for a person yet.
        return success();
    case SyncDecision::OwnerOurs:
        conflict.errorText
            = tr("the ledger's on-hand moved to %1 and the WMS counted %2 since they last agreed "
                 "on %3; on-hand belongs to %4 and the WMS takes no stock-level writes, so "
                 "recount there or accept its count")
                  .arg(ours)
                  .arg(line.quantity)
                  .arg(values.base.value_or(QString()), owner);
        return raise(conflict);
    case SyncDecision::Conflict:
        conflict.errorText
            = values.base ? tr("on-hand changed in the ledger (%1) and at the WMS (%2) since they "
                               "last agreed (%3), and no system owns on-hand")
                                .arg(ours)
                                .arg(line.quantity)
                                .arg(*values.base)
                          : tr("the ledger has %1 on hand and the WMS counted %2, and they have "
                               "never agreed; on-hand belongs to %3")
                                .arg(ours)
                                .arg(line.quantity)
                                .arg(owner);
        return raise(conflict);
    }
    return success();
}

Status WmsFileApplier::applyShipment(const WmsFileLine &line)
{
    const QString reference = line.reference + u':' + line.sku + u':' + line.locationCode;
    const auto posted = alreadyPosted(reference);
    if (!posted) {
        return posted.error();
    }
    if (posted.value()) {
        return success(); // the same order line confirmed again, under another file name
    }
    if (const Status checked = checkShortShipment(line, reference); !checked) {
        return checked;
    }
    if (line.quantity == 0) {
        return success();
    }
    const auto current = balance(line);
    if (!current) {
        return current.error();
    }
    const qint64 committed = current.value().committed();
    const qint64 available = current.value().available();
    Quantities delta;
    if (committed >= line.quantity) {
        delta.set(QuantityName::Committed, -line.quantity);
    } else if (available >= line.quantity) {
        delta.set(QuantityName::Available, -line.quantity);
    } else if (committed + available >= line.quantity) {
        delta.set(QuantityName::Committed, -committed);
        delta.set(QuantityName::Available, committed - line.quantity);
    } else {
        SyncException shortStock;
        shortStock.kind = ExceptionKind::Conflict;
        shortStock.system = kSystem;
        shortStock.entity = QStringLiteral("shipment");
        shortStock.entityKey = reference;
        shortStock.ledgerValue = QString::number(committed + available);
        shortStock.externalValue = QString::number(line.quantity);
        shortStock.errorText = tr("the WMS shipped %1 × %2 from %3 for %4, but the ledger has only "
                                  "%5 committed or available there")
                                   .arg(line.quantity)
                                   .arg(line.sku, line.locationCode, line.reference)
                                   .arg(committed + available);
        return raise(shortStock);
    }
    if (const Status written = post(line, reference, MovementReason::Pick, delta); !written) {
        return written;
    }
    return shiftBase(line, -line.quantity);
}

Status WmsFileApplier::checkShortShipment(const WmsFileLine &line, const QString &reference)
{
    // What we asked for, from the pick ticket we sent; a shipment we never asked for is
    // applied as reported, since the goods have left either way.
    auto q = runQuery(m_db,
                      QStringLiteral("SELECT payload FROM outbox WHERE target = ? AND kind = "
                                     "'pick.create' AND entity_key = ?"),
                      {kSystem, line.reference});
    if (!q) {
        return q.error();
    }
    qint64 requested = 0;
    while (q.value().next()) {
        const QJsonObject payload
            = QJsonDocument::fromJson(q.value().value(0).toByteArray()).object();
        const QJsonArray lines = payload.value(QStringLiteral("lines")).toArray();
        for (const QJsonValue &value : lines) {
            const QJsonObject asked = value.toObject();
            if (asked.value(QStringLiteral("sku")).toString() == line.sku
                && asked.value(QStringLiteral("location")).toString() == line.locationCode) {
                requested += asked.value(QStringLiteral("quantity")).toInteger();
            }
        }
    }
    if (line.quantity >= requested) {
        return success();
    }
    SyncException shortShipment;
    shortShipment.kind = ExceptionKind::RejectedByTarget;
    shortShipment.system = kSystem;
    shortShipment.entity = QStringLiteral("shipment");
    shortShipment.entityKey = reference;
    shortShipment.ledgerValue = QString::number(requested);
    shortShipment.externalValue = QString::number(line.quantity);
    shortShipment.errorText = tr("the WMS shipped %1 of the %2 × %3 picked from %4 for %5")
                                  .arg(line.quantity)
                                  .arg(requested)
                                  .arg(line.sku, line.locationCode, line.reference);
    return raise(shortShipment);
}

Status WmsFileApplier::applyReceipt(const WmsFileLine &line)
{
    const QString reference
        = QStringLiteral("receipt:") + line.reference + u':' + line.sku + u':' + line.locationCode;
    const auto posted = alreadyPosted(reference);
    if (!posted) {
        return posted.error();
    }
    if (posted.value()) {
        return success();
    }
    const auto current = balance(line);
    if (!current) {
        return current.error();
    }
    Quantities delta;
    delta.set(QuantityName::Incoming, -std::min(line.quantity, current.value().incoming()));
    delta.set(QuantityName::Available, line.quantity);
    if (const Status written = post(line, reference, MovementReason::Receipt, delta); !written) {
        return written;
    }
    return shiftBase(line, line.quantity);
}

Result<Quantities> WmsFileApplier::balance(const WmsFileLine &line)
{
    return readBalance(m_db, line.variantId, line.locationId);
}

Result<std::optional<QString>> WmsFileApplier::base(const QString &key)
{
    return SyncValues::base(m_db, kSystem, kInventory, key);
}

Status WmsFileApplier::recordBase(const QString &key, qint64 value, UtcMillis externalAt)
{
    return SyncValues::recordAgreement(
        m_db, kSystem, kInventory, key, QString::number(value), externalAt, m_now);
}

Status WmsFileApplier::shiftBase(const WmsFileLine &line, qint64 delta)
{
    const QString key = onHandKey(line);
    const auto agreed = base(key);
    if (!agreed) {
        return agreed.error();
    }
    bool numeric = false;
    const qint64 value = agreed.value().value_or(QString()).toLongLong(&numeric);
    if (!numeric) {
        return success(); // no agreement yet: the next count sets one
    }
    return recordBase(key, std::max<qint64>(0, value + delta), line.at);
}

Result<bool> WmsFileApplier::alreadyPosted(const QString &reference)
{
    auto q = runQuery(m_db,
                      QStringLiteral("SELECT 1 FROM postings WHERE source = ? AND reference = ?"),
                      {kSystem, reference});
    if (!q) {
        return q.error();
    }
    return q.value().next();
}

Status WmsFileApplier::post(const WmsFileLine &line,
                            const QString &reference,
                            MovementReason reason,
                            const Quantities &delta)
{
    PostingRequest request;
    request.source = kSystem;
    request.reference = reference;
    request.reason = reason;
    request.actor = QStringLiteral("wms-connector");
    request.occurredAt = line.at;
    request.lines = {MovementLine{line.variantId, line.locationId, delta}};
    const auto written = m_writer.write(request, m_now);
    if (!written) {
        return written.error();
    }
    if (!written.value().duplicate) {
        ++m_counts.applied;
    }
    return success();
}

Status WmsFileApplier::loadOpenCountExceptions()
{
    m_openCountExceptions.clear();
    auto q = runQuery(m_db,
                      QStringLiteral("SELECT entity_key, id FROM sync_exceptions WHERE system = ? "
                                     "AND entity = ? AND state IN ('open', 'acknowledged')"),
                      {kSystem, kInventory});
    if (!q) {
        return q.error();
    }
    while (q.value().next()) {
        m_openCountExceptions.insert(q.value().value(0).toString(),
                                     q.value().value(1).toLongLong());
    }
    return success();
}

Status WmsFileApplier::settle(const QString &key)
{
    const qint64 id = m_openCountExceptions.take(key);
    if (id == 0) {
        return success();
    }
    return ExceptionStore::close(m_db,
                                 id,
                                 ExceptionState::Resolved,
                                 QStringLiteral("wms-connector"),
                                 tr("the ledger and the WMS count agree again"),
                                 m_now);
}

Status WmsFileApplier::raise(SyncException exception)
{
    const auto raised = ExceptionStore::raise(m_db, exception, m_now);
    if (!raised) {
        return raised.error();
    }
    ++m_counts.exceptions;
    return success();
}

} // namespace Ledgerdesk::Core
