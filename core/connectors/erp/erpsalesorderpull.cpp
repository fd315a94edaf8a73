#include "erpsalesorderpull.h"

#include <core/catalog/externalidmap.h>
#include <core/connectors/erp/erpclient.h>
#include <core/domain/money.h>
#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderfulfilment.h>
#include <core/orders/orderoutbox.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/syncvalues.h>

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QMap>

namespace Ledgerdesk::Core {

namespace {

Q_LOGGING_CATEGORY(lcErpOrders, "ledgerdesk.core.erp.orders")

const QString kSystem = QStringLiteral("erp");
const QString kBaseEntity = QStringLiteral("salesOrder");
constexpr qint64 kOverlapMs = 2000;
constexpr qint64 kSettleMs = 60000;

QString idText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString::number(value.toInteger());
}

QString refName(const QJsonObject &record, const QString &field)
{
    return record.value(field).toObject().value(QStringLiteral("refName")).toString();
}

bool isOpen(const QString &status)
{
    return status == u"Pending Approval" || status == u"Pending Fulfillment";
}

bool isClosed(const QString &status)
{
    return status == u"Cancelled" || status == u"Closed";
}

QJsonArray erpLines(const QJsonObject &record)
{
    return record.value(QStringLiteral("item")).toObject().value(QStringLiteral("items")).toArray();
}

// "PO-7781; FJ-NAVY-M × 3, FJ-NAVY-L × 1", lines summed per SKU, so either side reads the same.
QString summary(const QString &po, const QMap<QString, qint64> &quantities)
{
    QStringList parts;
    for (auto it = quantities.cbegin(); it != quantities.cend(); ++it) {
        parts << QStringLiteral("%1 × %2").arg(it.key()).arg(it.value());
    }
    return (po.isEmpty() ? QStringLiteral("no PO") : po) + QStringLiteral("; ")
           + parts.join(QStringLiteral(", "));
}

QMap<QString, qint64> quantitiesOf(const Order &order)
{
    QMap<QString, qint64> quantities;
    for (const OrderLine &line : order.lines) {
        quantities[line.sku] += line.quantity;
    }
    return quantities;
}

QMap<QString, qint64> quantitiesOf(const QJsonObject &record)
{
    QMap<QString, qint64> quantities;
    for (const QJsonValue &value : erpLines(record)) {
        const QJsonObject line = value.toObject();
        const QJsonValue quantity = line.value(QStringLiteral("quantity"));
        quantities[refName(line, QStringLiteral("item"))]
            += quantity.isString() ? quantity.toString().toLongLong() : quantity.toInteger();
    }
    return quantities;
}

} // namespace

ErpSalesOrderPull::ErpSalesOrderPull(Store &store, ErpClient &client, int pageSize, QString since)
    : m_store(store)
    , m_client(client)
    , m_pageSize(pageSize)
    , m_since(std::move(since))
{}

Status ErpSalesOrderPull::run(SyncCycleReport &report)
{
    const auto previous = cursor();
    if (!previous) {
        return previous.error();
    }
    QString query = QStringLiteral(
        "SELECT id, tranid, status, lastmodifieddate FROM transaction WHERE type = 'SalesOrd'");
    const QString from = previous.value().isEmpty() ? m_since : previous.value();
    if (const auto at = parseIsoTimestamp(from); !from.isEmpty() && at) {
        const bool recent = at.value() + kSettleMs >= report.startedAt;
        query += QStringLiteral(" AND lastmodifieddate > '%1'")
                     .arg(formatIsoTimestamp(at.value() - (recent ? kOverlapMs : 0)));
    }
    QString newest = previous.value();
    for (qint64 offset = 0;;) {
        const auto page = m_client.suiteQl(query, m_pageSize, offset);
        if (!page) {
            return page.error();
        }
        for (const QJsonValue &value : page.value().items) {
            const QJsonObject row = value.toObject();
            if (const Status handled = handle(row, report); !handled) {
                return handled;
            }
            const QString modified = row.value(QStringLiteral("lastmodifieddate")).toString();
            const auto at = parseIsoTimestamp(modified);
            const auto seen = parseIsoTimestamp(newest);
            if (at && (!seen || at.value() > seen.value())) {
                newest = modified;
            }
        }
        if (!page.value().hasMore || page.value().items.isEmpty()) {
            break;
        }
        offset += page.value().items.size();
    }
    return newest == previous.value() ? success() : writeCursor(newest);
}

Status ErpSalesOrderPull::handle(const QJsonObject &row, SyncCycleReport &report)
{
    const QString erpId = idText(row.value(QStringLiteral("id")));
    const QString status = row.value(QStringLiteral("status")).toString();
    const QString modified = row.value(QStringLiteral("lastmodifieddate")).toString();
    QSqlDatabase db = m_store.connection();
    const auto base = SyncValues::base(db, kSystem, kBaseEntity, erpId);
    if (!base) {
        return base.error();
    }
    if (base.value() && *base.value() == modified) {
        return success(); // handled at this modification already
    }
    OrderBook book(m_store);
    std::optional<Order> ours;
    std::optional<Order> known;
    const auto local = ExternalIdMap(m_store).localId(kSystem, QStringLiteral("order"), erpId);
    if (!local) {
        return local.error();
    }
    if (local.value()) {
        auto loaded = book.get(*local.value());
        if (!loaded) {
            return loaded.error();
        }
        ours = loaded.value();
    } else {
        auto found = book.find(OrderChannel::erp, erpId);
        if (!found) {
            return found.error();
        }
        known = found.value();
    }
    Outcome outcome;
    if (ours || known || isOpen(status)) {
        const auto record = m_client.getRecord(QStringLiteral("salesOrder"), erpId);
        if (!record) {
            return record.error();
        }
        ++report.pulled;
        const QString externalId = record.value().value(QStringLiteral("externalId")).toString();
        if (!ours && !known && externalId.contains(u':')
            && !externalId.startsWith(OrderChannel::erp + u':')) {
            // Ours, though the answer to our create was lost before we could link it.
            auto found = book.find(externalId.section(u':', 0, 0), externalId.section(u':', 1));
            if (!found) {
                return found.error();
            }
            ours = found.value();
            if (ours) {
                const Status linked = ExternalIdMap(m_store).link(
                    kSystem, QStringLiteral("order"), ours->id, erpId);
                if (!linked) {
                    return linked;
                }
            }
        }
        auto handled = ours ? handleOurs(*ours, record.value(), isClosed(status))
                            : handleErpOrder(known, record.value(), isClosed(status));
        if (!handled) {
            return handled.error();
        }
        outcome = handled.value();
    }
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    if (outcome.exception) {
        if (auto raised = ExceptionStore::raise(db, *outcome.exception, nowUtcMillis()); !raised) {
            return raised.error();
        }
        ++report.conflicts;
    }
    const auto at = parseIsoTimestamp(modified);
    if (const Status kept
        = SyncValues::recordAgreement(db,
                                      kSystem,
                                      kBaseEntity,
                                      erpId,
                                      modified,
                                      at ? std::optional<UtcMillis>(at.value()) : std::nullopt,
                                      nowUtcMillis());
        !kept) {
        return kept;
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed;
    }
    report.applied += outcome.applied ? 1 : 0;
    return success();
}

Result<ErpSalesOrderPull::Outcome>
ErpSalesOrderPull::handleOurs(const Order &order, const QJsonObject &record, bool closed)
{
    if (closed) {
        return cancel(order, record);
    }
    const QString oursText = summary(order.poNumber, quantitiesOf(order));
    const QString po = record.value(QStringLiteral("otherRefNum")).toString();
    const QString theirsText = summary(po, quantitiesOf(record));
    if (quantitiesOf(order) == quantitiesOf(record) && po == order.poNumber) {
        return Outcome{};
    }
    return Outcome{
        false,
        conflict(OrderOutbox::externalIdOf(order),
                 oursText,
                 theirsText,
                 tr("order %1 was changed in the ERP (%2) after we sent it")
                     .arg(order.name, record.value(QStringLiteral("tranId")).toString()))};
}

Result<ErpSalesOrderPull::Outcome> ErpSalesOrderPull::handleErpOrder(
    const std::optional<Order> &known, const QJsonObject &record, bool closed)
{
    if (closed) {
        return known ? cancel(*known, record) : Result<Outcome>(Outcome{});
    }
    const IncomingOrder order = incoming(record);
    const QString key = OrderChannel::erp + u':' + order.externalRef;
    const auto received = OrderBook(m_store).receive(order, kActor);
    if (!received) {
        const Error &error = received.error();
        if (error.code == ErrorCode::Storage) {
            return error;
        }
        QMap<QString, qint64> theirs;
        for (const IncomingOrder::Line &line : order.lines) {
            theirs[line.sku] += line.quantity;
        }
        const QString theirsText = summary(order.poNumber, theirs);
        if (error.code == ErrorCode::Conflict && known) {
            return Outcome{false,
                           conflict(key,
                                    summary(known->poNumber, quantitiesOf(*known)),
                                    theirsText,
                                    error.message)};
        }
        SyncException refused = conflict(key, {}, theirsText, error.message);
        refused.kind = ExceptionKind::Validation;
        refused.ledgerValue.reset();
        return Outcome{false, refused};
    }
    const auto loaded = OrderBook(m_store).get(received.value().id);
    if (!loaded) {
        return loaded.error();
    }
    if (!loaded.value() || loaded.value()->state != OrderState::New) {
        return Outcome{!received.value().duplicate, std::nullopt};
    }
    const auto allocated = OrderAllocator(m_store).allocate(received.value().id, kActor);
    if (!allocated) {
        if (allocated.error().code == ErrorCode::Storage) {
            return allocated.error();
        }
        // Held (price or quantity rule) or nowhere to sell from: the order waits as new.
        qCInfo(lcErpOrders) << "ERP order" << order.name
                            << "left new:" << allocated.error().message;
    }
    return Outcome{true, std::nullopt};
}

Result<ErpSalesOrderPull::Outcome> ErpSalesOrderPull::cancel(const Order &order,
                                                             const QJsonObject &record)
{
    if (order.state == OrderState::Cancelled) {
        return Outcome{};
    }
    const QString tranId = record.value(QStringLiteral("tranId")).toString();
    const QString status = record.value(QStringLiteral("status")).toString();
    if (!holdsNoPickedStock(order.state)) {
        return Outcome{
            false,
            conflict(OrderOutbox::externalIdOf(order),
                     orderStateKey(order.state),
                     status,
                     tr("order %1 was %2 in the ERP (%3) but is already %4 here")
                         .arg(order.name, status.toLower(), tranId, orderStateKey(order.state)))};
    }
    const Status cancelled = OrderFulfilment(m_store).cancel(
        order.id, kActor, tr("%1 in the ERP (%2)").arg(status, tranId));
    if (!cancelled) {
        if (cancelled.error().code == ErrorCode::Storage) {
            return cancelled.error();
        }
        return Outcome{false,
                       conflict(OrderOutbox::externalIdOf(order),
                                orderStateKey(order.state),
                                status,
                                cancelled.error().message)};
    }
    return Outcome{true, std::nullopt};
}

IncomingOrder ErpSalesOrderPull::incoming(const QJsonObject &record) const
{
    IncomingOrder order;
    order.channel = OrderChannel::erp;
    order.externalRef = idText(record.value(QStringLiteral("id")));
    order.name = record.value(QStringLiteral("tranId")).toString();
    order.company = refName(record, QStringLiteral("entity"));
    order.poNumber = record.value(QStringLiteral("otherRefNum")).toString();
    order.currency = refName(record, QStringLiteral("currency"));
    order.paymentTerms = refName(record, QStringLiteral("terms"));
    const QDate day
        = QDate::fromString(record.value(QStringLiteral("tranDate")).toString(), Qt::ISODate);
    if (day.isValid()) {
        order.issuedAt = day.startOfDay(Qt::UTC).toMSecsSinceEpoch();
    }
    const int digits = Money::minorDigits(order.currency);
    for (const QJsonValue &value : erpLines(record)) {
        const QJsonObject line = value.toObject();
        const QJsonValue quantity = line.value(QStringLiteral("quantity"));
        const QJsonValue rate = line.value(QStringLiteral("rate"));
        order.lines.append(
            {refName(line, QStringLiteral("item")),
             quantity.isString() ? quantity.toString().toLongLong() : quantity.toInteger(),
             rate.isString() ? rate.toString() : QString::number(rate.toDouble(), 'f', digits)});
    }
    return order;
}

SyncException ErpSalesOrderPull::conflict(const QString &key,
                                          const QString &ours,
                                          const QString &theirs,
                                          const QString &text) const
{
    SyncException e;
    e.kind = ExceptionKind::Conflict;
    e.system = kSystem;
    e.entity = QStringLiteral("order");
    e.entityKey = key;
    e.ledgerValue = ours;
    e.externalValue = theirs;
    e.errorText = text;
    return e;
}

Result<QString> ErpSalesOrderPull::cursor()
{
    auto q = runQuery(
        m_store.connection(), QStringLiteral("SELECT value FROM meta WHERE key = ?"), {kCursorKey});
    if (!q) {
        return q.error();
    }
    return q.value().next() ? q.value().value(0).toString() : QString();
}

Status ErpSalesOrderPull::writeCursor(const QString &value)
{
    auto q = runQuery(m_store.connection(),
                      QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT "
                                     "(key) DO UPDATE SET value = excluded.value"),
                      {kCursorKey, nonNull(value)});
    return q ? success() : Status(q.error());
}

} // namespace Ledgerdesk::Core
