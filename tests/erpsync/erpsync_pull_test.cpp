#include "erpsyncfixture.h"

namespace Ledgerdesk::Testing {
namespace {

TEST_F(ErpSyncTest, FirstCyclePagesThroughEveryItemLocationAndAgrees)
{
    openConnector();
    int pages = 0;
    QObject::connect(m_connector.get(), &ErpConnector::pageApplied, [&pages] { ++pages; });
    const SyncCycleReport report = cycle();
    EXPECT_EQ(report.pulled, m_cells);
    EXPECT_EQ(report.conflicts, 0);
    EXPECT_EQ(report.applied, 0);
    EXPECT_EQ(pages, int((m_cells + kPageSize - 1) / kPageSize));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM sync_values WHERE system = 'erp' AND "
                                   "entity = 'inventory' AND base_value = external_value")),
              m_cells);
    EXPECT_TRUE(openErpExceptions().isEmpty());
    EXPECT_EQ(m_connector->cursor().value(), QStringLiteral("2026-01-05T08:00:00.000Z"));

    // Nothing changed at the ERP: the incremental pass reads nothing.
    const SyncCycleReport again = cycle();
    EXPECT_EQ(again.pulled, 0);
    EXPECT_EQ(again.applied, 0);
}

TEST_F(ErpSyncTest, ErpAdjustmentIsDriftWhileTheWmsOwnsOnHand)
{
    openConnector();
    cycle();
    const qint64 before = onHand(firstSku(), firstLocation());
    adjustAtErp(firstSku(), firstLocation(), 5);

    const SyncCycleReport report = cycle();
    EXPECT_GE(report.pulled, 1);
    EXPECT_LT(report.pulled, m_cells);
    EXPECT_EQ(report.applied, 0);
    EXPECT_EQ(report.conflicts, 1);
    EXPECT_EQ(onHand(firstSku(), firstLocation()), before);
    const QList<SyncException> open = openErpExceptions();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.at(0).kind, ExceptionKind::Conflict);
    EXPECT_EQ(open.at(0).entity, QStringLiteral("inventory"));
    EXPECT_EQ(open.at(0).entityKey,
              InventoryKey({firstSku(), firstLocation(), QuantityName::OnHand}).toString());
    EXPECT_EQ(open.at(0).baseValue, QString::number(before));
    EXPECT_EQ(open.at(0).ledgerValue, QString::number(before));
    EXPECT_EQ(open.at(0).externalValue, QString::number(before + 5));
}

TEST_F(ErpSyncTest, ErpAdjustmentIsTakenWhenTheErpOwnsOnHand)
{
    ASSERT_TRUE(
        OwnershipMap(m_temp.store())
            .setOwner(QStringLiteral("on_hand"), QStringLiteral("erp"), QStringLiteral("test"))
            .ok());
    openConnector();
    cycle();
    const qint64 before = onHand(firstSku(), firstLocation());
    ASSERT_GE(before, 2);
    adjustAtErp(firstSku(), firstLocation(), -2);

    const SyncCycleReport report = cycle();
    EXPECT_EQ(report.applied, 1);
    EXPECT_EQ(report.conflicts, 0);
    EXPECT_EQ(onHand(firstSku(), firstLocation()), before - 2);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM postings WHERE source = 'erp' AND "
                                   "reason = 'count'")),
              1);
    EXPECT_TRUE(openErpExceptions().isEmpty());

    // Read again inside the cursor overlap: the same ERP change is not posted twice.
    const SyncCycleReport again = cycle();
    EXPECT_EQ(again.applied, 0);
    EXPECT_EQ(onHand(firstSku(), firstLocation()), before - 2);
}

TEST_F(ErpSyncTest, BadTokenSecretIsAnAuthenticationFailureAndAppliesNothing)
{
    openConnector(QStringLiteral("not-the-token-secret"));
    const SyncCycleReport report = m_connector->runCycle();
    EXPECT_FALSE(report.error.isEmpty());
    EXPECT_TRUE(report.error.contains(QStringLiteral("INVALID_LOGIN")))
        << report.error.toStdString();
    EXPECT_EQ(report.pulled, 0);
    const QList<SyncException> open = openErpExceptions();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.at(0).kind, ExceptionKind::AuthenticationFailure);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM sync_values WHERE system = 'erp'")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM postings WHERE source = 'erp'")), 0);
    EXPECT_TRUE(m_connector->cursor().value().isEmpty());
}

TEST_F(ErpSyncTest, ConcurrencyLimitedErpStillCompletesTheCycle)
{
    ErpFaults faults;
    faults.concurrencyLimit = 1;
    faults.latencyMinMs = 250;
    faults.latencyMaxMs = 250;
    m_erp->setFaults(faults);
    openConnector({}, {{QStringLiteral("pageSize"), 200}});
    // Another integration holds the account's only slot when the cycle starts.
    QNetworkReply *other = send("POST",
                                QStringLiteral("/services/rest/query/v1/suiteql?limit=5"),
                                {{QStringLiteral("q"), QStringLiteral("SELECT id FROM item")}});
    ASSERT_TRUE(erpBusy());
    const SyncCycleReport report = cycle();
    EXPECT_EQ(report.pulled, m_cells);
    EXPECT_GE(m_connector->throttledAnswers(), 1);
    const QJsonObject counters = m_erp->inspect().value(QStringLiteral("counters")).toObject();
    EXPECT_GE(counters.value(QStringLiteral("throttled429")).toInteger(), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM sync_values WHERE system = 'erp'")),
              m_cells);
    wait(other);
    other->deleteLater();
}

TEST_F(ErpSyncTest, ThrottlingPastTheAttemptLimitFailsTheCycleCleanly)
{
    ErpFaults faults;
    faults.concurrencyLimit = 1;
    faults.latencyMinMs = 1500;
    faults.latencyMaxMs = 1500;
    m_erp->setFaults(faults);
    openConnector({}, {{QStringLiteral("maxAttempts"), 2}, {QStringLiteral("retryBaseMs"), 10}});
    QNetworkReply *other = send("POST",
                                QStringLiteral("/services/rest/query/v1/suiteql?limit=5"),
                                {{QStringLiteral("q"), QStringLiteral("SELECT id FROM item")}});
    ASSERT_TRUE(erpBusy());
    const SyncCycleReport report = m_connector->runCycle();
    EXPECT_TRUE(report.error.contains(QStringLiteral("CONCURRENCY_LIMIT_EXCEEDED")))
        << report.error.toStdString();
    EXPECT_EQ(m_connector->throttledAnswers(), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM sync_values WHERE system = 'erp'")), 0);
    wait(other);
    other->deleteLater();
}

TEST_F(ErpSyncTest, PageErrorMidCycleAppliesNothingOfThatPageAndTheNextCycleRecovers)
{
    openConnector();
    int pages = 0;
    QObject::connect(m_connector.get(), &ErpConnector::pageApplied, [this, &pages] {
        if (++pages == 1) {
            ErpFaults down;
            down.down = true;
            m_erp->setFaults(down);
        }
    });
    const SyncCycleReport failed = m_connector->runCycle();
    EXPECT_TRUE(failed.error.contains(QStringLiteral("SERVICE_UNAVAILABLE")))
        << failed.error.toStdString();
    EXPECT_EQ(failed.pulled, kPageSize);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM sync_values WHERE system = 'erp'")),
              kPageSize);
    EXPECT_TRUE(m_connector->cursor().value().isEmpty());

    m_erp->setFaults(ErpFaults());
    const SyncCycleReport recovered = cycle();
    EXPECT_EQ(recovered.pulled, m_cells);
    EXPECT_EQ(recovered.conflicts, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM sync_values WHERE system = 'erp'")),
              m_cells);
    EXPECT_FALSE(m_connector->cursor().value().isEmpty());
}

TEST_F(ErpSyncTest, SuiteQlErrorsCarryTheErpsErrorDetails)
{
    ErpClientOptions options;
    options.suiteqlUrl = QUrl(url(QStringLiteral("/services/rest/query/v1/suiteql")));
    options.credentials = ErpCredentials::demo().toOAuth();
    ErpClient client(options);
    const auto page = client.suiteQl(QStringLiteral("SELECT id FROM warehouse"), 10, 0);
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().code, ErrorCode::Validation);
    EXPECT_TRUE(page.error().message.contains(QStringLiteral("Unknown table warehouse")))
        << page.error().message.toStdString();
    EXPECT_FALSE(client.suiteQl(QStringLiteral("SELECT id FROM item"), 1001, 0).ok());

    const auto ok = client.suiteQl(QStringLiteral("SELECT id, itemid FROM item"), 10, 10);
    ASSERT_TRUE(ok.ok()) << ok.error().message.toStdString();
    EXPECT_EQ(ok.value().items.size(), 10);
    EXPECT_EQ(ok.value().offset, 10);
    EXPECT_TRUE(ok.value().hasMore);
}

TEST_F(ErpSyncTest, OpenRefusesAConnectionWithoutItsSecrets)
{
    ConnectionSettings settings;
    settings.system = QStringLiteral("erp");
    settings.kind = QStringLiteral("netsuite");
    settings.options = {{QStringLiteral("suiteqlUrl"), url(QStringLiteral("/x"))},
                        {QStringLiteral("accountId"), QStringLiteral("1")},
                        {QStringLiteral("consumerKey"), QStringLiteral("k")},
                        {QStringLiteral("tokenId"), QStringLiteral("t")}};
    ErpConnector connector(m_temp.store(), m_secrets, settings);
    const Status opened = connector.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::Unauthorized);
    EXPECT_FALSE(connector.runCycle().error.isEmpty());
}

} // namespace
} // namespace Ledgerdesk::Testing
