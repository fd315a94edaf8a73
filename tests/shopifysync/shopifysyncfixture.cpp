#include "shopifysyncfixture.h"

#include <core/demo/demoseeder.h>
#include <core/store/sql.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/ownershipmap.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Ledgerdesk::ShopifySyncTests {

using namespace Core;

void ShopifySyncTest::SetUp()
{
    ASSERT_TRUE(m_dir.isValid());
    const QString faults = m_dir.filePath(QStringLiteral("faults.json"));
    QFile file(faults);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"shopify": {"throttle": {"maximumAvailable": 20000, "restoreRate": 20000}}})");
    file.close();
    ASSERT_TRUE(m_sandbox.start({QStringLiteral("--faults"), faults}))
        << m_sandbox.output().toStdString();
    const auto seeded = seedDemoLedger(m_ledger.store());
    ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();
    const QJsonObject connection = m_sandbox.get(QStringLiteral("/_sandbox/connection")).json();
    auto settings
        = ConnectionSettings::fromConnectionFile(connection, QStringLiteral("shopify"), m_secrets);
    ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();
    m_settings = settings.value();
}

ShopifyConnector &ShopifySyncTest::connector()
{
    if (!m_connector) {
        m_connector = std::make_unique<ShopifyConnector>(m_ledger.store(), m_secrets, m_settings);
        const Status opened = m_connector->open();
        EXPECT_TRUE(opened.ok()) << opened.error().message.toStdString();
    }
    return *m_connector;
}

SyncCycleReport ShopifySyncTest::cycle()
{
    return connector().runCycle();
}

void ShopifySyncTest::firstCycleAcceptingShopify()
{
    setOnHandOwner(QStringLiteral("shopify"));
    const SyncCycleReport report = cycle();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    ASSERT_EQ(ledgerTotalAvailable(), shopifyTotalAvailable());
    setOnHandOwner(QString());
}

qint64 ShopifySyncTest::ledgerAvailable(const QString &sku, const QString &code)
{
    const auto balance = m_ledger.ledger().balance(m_ledger.variant(sku), m_ledger.location(code));
    EXPECT_TRUE(balance.ok());
    return balance.ok() ? balance.value().get(QuantityName::Available) : -1;
}

qint64 ShopifySyncTest::ledgerTotalAvailable()
{
    auto q = runQuery(m_ledger.store().connection(),
                      QStringLiteral("SELECT COALESCE(SUM(available), 0) FROM balances"));
    EXPECT_TRUE(q.ok());
    return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
}

qint64 ShopifySyncTest::shopifyAvailable(const QString &sku, const QString &code)
{
    const QJsonArray levels
        = m_sandbox.get(QStringLiteral("/_sandbox/state?system=shopify&sku=") + sku)
              .json()[QStringLiteral("shopify")][QStringLiteral("levels")]
              .toArray();
    for (const QJsonValue &level : levels) {
        if (level[QStringLiteral("location")].toString() == code) {
            return level[QStringLiteral("quantities")][QStringLiteral("available")].toInteger();
        }
    }
    ADD_FAILURE() << "the sandbox has no level for " << sku.toStdString() << " at "
                  << code.toStdString();
    return -1;
}

qint64 ShopifySyncTest::shopifyTotalAvailable()
{
    return m_sandbox.get(QStringLiteral("/_sandbox/state?system=shopify"))
        .json()[QStringLiteral("shopify")][QStringLiteral("totalAvailable")]
        .toInteger();
}

void ShopifySyncTest::setShopifyLevel(const QString &sku, const QString &code, qint64 quantity)
{
    const QJsonObject answer
        = m_sandbox.control({{QStringLiteral("system"), QStringLiteral("shopify")},
                             {QStringLiteral("action"), QStringLiteral("setLevel")},
                             {QStringLiteral("sku"), sku},
                             {QStringLiteral("location"), code},
                             {QStringLiteral("name"), QStringLiteral("available")},
                             {QStringLiteral("quantity"), quantity}});
    ASSERT_FALSE(answer.contains(QStringLiteral("error")))
        << QJsonDocument(answer).toJson().toStdString();
}

void ShopifySyncTest::adjustLedger(const QString &reference,
                                   const QString &sku,
                                   const QString &code,
                                   qint64 delta)
{
    const auto posted = m_ledger.ledger().post(
        Testing::adjustment(reference, m_ledger.variant(sku), m_ledger.location(code), delta));
    ASSERT_TRUE(posted.ok()) << posted.error().message.toStdString();
}

void ShopifySyncTest::setOnHandOwner(const QString &system)
{
    if (system.isEmpty()) {
        ASSERT_TRUE(runQuery(m_ledger.store().connection(),
                             QStringLiteral("DELETE FROM ownership WHERE data_kind = 'on_hand'"))
                        .ok());
        return;
    }
    ASSERT_TRUE(OwnershipMap(m_ledger.store())
                    .setOwner(QStringLiteral("on_hand"), system, QStringLiteral("tester"))
                    .ok());
}

QJsonObject ShopifySyncTest::idempotency(const QString &key)
{
    return m_sandbox.get(QStringLiteral("/_sandbox/idempotency?key=") + key).json();
}

QStringList ShopifySyncTest::shopifyOutboxKeys()
{
    QStringList keys;
    auto q = runQuery(m_ledger.store().connection(),
                      QStringLiteral("SELECT idempotency_key FROM outbox WHERE target = "
                                     "'shopify' ORDER BY id"));
    EXPECT_TRUE(q.ok());
    while (q.ok() && q.value().next()) {
        keys << q.value().value(0).toString();
    }
    return keys;
}

QStringList ShopifySyncTest::sentShopifyKeys()
{
    QStringList keys;
    auto q = runQuery(m_ledger.store().connection(),
                      QStringLiteral("SELECT response FROM outbox WHERE target = 'shopify' AND "
                                     "status = 'done' ORDER BY id"));
    EXPECT_TRUE(q.ok());
    while (q.ok() && q.value().next()) {
        const QString key = QJsonDocument::fromJson(q.value().value(0).toString().toUtf8())
                                .object()
                                .value(QStringLiteral("idempotencyKey"))
                                .toString();
        if (!key.isEmpty() && !keys.contains(key)) {
            keys << key;
        }
    }
    return keys;
}

QList<SyncException> ShopifySyncTest::openExceptions(ExceptionKind kind)
{
    ExceptionFilter filter = ExceptionFilter::unresolved();
    filter.kind = kind;
    auto listed = ExceptionStore(m_ledger.store()).list(filter);
    EXPECT_TRUE(listed.ok());
    return listed.ok() ? listed.value() : QList<SyncException>();
}

void ShopifySyncTest::setFaults(const QJsonObject &shopifyFaults)
{
    const QJsonObject answer
        = m_sandbox.control({{QStringLiteral("system"), QStringLiteral("shopify")},
                             {QStringLiteral("action"), QStringLiteral("setFaults")},
                             {QStringLiteral("faults"), shopifyFaults}});
    ASSERT_TRUE(answer.contains(QStringLiteral("faults")))
        << QJsonDocument(answer).toJson().toStdString();
}

} // namespace Ledgerdesk::ShopifySyncTests
