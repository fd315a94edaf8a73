#pragma once

#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/sync/connector.h>
#include <core/sync/outboxkinds.h>

#include <memory>

namespace Ledgerdesk::Core {

// Shopify, reached over the Admin GraphQL API. Each cycle maps locations and inventory items,
// pulls changed inventory levels, settles `available` three ways against the ledger and
// delivers the outbox rows waiting for Shopify, by kind: inventory quantities (ShopifyPusher)
// and fulfilments of shipped orders (ShopifyFulfilmentPusher).
// B2B companies, locations and price lists are pulled into the PriceBook unless the connection
// says "b2b": false; with "pullOrders": true orders enter the order queue too (ShopifyOrderPull).
class ShopifyConnector final : public Connector
{
    Q_OBJECT

public:
    ShopifyConnector(Store &store,
                     SecretStore &secrets,
                     ConnectionSettings settings,
                     QObject *parent = nullptr);
    ~ShopifyConnector() override;
    Q_DISABLE_COPY_MOVE(ShopifyConnector)

    QString system() const override;

    // The outbox kinds this connector sends; outboxKinds() names the same pairs.
    static QStringList deliveredKinds()
    {
        return {OutboxKinds::kInventorySet, OutboxKinds::kFulfillmentCreate};
    }

    Status open() override;
    SyncCycleReport runCycle() override;
    void close() override;

    // The open connection's client (for its counters), or null before open().
    const ShopifyGraphqlClient *client() const { return m_client.get(); }

private:
    Status cycle(SyncCycleReport &report);
    void raiseAuthentication(const QString &message);

    SecretStore &m_secrets;
    ConnectionSettings m_settings;
    std::unique_ptr<ShopifyGraphqlClient> m_client;
};

} // namespace Ledgerdesk::Core
