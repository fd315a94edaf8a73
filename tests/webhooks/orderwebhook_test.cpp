#include "webhookfixture.h"

#include <core/connectors/shopify/shopifywebhookingest.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderintake.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::WebhookTests::WebhookTest;

// The first cycle stored the shop's companies, so a B2B order arriving by webhook is taken into
// the queue at once; the pull that follows reads the same order and adds nothing.
TEST_F(WebhookTest, anOrderArrivesByWebhookAndThePullAfterwardsDuplicatesNothing)
{
    auto subscribed = ShopifyWebhookIngest::subscribe(
        *m_client, QStringLiteral("orders/create"), m_receiver->callbackUrl());
    ASSERT_TRUE(subscribed.ok()) << subscribed.error().message.toStdString();
    const QStringList refs = [this] {
        QStringList ids;
        for (const bool b2b : {true, false}) {
            const QString gid
                = m_sandbox
                      .control({{QStringLiteral("system"), QStringLiteral("shopify")},
                                {QStringLiteral("action"), QStringLiteral("createOrder")},
                                {QStringLiteral("b2b"), b2b}})[QStringLiteral("orderId")]
                      .toString();
            ids << gid.mid(gid.lastIndexOf(u'/') + 1);
        }
        return ids;
    }();
    OrderBook book(m_ledger.store());
    const auto arrived = [&] {
        for (const QString &ref : refs) {
            auto order = book.find(QStringLiteral("shopify"), ref);
            // Received and then allocated (or held for its prices): wait for the second step.
            if (!order.ok() || !order.value()) {
                return false;
            }
            if (order.value()->state == OrderState::New
                && OrderIntake(m_ledger.store()).openHolds(QStringLiteral("shopify"), ref).value()
                       == 0) {
                return false;
            }
        }
        return true;
    };
    ASSERT_TRUE(waitUntil(arrived, 5000));
    auto b2b = book.find(QStringLiteral("shopify"), refs.first());
    ASSERT_TRUE(b2b.ok() && b2b.value());
    EXPECT_FALSE(b2b.value()->company.isEmpty());
    EXPECT_TRUE(b2b.value()->dueDate.has_value());
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM inbox WHERE topic = "
                                       "'orders/create' AND outcome = 'received'")),
              2);

    const qint64 events = countRows(QStringLiteral("SELECT COUNT(*) FROM order_events"));
    const qint64 exceptions
        = countRows(QStringLiteral("SELECT COUNT(*) FROM sync_exceptions WHERE entity = 'order'"));
    m_settings.options.insert(QStringLiteral("pullOrders"), true);
    m_connector.reset();
    const SyncCycleReport report = cycle();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM orders")), 2);
    EXPECT_EQ(countRows(QStringLiteral("SELECT COUNT(*) FROM order_events")), events);
    EXPECT_EQ(
        countRows(QStringLiteral("SELECT COUNT(*) FROM sync_exceptions WHERE entity = 'order'")),
        exceptions);
    ASSERT_TRUE(ShopifyWebhookIngest::unsubscribe(*m_client, subscribed.value()).ok());
}
