#include "erpconnector.h"

#include <core/connectors/erp/erpadjustmentpusher.h>
#include <core/connectors/erp/erpclient.h>
#include <core/connectors/erp/erplevelapplier.h>
#include <core/connectors/erp/erpsalesorderpull.h>
#include <core/connectors/erp/erpsalesorderpusher.h>
#include <core/orders/orderoutbox.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/ledgerfollowers.h>
#include <core/sync/outbox.h>
#include <core/sync/ownershipmap.h>
#include <core/sync/secretstore.h>

#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>

namespace Ledgerdesk::Core {

namespace {

Q_LOGGING_CATEGORY(lcErp, "ledgerdesk.core.erp")

const QString kSystem = QStringLiteral("erp");
const QString kCursorKey = QStringLiteral("sync.erp.inventory_cursor");

qint64 wholeNumber(const QJsonValue &value)
{
    return value.isString() ? value.toString().toLongLong() : value.toInteger();
}

QString idText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString::number(value.toInteger());
}

} // namespace

ErpConnector::ErpConnector(Store &store,
                           SecretStore &secrets,
                           ConnectionSettings settings,
                           QObject *parent)
    : Connector(store, parent)
    , m_secrets(secrets)
    , m_settings(std::move(settings))
{}

ErpConnector::~ErpConnector() = default;

QString ErpConnector::system() const
{
    return kSystem;
}

Status ErpConnector::open()
{
    m_open = false;
    const QJsonObject &options = m_settings.options;
    ErpClientOptions client;
    client.suiteqlUrl = QUrl(options.value(QStringLiteral("suiteqlUrl")).toString());
    client.recordUrl = QUrl(options.value(QStringLiteral("recordUrl")).toString());
    if (client.recordUrl.isEmpty() && client.suiteqlUrl.path().endsWith(u"/query/v1/suiteql")) {
        client.recordUrl = client.suiteqlUrl;
        client.recordUrl.setPath(client.suiteqlUrl.path().chopped(17) + u"/record/v1");
    }
    client.credentials.realm = options.value(QStringLiteral("accountId")).toString();
    client.credentials.consumerKey = options.value(QStringLiteral("consumerKey")).toString();
    client.credentials.tokenId = options.value(QStringLiteral("tokenId")).toString();
    if (!client.suiteqlUrl.isValid() || client.suiteqlUrl.scheme().isEmpty()) {
        return makeError(ErrorCode::Validation, tr("the ERP connection names no suiteqlUrl"));
    }
    for (const auto &[name, value] :
         {std::pair{QStringLiteral("accountId"), client.credentials.realm},
          std::pair{QStringLiteral("consumerKey"), client.credentials.consumerKey},
          std::pair{QStringLiteral("tokenId"), client.credentials.tokenId}}) {
        if (value.isEmpty()) {
            return makeError(ErrorCode::Validation, tr("the ERP connection names no %1").arg(name));
        }
    }
    for (const auto &[name, target] :
         {std::pair{QStringLiteral("consumerSecret"), &client.credentials.consumerSecret},
          std::pair{QStringLiteral("tokenSecret"), &client.credentials.tokenSecret}}) {
        const auto secret = m_secrets.read(kSystem + u'/' + name);
        if (!secret || secret.value().isEmpty()) {
            return makeError(ErrorCode::Unauthorized,
                             tr("the secret store holds no ERP %1").arg(name));
        }
        *target = QString::fromUtf8(secret.value());
    }
    const auto number = [&options](const QString &name, qint64 fallback, qint64 low, qint64 high) {
        const qint64 given = options.value(name).toInteger(fallback);
        return qBound(low, given, high);
    };
    m_pageSize = int(number(QStringLiteral("pageSize"), 1000, 1, 1000));
    m_salesOrders = options.value(QStringLiteral("salesOrders")).toBool(true);
    m_salesOrdersSince = options.value(QStringLiteral("salesOrdersSince")).toString();
    if (!m_salesOrdersSince.isEmpty() && !parseIsoTimestamp(m_salesOrdersSince)) {
        return makeError(
            ErrorCode::Validation,
            tr("salesOrdersSince \"%1\" is not an ISO timestamp").arg(m_salesOrdersSince));
    }
    m_consumerCustomer = options.value(QStringLiteral("consumerCustomer")).toString().trimmed();
    client.maxInFlight = int(number(QStringLiteral("maxInFlight"), 2, 1, 100));
    client.maxAttempts = int(number(QStringLiteral("maxAttempts"), 6, 1, 50));
    client.retryBaseMs = number(QStringLiteral("retryBaseMs"), 500, 1, 60000);
    client.timeoutMs = int(number(QStringLiteral("timeoutMs"), 30000, 100, 900000));
    if (!store().connection().isOpen()) {
        return makeError(ErrorCode::Storage, tr("the ledger is not open on this thread"));
    }
    // The ERP keeps its own on-hand: from now on every ledger change to it is queued for the
    // ERP with the posting, by whichever program makes it.
    if (const Status following = LedgerFollowers::follow(store().connection(), kSystem);
        !following) {
        return following;
    }
    m_client = std::make_unique<ErpClient>(client);
    m_itemSkus.clear();
    m_locationCodes.clear();
    m_open = true;
    return success();
}

Result<QString> ErpConnector::cursor()
{
    auto q = runQuery(
        store().connection(), QStringLiteral("SELECT value FROM meta WHERE key = ?"), {kCursorKey});
    if (!q) {
        return q.error();
    }
    return q.value().next() ? q.value().value(0).toString() : QString();
}

qint64 ErpConnector::throttledAnswers() const
{
    return m_client ? m_client->throttledAnswers() : 0;
}

SyncCycleReport ErpConnector::runCycle()
{
    SyncCycleReport report;
    report.system = kSystem;
    report.startedAt = nowUtcMillis();
    if (!m_open) {
        report.error = tr("the ERP connector is not open");
        report.finishedAt = nowUtcMillis();
        return report;
    }
    const auto owner = OwnershipMap(store()).owner(QStringLiteral("on_hand"));
    if (!owner) {
        report.error = owner.error().message;
    } else if (const Status pulled = pullLevels(owner.value(), report); !pulled) {
        report.fail(pulled.error());
        if (pulled.error().code == ErrorCode::Unauthorized) {
            raiseAuthenticationFailure(pulled.error().message, report);
        }
        qCWarning(lcErp) << "cycle stopped:" << report.error;
    } else {
        if (const Status pushed = deliverOutbox(report); !pushed) {
            report.fail(pushed.error());
        } else if (m_salesOrders) {
            // After the pushes, so an order just sent comes back as ours.
            ErpSalesOrderPull orders(store(), *m_client, m_pageSize, m_salesOrdersSince);
            if (const Status pulled = orders.run(report); !pulled) {
                report.fail(pulled.error());
                qCWarning(lcErp) << "sales order pull stopped:" << report.error;
            }
        }
    }
    report.finishedAt = nowUtcMillis();
    return report;
}

Status ErpConnector::deliverOutbox(SyncCycleReport &report)
{
    Outbox outbox(store());
    const auto due = outbox.claimDue(kSystem, nowUtcMillis(), kOutboxBatch);
    if (!due) {
        return due.error();
    }
    ErpAdjustmentPusher adjustments(store(), *m_client, m_itemSkus, m_locationCodes);
    ErpSalesOrderPusher salesOrders(store(), *m_client, m_itemSkus, m_consumerCustomer, m_pageSize);
    for (const OutboxItem &item : due.value()) {
        QString createdId;
        std::optional<DeliveryFailure> failure;
        if (item.kind == ErpAdjustmentPusher::kKind) {
            const auto created = adjustments.deliver(item);
            if (created) {
                createdId = created.value();
            } else {
                failure = DeliveryFailure{created.error().message,
                                          ErpAdjustmentPusher::isRetryable(created.error())};
            }
        } else if (item.kind == OrderOutbox::kSalesOrderKind) {
            auto created = salesOrders.deliver(item);
            if (const auto *id = std::get_if<QString>(&created)) {
                createdId = *id;
            } else {
                const auto &refused = std::get<ErpSalesOrderPusher::Failure>(created);
                SyncException rejected;
                rejected.kind = ExceptionKind::RejectedByTarget;
                rejected.system = kSystem;
                rejected.entity = QStringLiteral("order");
                rejected.entityKey = item.entityKey;
                rejected.errorText = refused.message;
                failure = DeliveryFailure{refused.message, !refused.permanent, {}, rejected};
            }
        } else {
            failure = DeliveryFailure{
                tr("the ERP connector does not deliver \"%1\" rows").arg(item.kind), false};
        }
        if (!failure) {
            const QByteArray response
                = QJsonDocument(QJsonObject{{QStringLiteral("id"), createdId}})
                      .toJson(QJsonDocument::Compact);
            if (const Status done = outbox.complete(item.id, response, nowUtcMillis()); !done) {
                return done;
            }
            ++report.pushed;
            continue;
        }
        if (const auto failed = outbox.fail(item.id, *failure, nowUtcMillis()); !failed) {
            return failed.error();
        }
        ++report.failed;
    }
    return success();
}

Status ErpConnector::pullLevels(const QString &owner, SyncCycleReport &report)
{
    if (m_itemSkus.isEmpty() || m_locationCodes.isEmpty()) {
        if (const Status loaded = loadReferences(); !loaded) {
            return loaded;
        }
    }
    const auto previous = cursor();
    if (!previous) {
        return previous.error();
    }
    QString query = QStringLiteral("SELECT item, location, quantityonhand, lastmodifieddate FROM "
                                   "inventoryitemlocations");
    if (const auto at = parseIsoTimestamp(previous.value()); !previous.value().isEmpty() && at) {
        // A recent cursor is read with some overlap; an old one no longer can gain rows.
        const bool recent = at.value() + kCursorSettleMs >= report.startedAt;
        query += QStringLiteral(" WHERE lastmodifieddate > '%1'")
                     .arg(formatIsoTimestamp(at.value() - (recent ? kCursorOverlapMs : 0)));
    }
    // No ORDER BY: rows come in (item, location) order, and rows only ever join the filtered
    // set, so offset paging may read a row twice but never skips one.
    QString newest = previous.value();
    bool referencesReloaded = false;
    for (qint64 offset = 0;;) {
        const auto page = m_client->suiteQl(query, m_pageSize, offset);
        if (!page) {
            return page.error();
        }
        QString pageNewest = newest;
        QList<ErpLevelRow> rows = mapRows(page.value(), pageNewest);
        const bool unmapped = std::any_of(rows.cbegin(), rows.cend(), [](const ErpLevelRow &row) {
            return row.sku.isEmpty() || row.locationCode.isEmpty();
        });
        if (unmapped && !referencesReloaded) {
            // An item or location created since the lists were read: read them again once.
            referencesReloaded = true;
            if (const Status loaded = loadReferences(); !loaded) {
                return loaded;
            }
            pageNewest = newest;
            rows = mapRows(page.value(), pageNewest);
        }
        report.pulled += rows.size();
        if (const Status applied = applyPage(rows, owner, report); !applied) {
            return applied;
        }
        newest = pageNewest;
        Q_EMIT pageApplied(offset, int(rows.size()));
        if (!page.value().hasMore || page.value().items.isEmpty()) {
            break;
        }
        offset += page.value().items.size();
    }
    return newest == previous.value() ? success() : writeCursor(newest);
}

Status ErpConnector::loadReferences()
{
    auto items = loadTable(QStringLiteral("SELECT id, itemid FROM item"), QStringLiteral("itemid"));
    if (!items) {
        return items.error();
    }
    auto locations
        = loadTable(QStringLiteral("SELECT id, name FROM location"), QStringLiteral("name"));
    if (!locations) {
        return locations.error();
    }
    m_itemSkus = std::move(items.value());
    m_locationCodes = std::move(locations.value());
    return success();
}

Result<QHash<QString, QString>> ErpConnector::loadTable(const QString &query,
                                                        const QString &valueColumn)
{
    QHash<QString, QString> values;
    for (qint64 offset = 0;;) {
        const auto page = m_client->suiteQl(query, m_pageSize, offset);
        if (!page) {
            return page.error();
        }
        for (const QJsonValue &value : page.value().items) {
            const QJsonObject row = value.toObject();
            values.insert(idText(row.value(QStringLiteral("id"))),
                          row.value(valueColumn).toString());
        }
        if (!page.value().hasMore || page.value().items.isEmpty()) {
            break;
        }
        offset += page.value().items.size();
    }
    return values;
}

QList<ErpLevelRow> ErpConnector::mapRows(const ErpQueryPage &page, QString &newest)
{
    QList<ErpLevelRow> rows;
    rows.reserve(page.items.size());
    for (const QJsonValue &value : page.items) {
        const QJsonObject item = value.toObject();
        ErpLevelRow row;
        row.itemId = idText(item.value(QStringLiteral("item")));
        row.locationId = idText(item.value(QStringLiteral("location")));
        row.sku = m_itemSkus.value(row.itemId);
        row.locationCode = m_locationCodes.value(row.locationId);
        row.onHand = wholeNumber(item.value(QStringLiteral("quantityonhand")));
        row.modifiedText = item.value(QStringLiteral("lastmodifieddate")).toString();
        if (const auto at = parseIsoTimestamp(row.modifiedText); at) {
            row.modifiedAt = at.value();
            const auto seen = parseIsoTimestamp(newest);
            if (!seen || at.value() > seen.value()) {
                newest = row.modifiedText;
            }
        }
        rows.append(row);
    }
    return rows;
}

Status ErpConnector::applyPage(const QList<ErpLevelRow> &rows,
                               const QString &owner,
                               SyncCycleReport &report)
{
    QSqlDatabase db = store().connection();
    WriteTransaction tx(db, store().dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    ErpLevelApplier applier(db, store(), owner, nowUtcMillis());
    const auto counts = applier.apply(rows);
    if (!counts) {
        return counts.error();
    }
    if (const Status committed = tx.commit(); !committed) {
        return committed;
    }
    report.applied += counts.value().applied;
    report.conflicts += counts.value().exceptions;
    return success();
}

Status ErpConnector::writeCursor(const QString &value)
{
    auto q = runQuery(store().connection(),
                      QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT "
                                     "(key) DO UPDATE SET value = excluded.value"),
                      {kCursorKey, nonNull(value)});
    return q ? success() : Status(q.error());
}

void ErpConnector::raiseAuthenticationFailure(const QString &message, SyncCycleReport &report)
{
    QSqlDatabase db = store().connection();
    WriteTransaction tx(db, store().dialect());
    if (!tx.begun()) {
        return;
    }
    SyncException failure;
    failure.kind = ExceptionKind::AuthenticationFailure;
    failure.system = kSystem;
    failure.entity = QStringLiteral("connection");
    failure.entityKey = m_settings.options.value(QStringLiteral("accountId")).toString();
    failure.errorText = message;
    if (ExceptionStore::raise(db, failure, nowUtcMillis()) && tx.commit()) {
        ++report.conflicts;
    }
}

} // namespace Ledgerdesk::Core
