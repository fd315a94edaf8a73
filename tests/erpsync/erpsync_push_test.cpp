#include "erpsyncfixture.h"

namespace Ledgerdesk::Testing {
namespace {

TEST_F(ErpSyncTest, LedgerAdjustmentInTheOutboxReachesTheErpAndComesBackInSync)
{
    openConnector();
    cycle();
    const qint64 before = onHand(firstSku(), firstLocation());
    ASSERT_GE(before, 2);
    adjustLedgerAndEnqueue(-2, QStringLiteral("ledger-adjust-1"));

    const SyncCycleReport pushed = cycle();
    EXPECT_EQ(pushed.pushed, 1);
    EXPECT_EQ(pushed.failed, 0);
    EXPECT_EQ(erpOnHand(firstSku(), firstLocation()), before - 2);

    // The ERP's record of the change is read back and agrees with the ledger.
    const SyncCycleReport echoed = cycle();
    EXPECT_GE(echoed.pulled, 1);
    EXPECT_EQ(echoed.conflicts, 0);
    EXPECT_EQ(echoed.pushed, 0);
    EXPECT_TRUE(openErpExceptions().isEmpty());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'done'")), 1);
}

TEST_F(ErpSyncTest, EveryLedgerChangeToOnHandReachesTheErpOnce_andItsOwnFiguresAreNotSentBack)
{
    openConnector();
    cycle();
    const qint64 before = erpOnHand(firstSku(), firstLocation());
    ASSERT_GE(before, 2);
    // A sale Shopify reported, and a commitment that leaves on-hand where it is.
    PostingRequest sale = adjustment(
        QStringLiteral("sale-1"), m_temp.variant(firstSku()), m_temp.location(firstLocation()), -1);
    sale.source = QStringLiteral("shopify");
    ASSERT_TRUE(m_temp.ledger().post(sale).ok());
    PostingRequest commit = adjustment(QStringLiteral("commit-1"),
                                       m_temp.variant(firstSku()),
                                       m_temp.location(firstLocation()),
                                       -1);
    commit.lines[0].delta.set(QuantityName::Committed, 1);
    const auto committed = m_temp.ledger().post(commit);
    ASSERT_TRUE(committed.ok()) << committed.error().message.toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE target = 'erp'")), 1);

    qint64 pushed = 0;
    for (int i = 0; i < 3; ++i) {
        pushed += cycle().pushed;
    }
    EXPECT_EQ(pushed, 1);
    EXPECT_EQ(erpOnHand(firstSku(), firstLocation()), before - 1);
    EXPECT_EQ(onHand(firstSku(), firstLocation()), before - 1);
    for (const SyncException &e : openErpExceptions()) {
        ADD_FAILURE() << e.entityKey.toStdString() << ": " << e.errorText.toStdString();
    }

    // While the ERP owns on-hand, its own change is taken and not sent back to it.
    ASSERT_TRUE(
        OwnershipMap(m_temp.store())
            .setOwner(QStringLiteral("on_hand"), QStringLiteral("erp"), QStringLiteral("test"))
            .ok());
    adjustAtErp(firstSku(), firstLocation(), 3);
    cycle();
    cycle();
    EXPECT_EQ(onHand(firstSku(), firstLocation()), before + 2);
    EXPECT_EQ(erpOnHand(firstSku(), firstLocation()), before + 2);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE target = 'erp'")), 1);
    const QJsonObject counters = m_erp->inspect().value(QStringLiteral("counters")).toObject();
    EXPECT_EQ(counters.value(QStringLiteral("idempotentCreates")).toInteger(), 1);
}

TEST_F(ErpSyncTest, KeepOursOnAnErpConflictChangesTheErpOnce_andTheConflictStaysClosed)
{
    openConnector();
    cycle();
    const qint64 ours = onHand(firstSku(), firstLocation());
    adjustAtErp(firstSku(), firstLocation(), 5); // drift while the WMS owns on-hand
    cycle();
    const QList<SyncException> open = openErpExceptions();
    ASSERT_EQ(open.size(), 1);
    ASSERT_TRUE(ExceptionResolver::actionsFor(open.first()).keepOurs);
    ASSERT_TRUE(ExceptionResolver(m_temp.store())
                    .keepOursAndPush(open.first().id, QStringLiteral("maria"))
                    .ok());

    // The ERP's own state is what counts: its on-hand is the ledger's again, from one record.
    qint64 pushed = 0;
    for (int i = 0; i < 3; ++i) {
        pushed += cycle().pushed;
    }
    EXPECT_EQ(pushed, 1);
    EXPECT_EQ(erpOnHand(firstSku(), firstLocation()), ours);
    EXPECT_EQ(onHand(firstSku(), firstLocation()), ours);
    const QJsonObject counters = m_erp->inspect().value(QStringLiteral("counters")).toObject();
    EXPECT_EQ(counters.value(QStringLiteral("idempotentCreates")).toInteger(), 1);
    EXPECT_TRUE(openErpExceptions().isEmpty());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM sync_exceptions")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'done'")), 1);
}

TEST_F(ErpSyncTest, LostAnswerIsRetriedWithTheSameIdempotencyKeyAndAppliedOnce)
{
    openConnector();
    cycle();
    const qint64 before = erpOnHand(firstSku(), firstLocation());
    adjustLedgerAndEnqueue(-1, QStringLiteral("ledger-adjust-lost"));
    // The pull goes through; the create is applied at the ERP but its answer is lost.
    QObject::connect(m_connector.get(), &ErpConnector::pageApplied, [this] {
        ErpFaults lossy;
        lossy.resetRate = 1.0;
        m_erp->setFaults(lossy);
    });
    const SyncCycleReport lost = m_connector->runCycle();
    EXPECT_EQ(lost.failed, 1);
    EXPECT_EQ(lost.pushed, 0);
    QObject::disconnect(m_connector.get(), &ErpConnector::pageApplied, nullptr, nullptr);
    m_erp->setFaults(ErpFaults());
    EXPECT_EQ(erpOnHand(firstSku(), firstLocation()), before - 1);

    qint64 pushed = 0;
    for (int i = 0; i < 40 && pushed == 0; ++i) {
        spin(250); // until the outbox's backoff makes the row due again
        pushed += cycle().pushed;
    }
    EXPECT_EQ(pushed, 1);
    EXPECT_EQ(erpOnHand(firstSku(), firstLocation()), before - 1);
    const QJsonObject counters = m_erp->inspect().value(QStringLiteral("counters")).toObject();
    EXPECT_EQ(counters.value(QStringLiteral("idempotentCreates")).toInteger(), 1);
    EXPECT_EQ(counters.value(QStringLiteral("idempotentReplays")).toInteger(), 1);
}

TEST_F(ErpSyncTest, AdjustmentTheErpRejectsIsDeadLetteredWithItsReason)
{
    openConnector();
    cycle();
    const qint64 before = erpOnHand(firstSku(), firstLocation());
    adjustLedgerAndEnqueue(-(before + 5), QStringLiteral("ledger-adjust-too-far"), false);
    const SyncCycleReport report = cycle();
    EXPECT_EQ(report.failed, 1);
    EXPECT_EQ(erpOnHand(firstSku(), firstLocation()), before);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'dead' AND "
                                   "last_error LIKE '%below zero%'")),
              1);
}

} // namespace
} // namespace Ledgerdesk::Testing
