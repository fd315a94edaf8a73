#pragma once

#include <core/connectors/shopify/shopifyindex.h>
#include <core/domain/timestamp.h>
#include <core/error.h>
#include <core/sync/connector.h>
#include <core/sync/inbox.h>
#include <core/sync/threewaycompare.h>

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>

#include <optional>

namespace Ledgerdesk::Core {

class ShopifyGraphqlClient;
class Store;

// Pulls Shopify's inventory levels (all the first time, then those updated since each
// location's cursor), compares `available` three ways and settles every differing figure in
// one transaction: a ledger movement, an outbox row or an exception, with its inbox row.
// Afterwards it looks for ledger-side changes the pull cannot see and pushes those.
class ShopifyLevelSync final
{
    Q_DECLARE_TR_FUNCTIONS(ShopifyLevelSync)

public:
    ShopifyLevelSync(Store &store, ShopifyGraphqlClient &client, const ShopifyIndex &index);
    // Settles reported levels only (a webhook); run() needs the client.
    ShopifyLevelSync(Store &store, const ShopifyIndex &index);

    Status run(SyncCycleReport &report);

    // One level Shopify reported by itself (a webhook delivery).
    struct ReportedLevel
    {
        ShopifyItemLink item;
        ShopifyLocationLink location;
        qint64 available = 0;
        QString updatedAt;
        UtcMillis sourceAt = 0;
        QByteArray payload;
        QString eventId; // the delivery's id, the inbox's duplicate key
        QString topic;
    };

    // Records it in the inbox under its own id and, unless it is a duplicate or stale, settles
    // it exactly as a pulled level. Call once per object.
    Result<InboxVerdict> settleReported(const ReportedLevel &level, SyncCycleReport &report);

private:
    struct Known
    {
        std::optional<QString> base;
        std::optional<QString> external;
    };

    // One Shopify figure as pulled (or as last seen, for ledger-side changes).
    struct Figure
    {
        ShopifyItemLink item;
        ShopifyLocationLink location;
        qint64 theirs = 0;
        QString updatedAt; // empty for ledger-side changes
        UtcMillis sourceAt = 0;
        QByteArray payload;
        QString eventId; // empty: the pull's own (entity, updated_at) id
        QString topic;
    };

    // One key's state, for a webhook; every key's, for a pull.
    struct KeyScope
    {
        QString key;
        qint64 variantId = 0;
        qint64 locationId = 0;
    };

    Status loadState(const std::optional<KeyScope> &only = std::nullopt);
    // Queues the close of an open conflict whose sides agree again.
    void agreeAgain(const QString &key);
    Status closeSettled(QSqlDatabase db, UtcMillis now);
    Status pullLocation(const ShopifyLocationLink &location, SyncCycleReport &report);
    Status consider(const Figure &figure, SyncCycleReport &report);
    Status settle(const Figure &figure,
                  SyncDecision decision,
                  const QString &key,
                  qint64 ours,
                  SyncCycleReport &report);
    Status flushAgreements();
    Status scanLedgerChanges(SyncCycleReport &report);

    Store &m_store;
    ShopifyGraphqlClient *m_client = nullptr;
    const ShopifyIndex &m_index;
    QString m_owner;
    QHash<QPair<qint64, qint64>, qint64> m_available; // (variant, location) → ledger available
    QHash<QString, Known> m_known;                    // inventory key → sync_values
    QSet<QString> m_pendingPush;                      // keys with an undelivered outbox row
    QHash<QString, qint64> m_openConflicts;           // key → exception a person is deciding
    QList<qint64> m_settled;                          // conflicts to close: the sides agree
    QSet<QString> m_seenThisPass;
    QList<QPair<QString, QString>> m_agreements; // key → value, written in batches
    InboxVerdict m_lastVerdict = InboxVerdict::Apply;
};

} // namespace Ledgerdesk::Core
