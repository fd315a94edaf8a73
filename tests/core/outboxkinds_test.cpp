#include <core/connectors/erp/erpconnector.h>
#include <core/connectors/shopify/shopifyconnector.h>
#include <core/connectors/wms/wmsconnector.h>
#include <core/sync/outbox.h>
#include <core/sync/outboxkinds.h>
#include <tests/support/tempstore.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

const QHash<QString, QStringList> &deliverers()
{
    static const QHash<QString, QStringList> byTarget{
        {QStringLiteral("shopify"), ShopifyConnector::deliveredKinds()},
        {QStringLiteral("erp"), ErpConnector::deliveredKinds()},
        {QStringLiteral("wms"), WmsConnector::deliveredKinds()},
    };
    return byTarget;
}

} // namespace

TEST(OutboxKinds, everyKindAnyProducerCanQueueHasADelivererAtEachTargetItNames)
{
    QStringList names;
    for (const OutboxKind &kind : outboxKinds()) {
        names << kind.name;
        ASSERT_TRUE(deliverers().contains(kind.target)) << kind.target.toStdString();
        EXPECT_TRUE(deliverers().value(kind.target).contains(kind.name))
            << kind.target.toStdString() << " does not deliver " << kind.name.toStdString();
    }
    // And the other way round: nothing a connector sends is missing from the contract.
    for (auto it = deliverers().cbegin(); it != deliverers().cend(); ++it) {
        for (const QString &kind : it.value()) {
            EXPECT_TRUE(isDeliverable(it.key(), kind))
                << it.key().toStdString() << " " << kind.toStdString();
        }
    }
    names.removeDuplicates();
    EXPECT_GE(names.size(), 5);
}

TEST(OutboxKinds, aRowNoTargetDeliversIsRefusedWhenWritten_everyPairChecked)
{
    TempStore t;
    QStringList kinds;
    for (const OutboxKind &kind : outboxKinds()) {
        kinds << kind.name;
    }
    kinds << QStringLiteral("inventory.unknown");
    kinds.removeDuplicates();
    int n = 0;
    for (const QString &target : deliverers().keys()) {
        for (const QString &kind : std::as_const(kinds)) {
            OutboxItem item;
            item.idempotencyKey = QStringLiteral("pair-%1").arg(++n);
            item.target = target;
            item.kind = kind;
            item.payload = "{}";
            const Status queued = Outbox::enqueue(t.store().connection(), item, 1);
            EXPECT_EQ(queued.ok(), deliverers().value(target).contains(kind))
                << target.toStdString() << " " << kind.toStdString();
        }
    }
}

TEST(OutboxKinds, aPersonsFigureGoesOnlyToSystemsThatTakeWrites)
{
    EXPECT_EQ(inventoryPushKind(QStringLiteral("shopify")), OutboxKinds::kInventorySet);
    EXPECT_EQ(inventoryPushKind(QStringLiteral("erp")), OutboxKinds::kInventoryAdjust);
    EXPECT_FALSE(inventoryPushKind(QStringLiteral("wms")).has_value());
    for (const QString &system : {QStringLiteral("shopify"), QStringLiteral("erp")}) {
        EXPECT_TRUE(isDeliverable(system, *inventoryPushKind(system)));
    }
}
