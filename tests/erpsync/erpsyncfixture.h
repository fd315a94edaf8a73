#pragma once

#include <app/sandbox/erp/erpstandin.h>
#include <core/connectors/erp/erpclient.h>
#include <core/connectors/erp/erpconnector.h>
#include <core/demo/democatalog.h>
#include <core/demo/demoseeder.h>
#include <core/store/sql.h>
#include <core/sync/exceptionresolver.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outbox.h>
#include <core/sync/ownershipmap.h>
#include <core/sync/secretstore.h>
#include <tests/support/tempstore.h>

#include <QEventLoop>
#include <QHttpServer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <gtest/gtest.h>

#include <memory>

namespace Ledgerdesk::Testing {

using namespace Ledgerdesk::Core;
using Sandbox::ErpCredentials;
using Sandbox::ErpFaults;
using Sandbox::ErpStandIn;

inline constexpr int kPageSize = 25;

inline void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// A demo ledger and the ERP stand-in (in process, on a loopback QHttpServer) seeded from the
// same catalogue, so every item-location agrees until a test changes one side.
class ErpSyncTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_erp = std::make_unique<ErpStandIn>(m_catalog, 2026, ErpCredentials::demo());
        m_erp->mount(m_server);
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        ASSERT_NE(m_port, 0);
        const auto seeded = seedDemoLedger(m_temp.store(), m_catalog);
        ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();
        m_cells = qint64(seeded.value().variants) * seeded.value().locations;
        ASSERT_GT(m_cells, 2 * kPageSize) << "the catalogue must span several pages";
    }

    // The connection entry the sandbox writes, imported the way the console imports it.
    void openConnector(const QString &tokenSecret = QString(), QJsonObject extra = {})
    {
        const ErpCredentials demo = ErpCredentials::demo();
        QJsonObject erp{
            {QStringLiteral("kind"), QStringLiteral("netsuite")},
            {QStringLiteral("suiteqlUrl"), url(QStringLiteral("/services/rest/query/v1/suiteql"))},
            {QStringLiteral("accountId"), demo.realm},
            {QStringLiteral("consumerKey"), demo.consumerKey},
            {QStringLiteral("consumerSecret"), demo.consumerSecret},
            {QStringLiteral("tokenId"), demo.tokenId},
            {QStringLiteral("tokenSecret"), tokenSecret.isEmpty() ? demo.tokenSecret : tokenSecret},
            {QStringLiteral("pageSize"), kPageSize},
            {QStringLiteral("retryBaseMs"), 20},
            {QStringLiteral("maxAttempts"), 12},
            // The level tests leave the sales-order intake out; the order tests turn it on.
            {QStringLiteral("salesOrders"), false}};
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            erp.insert(it.key(), it.value());
        }
        const QJsonObject file{
            {QStringLiteral("format"), QStringLiteral("ledgerdesk-connection")},
            {QStringLiteral("systems"), QJsonObject{{QStringLiteral("erp"), erp}}}};
        const auto settings
            = ConnectionSettings::fromConnectionFile(file, QStringLiteral("erp"), m_secrets);
        ASSERT_TRUE(settings.ok()) << settings.error().message.toStdString();
        EXPECT_FALSE(settings.value().options.contains(QStringLiteral("tokenSecret")));
        m_connector = std::make_unique<ErpConnector>(m_temp.store(), m_secrets, settings.value());
        const Status opened = m_connector->open();
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    }

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }

    SyncCycleReport cycle()
    {
        const SyncCycleReport report = m_connector->runCycle();
        EXPECT_TRUE(report.error.isEmpty()) << report.error.toStdString();
        return report;
    }

    // A signed request to the ERP's REST record service, as another ERP user would make it.
    QNetworkReply *send(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        const QUrl target(url(path));
        QNetworkRequest request(target);
        request.setRawHeader("Authorization", m_signer.authorizationHeader(method, target));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Prefer", "transient");
        return m_nam.sendCustomRequest(request, method, QJsonDocument(body).toJson());
    }

    QJsonObject suiteQl(const QString &query)
    {
        QNetworkReply *reply = send("POST",
                                    QStringLiteral("/services/rest/query/v1/suiteql?limit=1000"),
                                    {{QStringLiteral("q"), query}});
        wait(reply);
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return json;
    }

    static void wait(QNetworkReply *reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        if (!reply->isFinished()) {
            loop.exec();
        }
        ASSERT_TRUE(reply->isFinished());
    }

    // The ERP's internal ids of the first variant at the first location.
    std::pair<QString, QString> erpIds(const QString &sku, const QString &code)
    {
        const QJsonArray items
            = suiteQl(QStringLiteral("SELECT id FROM item WHERE itemid = '%1'").arg(sku))
                  .value(QStringLiteral("items"))
                  .toArray();
        const QJsonArray locations
            = suiteQl(QStringLiteral("SELECT id FROM location WHERE name = '%1'").arg(code))
                  .value(QStringLiteral("items"))
                  .toArray();
        EXPECT_EQ(items.size(), 1) << sku.toStdString();
        EXPECT_EQ(locations.size(), 1);
        return {items.at(0).toObject().value(QStringLiteral("id")).toVariant().toString(),
                locations.at(0).toObject().value(QStringLiteral("id")).toVariant().toString()};
    }

    // Adjusts on-hand at the ERP through an inventoryAdjustment record.
    void adjustAtErp(const QString &sku, const QString &code, qint64 by)
    {
        const auto [item, location] = erpIds(sku, code);
        QNetworkReply *reply = send(
            "POST",
            QStringLiteral("/services/rest/record/v1/inventoryAdjustment"),
            {{QStringLiteral("memo"), QStringLiteral("cycle count")},
             {QStringLiteral("inventory"),
              QJsonObject{
                  {QStringLiteral("items"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("item"), QJsonObject{{QStringLiteral("id"), item}}},
                       {QStringLiteral("location"), QJsonObject{{QStringLiteral("id"), location}}},
                       {QStringLiteral("adjustQtyBy"), by}}}}}}});
        wait(reply);
        EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201)
            << reply->readAll().toStdString();
        reply->deleteLater();
    }

    qint64 onHand(const QString &sku, const QString &code)
    {
        auto q = runQuery(m_temp.store().connection(),
                          QStringLiteral("SELECT b.available + b.committed + b.reserved + "
                                         "b.damaged + b.quality_control + b.safety_stock "
                                         "FROM balances b JOIN variants v ON v.id = "
                                         "b.variant_id JOIN locations l ON l.id = "
                                         "b.location_id WHERE v.sku = ? AND l.code = ?"),
                          {sku, code});
        EXPECT_TRUE(q.ok());
        return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
    }

    qint64 count(const QString &sql)
    {
        auto q = runQuery(m_temp.store().connection(), sql);
        EXPECT_TRUE(q.ok());
        return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
    }

    QList<SyncException> openErpExceptions()
    {
        ExceptionFilter filter = ExceptionFilter::unresolved();
        filter.system = QStringLiteral("erp");
        const auto listed = ExceptionStore(m_temp.store()).list(filter);
        EXPECT_TRUE(listed.ok());
        return listed.ok() ? listed.value() : QList<SyncException>();
    }

    // A ledger adjustment at the first cell, which queues its own row for the ERP (the ERP
    // follows the ledger's on-hand once its connector opened); or, with `inLedger` false, only
    // such a row, for an adjustment the ledger could not hold.
    void adjustLedgerAndEnqueue(qint64 delta, const QString &key, bool inLedger = true)
    {
        if (inLedger) {
            const auto posted = m_temp.ledger().post(adjustment(
                key, m_temp.variant(firstSku()), m_temp.location(firstLocation()), delta));
            ASSERT_TRUE(posted.ok()) << posted.error().message.toStdString();
            return;
        }
        OutboxItem item;
        item.idempotencyKey = key;
        item.target = QStringLiteral("erp");
        item.kind = QStringLiteral("inventory.adjust");
        item.entityKey = InventoryKey{firstSku(), firstLocation(), QuantityName::OnHand}.toString();
        item.payload = QJsonDocument(QJsonObject{{QStringLiteral("sku"), firstSku()},
                                                 {QStringLiteral("location"), firstLocation()},
                                                 {QStringLiteral("delta"), delta}})
                           .toJson(QJsonDocument::Compact);
        QSqlDatabase db = m_temp.store().connection();
        WriteTransaction tx(db, m_temp.store().dialect());
        ASSERT_TRUE(tx.begun().ok());
        ASSERT_TRUE(Outbox::enqueue(db, item, nowUtcMillis()).ok());
        ASSERT_TRUE(tx.commit().ok());
    }

    qint64 erpOnHand(const QString &sku, const QString &code)
    {
        const auto [item, location] = erpIds(sku, code);
        const QJsonArray rows
            = suiteQl(QStringLiteral("SELECT quantityonhand FROM inventoryitemlocations WHERE "
                                     "item = '%1' AND location = '%2'")
                          .arg(item, location))
                  .value(QStringLiteral("items"))
                  .toArray();
        EXPECT_EQ(rows.size(), 1);
        return rows.at(0).toObject().value(QStringLiteral("quantityonhand")).toInteger(-1);
    }

    // True once the ERP holds a request in flight (the account's only slot, in these tests).
    bool erpBusy()
    {
        for (int i = 0; i < 400; ++i) {
            if (m_erp->inspect().value(QStringLiteral("inFlight")).toInt() > 0) {
                return true;
            }
            spin(5);
        }
        return false;
    }

    QString firstSku() const { return m_catalog.styles().at(0).variants.at(0).sku; }

    QString firstLocation() const { return m_catalog.locations().at(0).code; }

    Core::DemoCatalog m_catalog = Core::DemoCatalog::generate(2026, 6);
    TempStore m_temp;
    InMemorySecretStore m_secrets;
    QHttpServer m_server;
    std::unique_ptr<ErpStandIn> m_erp;
    quint16 m_port = 0;
    qint64 m_cells = 0;
    OAuth1Signer m_signer{ErpCredentials::demo().toOAuth()};
    QNetworkAccessManager m_nam;
    std::unique_ptr<ErpConnector> m_connector;
};

} // namespace Ledgerdesk::Testing
