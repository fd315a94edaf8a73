#pragma once

#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/sync/connector.h>

#include <memory>

namespace Ledgerdesk::Core {

// Shopify, reached over the Admin GraphQL API. Each cycle maps locations and inventory items,
// pulls changed inventory levels, settles `available` three ways against the ledger and
// delivers the outbox rows waiting for Shopify.
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
