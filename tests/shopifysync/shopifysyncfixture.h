#pragma once

#include <core/connectors/shopify/shopifyconnector.h>
#include <core/sync/secretstore.h>
#include <core/sync/syncexception.h>
#include <tests/sandbox/sandboxprocess.h>
#include <tests/support/tempstore.h>

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace Ledgerdesk::ShopifySyncTests {

// A demo ledger and the real sandbox seeded from the same catalogue, and a Shopify connector
// between them. The sandbox's bucket is generous unless a test asks for throttling, so a full
// pass over the 2,239 SKUs stays quick.
class ShopifySyncTest : public ::testing::Test
{
protected:
    void SetUp() override;

    // Creates and opens the connector (once).
    Core::ShopifyConnector &connector();
    Core::SyncCycleReport cycle();
    // The first pass with Shopify owning on-hand figures, so every first-sight difference is
    // accepted; afterwards nobody owns them unless a test says otherwise.
    void firstCycleAcceptingShopify();

    qint64 ledgerAvailable(const QString &sku, const QString &code);
    qint64 ledgerTotalAvailable();
    qint64 shopifyAvailable(const QString &sku, const QString &code);
    qint64 shopifyTotalAvailable();
    void setShopifyLevel(const QString &sku, const QString &code, qint64 quantity);
    void
    adjustLedger(const QString &reference, const QString &sku, const QString &code, qint64 delta);
    void setOnHandOwner(const QString &system); // empty: nobody owns it
    QJsonObject idempotency(const QString &key);
    QStringList shopifyOutboxKeys();
    // The idempotency keys the pusher actually sent (a batch sends one key for its rows).
    QStringList sentShopifyKeys();
    QList<Core::SyncException> openExceptions(Core::ExceptionKind kind);
    void setFaults(const QJsonObject &shopifyFaults);

    QTemporaryDir m_dir;
    SandboxTests::SandboxProcess m_sandbox;
    Testing::TempStore m_ledger;
    Core::InMemorySecretStore m_secrets;
    Core::ConnectionSettings m_settings;
    std::unique_ptr<Core::ShopifyConnector> m_connector;
};

} // namespace Ledgerdesk::ShopifySyncTests
