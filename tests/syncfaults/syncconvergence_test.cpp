#include <core/demo/democatalog.h>
#include <core/store/sql.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>
#include <tests/shopifysync/shopifysyncfixture.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>

#include <iostream>
#include <thread>

using namespace Ledgerdesk::Core;
using Ledgerdesk::ShopifySyncTests::ShopifySyncTest;

namespace {

const QString kEast = QStringLiteral("WH-EAST");

QString skuAt(int style, int variant)
{
    static const DemoCatalog catalog = DemoCatalog::generate();
    return catalog.styles().at(style).variants.at(variant).sku;
}

QJsonObject generousBucket()
{
    return {{QStringLiteral("maximumAvailable"), 20000}, {QStringLiteral("restoreRate"), 20000}};
}

QJsonObject smallBucket(const QString &mode)
{
    return {{QStringLiteral("maximumAvailable"), 300},
            {QStringLiteral("restoreRate"), 4000},
            {QStringLiteral("pressure"), 0.5},
            {QStringLiteral("mode"), mode}};
}

struct Knob
{
    const char *name;
    QJsonObject faults;
};

QList<Knob> knobs()
{
    const QJsonObject latency{{QStringLiteral("distribution"), QStringLiteral("lognormal")},
                              {QStringLiteral("medianMs"), 10},
                              {QStringLiteral("p99Ms"), 150}};
    return {
        {"latency", {{QStringLiteral("latency"), latency}}},
        {"resets after apply", {{QStringLiteral("resetRate"), 0.3}}},
        {"server errors", {{QStringLiteral("serverErrorRate"), 0.3}}},
        {"malformed", {{QStringLiteral("malformedRate"), 0.3}}},
        {"truncated", {{QStringLiteral("truncatedRate"), 0.3}}},
        {"wrong shape", {{QStringLiteral("wrongShapeRate"), 0.3}}},
        {"throttle pressure", {{QStringLiteral("throttle"), smallBucket(QStringLiteral("body"))}}},
        {"throttle 429", {{QStringLiteral("throttle"), smallBucket(QStringLiteral("http429"))}}},
        {"drift", {{QStringLiteral("countDriftPerHour"), 3600}}},
        {"down", {{QStringLiteral("down"), true}}},
        {"clock skew", {{QStringLiteral("clockSkewSeconds"), 300}}},
    };
}

// Called from another thread, so it uses a network manager of its own.
void endFaults(const QString &baseUrl)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(baseUrl + QStringLiteral("/_sandbox/control")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QJsonObject command{
        {QStringLiteral("system"), QStringLiteral("shopify")},
        {QStringLiteral("action"), QStringLiteral("setFaults")},
        {QStringLiteral("faults"), QJsonObject{{QStringLiteral("throttle"), generousBucket()}}}};
    QNetworkReply *reply = network.post(request, QJsonDocument(command).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    delete reply;
}

} // namespace

class SyncConvergenceTest : public ShopifySyncTest
{
protected:
    // Rows waiting out a retry delay are made due: convergence, not the backoff schedule, is
    // what these tests judge.
    void makeOutboxDue()
    {
        ASSERT_TRUE(runQuery(m_ledger.store().connection(),
                             QStringLiteral("UPDATE outbox SET next_attempt_at = 0 WHERE status = "
                                            "'pending'"))
                        .ok());
    }

    qint64 pendingRows()
    {
        auto q = runQuery(m_ledger.store().connection(),
                          QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status IN "
                                         "('pending', 'in_flight')"));
        EXPECT_TRUE(q.ok());
        return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
    }

    // Cycles until one changes nothing and nothing waits in the outbox.
    void cycleUntilQuiet()
    {
        for (int pass = 0; pass < 12; ++pass) {
            makeOutboxDue();
            const SyncCycleReport report = cycle();
            if (report.error.isEmpty() && report.pushed + report.applied + report.failed == 0
                && pendingRows() == 0) {
                return;
            }
        }
        ADD_FAILURE() << "the sync did not settle after the faults stopped";
    }

    QSet<QString> openExceptionKeys()
    {
        auto listed = ExceptionStore(m_ledger.store()).list(ExceptionFilter::unresolved());
        EXPECT_TRUE(listed.ok());
        QSet<QString> keys;
        for (const SyncException &e : listed.ok() ? listed.value() : QList<SyncException>()) {
            if (const auto key = InventoryKey::parse(e.entityKey)) {
                keys.insert(key->sku + u'@' + key->locationCode);
            }
        }
        return keys;
    }

    // Every touched level agrees, or an open exception explains it; the totals differ by no
    // more than the explained differences; no key was ever applied twice.
    void expectConverged(const QList<QPair<QString, QString>> &touched)
    {
        const QSet<QString> explained = openExceptionKeys();
        qint64 explainedDifference = 0;
        for (const QString &text : explained) {
            const QString sku = text.section(u'@', 0, -2);
            const QString code = text.section(u'@', -1);
            explainedDifference += ledgerAvailable(sku, code) - shopifyAvailable(sku, code);
        }
        for (const auto &[sku, code] : touched) {
            const QString key = sku + u'@' + code;
            if (!explained.contains(key)) {
                EXPECT_EQ(ledgerAvailable(sku, code), shopifyAvailable(sku, code))
                    << key.toStdString();
            }
        }
        EXPECT_EQ(ledgerTotalAvailable() - explainedDifference, shopifyTotalAvailable());
        const QJsonArray records = m_sandbox.get(QStringLiteral("/_sandbox/idempotency"))
                                       .json()[QStringLiteral("keys")]
                                       .toArray();
        for (const QJsonValue &record : records) {
            EXPECT_LE(record[QStringLiteral("applied")].toInteger(), 1)
                << record[QStringLiteral("key")].toString().toStdString();
        }
    }
};

TEST_F(SyncConvergenceTest, everyShopifyFaultKnobConvergesOnceTheFaultsStop)
{
    firstCycleAcceptingShopify();
    const QList<Knob> all = knobs();
    QList<QPair<QString, QString>> touched;
    for (int round = 0; round < all.size(); ++round) {
        const Knob &knob = all.at(round);
        SCOPED_TRACE(knob.name);
        QJsonObject faults = knob.faults;
        if (!faults.contains(QStringLiteral("throttle"))) {
            faults.insert(QStringLiteral("throttle"), generousBucket());
        }
        setFaults(faults);
        // Both sides change while the fault is on: ledger postings that push, and Shopify
        // changes the pull must bring in. Each round uses SKUs of its own.
        for (int i = 0; i < 3; ++i) {
            const QString pushed = skuAt(20 + round * 6 + i, 0);
            const QString pulled = skuAt(23 + round * 6 + i, 0);
            adjustLedger(QStringLiteral("fault-%1-%2").arg(round).arg(i), pushed, kEast, 2 + i);
            setShopifyLevel(pulled, kEast, 40 + round + i);
            touched << qMakePair(pushed, kEast) << qMakePair(pulled, kEast);
        }
        if (QString::fromLatin1(knob.name) == u"drift") {
            for (int i = 0; i < 5; ++i) {
                m_sandbox.control({{QStringLiteral("system"), QStringLiteral("shopify")},
                                   {QStringLiteral("action"), QStringLiteral("drift")}});
            }
        }
        QElapsedTimer timer;
        timer.start();
        if (faults.contains(QStringLiteral("down"))) {
            // The shop comes back while a cycle is retrying against it.
            std::thread later([url = m_sandbox.baseUrl()] {
                QThread::msleep(1500);
                endFaults(url);
            });
            cycle();
            later.join();
        } else {
            for (int pass = 0; pass < 2; ++pass) {
                cycle(); // errors are expected while the fault is on
            }
        }
        setFaults({{QStringLiteral("throttle"), generousBucket()}});
        cycleUntilQuiet();
        expectConverged(touched);
        std::cout << knob.name << ": converged in " << timer.elapsed() << " ms\n";
        if (HasFailure()) {
            std::cout << "first failing knob: " << knob.name << '\n';
            return;
        }
    }
}
