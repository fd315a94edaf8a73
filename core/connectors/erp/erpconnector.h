#pragma once

#include <core/sync/connector.h>
#include <core/sync/outboxkinds.h>

#include <QHash>

#include <memory>

namespace Ledgerdesk::Core {

class ErpClient;
class SecretStore;
struct ErpLevelRow;
struct ErpQueryPage;

// A NetSuite-style ERP reached through SuiteQL with token-based (OAuth 1.0a) authentication.
// Each cycle pages through item-location quantities (everything the first time, then only rows
// modified after the persisted cursor), maps the ERP's item (itemid = SKU) and location (name =
// ledger location code), and compares on-hand three ways per SKU and location. One write
// transaction per page; the cursor moves only after every page of a pass was applied, so a
// failed page is read again by the next cycle. The ERP is a subscriber of on-hand unless the
// ownership map says otherwise (see ErpLevelApplier). After a complete pull, due outbox rows
// for the ERP are delivered, routed by kind: "inventory.adjust" (ErpAdjustmentPusher, as
// inventoryAdjustment records) and "salesOrder.create" (ErpSalesOrderPusher), each with the row's
// idempotency key. Then sales orders changed in the ERP are read into the order queue
// (ErpSalesOrderPull).
class ErpConnector final : public Connector
{
    Q_OBJECT

public:
    // `settings.options`: suiteqlUrl, accountId, consumerKey, tokenId; optional recordUrl
    // (default: beside suiteqlUrl), pageSize
    // (default 1000), maxInFlight (2), maxAttempts (6), retryBaseMs (500), timeoutMs (30000),
    // salesOrders (true: read the ERP's sales orders into the queue), salesOrdersSince (ISO
    // timestamp; older sales orders are not imported), consumerCustomer (the ERP customer that
    // books orders without a company).
    // Secrets "erp/consumerSecret" and "erp/tokenSecret" come from `secrets`.
    ErpConnector(Store &store,
                 SecretStore &secrets,
                 ConnectionSettings settings,
                 QObject *parent = nullptr);
    ~ErpConnector() override;
    Q_DISABLE_COPY_MOVE(ErpConnector)

    QString system() const override;

    // The outbox kinds this connector sends; outboxKinds() names the same pairs.
    static QStringList deliveredKinds()
    {
        return {OutboxKinds::kInventoryAdjust, OutboxKinds::kSalesOrderCreate};
    }

    Status open() override;
    SyncCycleReport runCycle() override;

    // The persisted `lastmodifieddate` cursor (empty before the first complete pass).
    Result<QString> cursor();
    // 429 answers the client has backed off from since open().
    qint64 throttledAnswers() const;

    // While the cursor is less than kCursorSettleMs old (by this machine's clock), rows modified
    // up to kCursorOverlapMs before it are read again: several ERP writes can share a timestamp,
    // and one made while a pass reads would otherwise be skipped for good. Re-reading is
    // harmless, since an agreed figure compares as in sync.
    static constexpr qint64 kCursorOverlapMs = 2000;
    static constexpr qint64 kCursorSettleMs = 60000;
    static constexpr int kOutboxBatch = 100;

Q_SIGNALS:
    // After the page starting at `offset` was committed.
    void pageApplied(qint64 offset, int rows);

private:
    Status pullLevels(const QString &owner, SyncCycleReport &report);
    Status deliverOutbox(SyncCycleReport &report);
    Status loadReferences();
    Result<QHash<QString, QString>> loadTable(const QString &query, const QString &valueColumn);
    QList<ErpLevelRow> mapRows(const ErpQueryPage &page, QString &newest);
    Status applyPage(const QList<ErpLevelRow> &rows, const QString &owner, SyncCycleReport &report);
    Status writeCursor(const QString &value);
    void raiseAuthenticationFailure(const QString &message, SyncCycleReport &report);

    SecretStore &m_secrets;
    ConnectionSettings m_settings;
    std::unique_ptr<ErpClient> m_client;
    QHash<QString, QString> m_itemSkus;      // ERP item id → itemid (SKU)
    QHash<QString, QString> m_locationCodes; // ERP location id → name (ledger code)
    int m_pageSize = 1000;
    bool m_salesOrders = true;
    QString m_salesOrdersSince;
    QString m_consumerCustomer;
    bool m_open = false;
};

} // namespace Ledgerdesk::Core
