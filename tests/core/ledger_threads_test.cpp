#include <tests/support/tempstore.h>

#include <QThread>

#include <gtest/gtest.h>

#include <atomic>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

// Each thread gets its own named connection; writers serialise on the ledger's write lock.
TEST(LedgerThreads, concurrentWritersOnTheirOwnConnectionsLoseNothing)
{
    TempStore t;
    t.seedBasics();
    const VariantId sku = t.variant(QStringLiteral("FJ-NAVY-S"));
    const LocationId east = t.location(QStringLiteral("WH-EAST"));
    constexpr int kPerThread = 150;
    std::atomic_int failures{0};
    QList<QThread *> threads;
    for (int w = 0; w < 3; ++w) {
        threads << QThread::create([&t, &failures, sku, east, w] {
            Ledger ledger(t.store());
            for (int i = 0; i < kPerThread; ++i) {
                const auto reference = QStringLiteral("w%1-%2").arg(w).arg(i);
                if (!ledger.post(adjustment(reference, sku, east, 1)).ok()) {
                    ++failures;
                }
            }
            t.store().closeThreadConnection();
        });
    }
    for (QThread *thread : threads) {
        thread->start();
    }
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(t.ledger().balance(sku, east).value().available(), 3 * kPerThread);
    EXPECT_TRUE(t.ledger().verify().value().consistent());
}
