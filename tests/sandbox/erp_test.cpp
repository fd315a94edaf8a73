#include <app/sandbox/erp/erpstandin.h>
#include <core/demo/democatalog.h>
#include <core/net/oauth1signer.h>

#include <QDateTime>
#include <QEventLoop>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>

#include <gtest/gtest.h>

#include <memory>

using namespace Ledgerdesk;
using namespace Ledgerdesk::Sandbox;

namespace {

struct Answer
{
    int status = 0;
    QJsonObject json;
    QByteArray location;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QString errorCode() const
    {
        return json.value(QStringLiteral("o:errorDetails"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("o:errorCode"))
            .toString();
    }
};

Answer collect(QNetworkReply *reply)
{
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.json = QJsonDocument::fromJson(reply->readAll()).object();
    answer.location = reply->rawHeader("Location");
    answer.error = reply->error();
    reply->deleteLater();
    return answer;
}

bool waitFor(QNetworkReply *reply)
{
    if (reply->isFinished()) {
        return true;
    }
    QEventLoop loop;
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    return reply->isFinished();
}

class ErpStandInTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_erp = std::make_unique<ErpStandIn>(m_catalog, 7, ErpCredentials::demo());
        m_erp->mount(m_server);
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        ASSERT_NE(m_port, 0);
    }

    QUrl url(const QString &pathAndQuery) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
    }

    QNetworkReply *send(QNetworkAccessManager &nam,
                        const QByteArray &method,
                        const QUrl &target,
                        const QJsonObject &body = {},
                        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(target);
        request.setRawHeader("Authorization", m_signer.authorizationHeader(method, target));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        for (const auto &[name, value] : headers) {
            request.setRawHeader(name, value);
        }
        const QByteArray bytes
            = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        return nam.sendCustomRequest(request, method, bytes);
    }

    Answer call(const QByteArray &method,
                const QString &pathAndQuery,
                const QJsonObject &body = {},
                const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkReply *reply = send(m_nam, method, url(pathAndQuery), body, headers);
        EXPECT_TRUE(waitFor(reply)) << "no answer for " << pathAndQuery.toStdString();
        return collect(reply);
    }

    Answer suiteQl(const QString &query, const QString &paging = QStringLiteral("limit=1000"))
    {
        return call("POST",
                    QStringLiteral("/services/rest/query/v1/suiteql?") + paging,
                    {{QStringLiteral("q"), query}},
                    {{"Prefer", "transient"}});
    }

    QJsonArray suiteQlAll(const QString &query, int limit)
    {
        QJsonArray rows;
        for (int offset = 0;; offset += limit) {
            const Answer page
                = suiteQl(query, QStringLiteral("limit=%1&offset=%2").arg(limit).arg(offset));
            EXPECT_EQ(page.status, 200);
            for (const QJsonValue &row : page.json.value(QStringLiteral("items")).toArray()) {
                rows.append(row);
            }
            if (page.status != 200 || !page.json.value(QStringLiteral("hasMore")).toBool()) {
                break;
            }
        }
        return rows;
    }

    qint64 firstItemId()
    {
        const Answer list
            = call("GET", QStringLiteral("/services/rest/record/v1/inventoryItem?limit=1"));
        return list.json.value(QStringLiteral("items"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("id"))
            .toString()
            .toLongLong();
    }

    Core::DemoCatalog m_catalog = Core::DemoCatalog::generate(2026, 24);
    Core::OAuth1Signer m_signer{ErpCredentials::demo().toOAuth()};
    QHttpServer m_server;
    std::unique_ptr<ErpStandIn> m_erp;
    QNetworkAccessManager m_nam;
    quint16 m_port = 0;
};

} // namespace

TEST_F(ErpStandInTest, recordList_pagesThroughEveryInventoryItemByNextLinks)
{
    QSet<QString> ids;
    QUrl next = url(QStringLiteral("/services/rest/record/v1/inventoryItem?limit=40"));
    qint64 total = -1;
    int pages = 0;
    while (!next.isEmpty()) {
        QNetworkReply *reply = send(m_nam, "GET", next);
        ASSERT_TRUE(waitFor(reply));
        const Answer page = collect(reply);
        ASSERT_EQ(page.status, 200);
        ++pages;
        total = page.json.value(QStringLiteral("totalResults")).toInteger();
        const QJsonArray items = page.json.value(QStringLiteral("items")).toArray();
        EXPECT_EQ(page.json.value(QStringLiteral("count")).toInt(), items.size());
        for (const QJsonValue &item : items) {
            ids.insert(item.toObject().value(QStringLiteral("id")).toString());
        }
        next.clear();
        for (const QJsonValue &link : page.json.value(QStringLiteral("links")).toArray()) {
            if (link.toObject().value(QStringLiteral("rel")).toString() == u"next") {
                next = QUrl(link.toObject().value(QStringLiteral("href")).toString());
            }
        }
        EXPECT_EQ(page.json.value(QStringLiteral("hasMore")).toBool(), !next.isEmpty());
    }
    EXPECT_EQ(total, m_catalog.variantCount());
    EXPECT_EQ(ids.size(), m_catalog.variantCount());
    EXPECT_EQ(pages, (m_catalog.variantCount() + 39) / 40);
}

TEST_F(ErpStandInTest, recordGet_expandsItemLocationsFromTheCatalogue)
{
    const qint64 id = firstItemId();
    const Answer plain
        = call("GET", QStringLiteral("/services/rest/record/v1/inventoryItem/%1").arg(id));
    ASSERT_EQ(plain.status, 200);
    EXPECT_EQ(plain.json.value(QStringLiteral("itemId")).toString(),
              m_catalog.styles().at(0).variants.at(0).sku);
    EXPECT_FALSE(
        plain.json.value(QStringLiteral("locations")).toObject().contains(QStringLiteral("items")));

    const Answer expanded
        = call("GET",
               QStringLiteral("/services/rest/record/v1/inventoryItem/%1?expandSubResources=true")
                   .arg(id));
    ASSERT_EQ(expanded.status, 200);
    const QJsonArray locations = expanded.json.value(QStringLiteral("locations"))
                                     .toObject()
                                     .value(QStringLiteral("items"))
                                     .toArray();
    ASSERT_EQ(locations.size(), m_catalog.locations().size());
    for (int l = 0; l < locations.size(); ++l) {
        const QJsonObject row = locations.at(l).toObject();
        EXPECT_EQ(row.value(QStringLiteral("location"))
                      .toObject()
                      .value(QStringLiteral("refName"))
                      .toString(),
                  m_catalog.locations().at(l).code);
        EXPECT_EQ(row.value(QStringLiteral("quantityOnHand")).toInteger(),
                  m_catalog.startingOnHand(0, 0, l));
    }
    const QJsonArray prices = expanded.json.value(QStringLiteral("price"))
                                  .toObject()
                                  .value(QStringLiteral("items"))
                                  .toArray();
    EXPECT_EQ(prices.size(), 6); // three price levels in USD and CAD
}

TEST_F(ErpStandInTest, suiteQl_pagesInventoryByItemAndLocation)
{
    const QString query = QStringLiteral(
        "SELECT item, location, quantityonhand, quantityavailable FROM inventoryitemlocations");
    const Answer first = suiteQl(query, QStringLiteral("limit=100&offset=0"));
    ASSERT_EQ(first.status, 200);
    const qint64 expectedRows = qint64(m_catalog.variantCount()) * m_catalog.locations().size();
    EXPECT_EQ(first.json.value(QStringLiteral("totalResults")).toInteger(), expectedRows);
    EXPECT_EQ(first.json.value(QStringLiteral("count")).toInt(), 100);
    EXPECT_TRUE(first.json.value(QStringLiteral("hasMore")).toBool());
    const QJsonObject row = first.json.value(QStringLiteral("items")).toArray().at(0).toObject();
    EXPECT_TRUE(row.contains(QStringLiteral("item")));
    EXPECT_TRUE(row.contains(QStringLiteral("quantityavailable")));
    EXPECT_FALSE(row.contains(QStringLiteral("quantityonorder")));

    const QJsonArray rows = suiteQlAll(query, 250);
    ASSERT_EQ(rows.size(), expectedRows);
    qint64 onHand = 0;
    for (const QJsonValue &value : rows) {
        onHand += value.toObject().value(QStringLiteral("quantityonhand")).toInteger();
    }
    qint64 expectedOnHand = 0;
    for (int s = 0; s < m_catalog.styles().size(); ++s) {
        for (int v = 0; v < m_catalog.styles().at(s).variants.size(); ++v) {
            for (int l = 0; l < m_catalog.locations().size(); ++l) {
                expectedOnHand += m_catalog.startingOnHand(s, v, l);
            }
        }
    }
    EXPECT_EQ(onHand, expectedOnHand);
    EXPECT_EQ(suiteQl(query, QStringLiteral("limit=1001")).status, 400);
}

TEST_F(ErpStandInTest, suiteQl_lastModifiedFilterReturnsOnlyChangedRows)
{
    const qint64 item = firstItemId();
    const QJsonArray before = suiteQlAll(
        QStringLiteral(
            "SELECT item, location, quantityonhand FROM inventoryitemlocations WHERE item = %1")
            .arg(item),
        1000);
    ASSERT_EQ(before.size(), m_catalog.locations().size());
    const QString location = before.at(1).toObject().value(QStringLiteral("location")).toString();
    const qint64 onHand
        = before.at(1).toObject().value(QStringLiteral("quantityonhand")).toInteger();

    const Answer adjusted = call(
        "POST",
        QStringLiteral("/services/rest/record/v1/inventoryAdjustment"),
        {{QStringLiteral("memo"), QStringLiteral("cycle count")},
         {QStringLiteral("inventory"),
          QJsonObject{
              {QStringLiteral("items"),
               QJsonArray{QJsonObject{
                   {QStringLiteral("item"),
                    QJsonObject{{QStringLiteral("id"), QString::number(item)}}},
                   {QStringLiteral("location"), QJsonObject{{QStringLiteral("id"), location}}},
                   {QStringLiteral("adjustQtyBy"), 7}}}}}}});
    ASSERT_EQ(adjusted.status, 201);

    const QJsonArray changed = suiteQlAll(
        QStringLiteral("SELECT item, location, quantityonhand FROM inventoryitemlocations "
                       "WHERE lastmodifieddate > '2026-01-06T00:00:00Z'"),
        1000);
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.at(0).toObject().value(QStringLiteral("item")).toString(),
              QString::number(item));
    EXPECT_EQ(changed.at(0).toObject().value(QStringLiteral("location")).toString(), location);
    EXPECT_EQ(changed.at(0).toObject().value(QStringLiteral("quantityonhand")).toInteger(),
              onHand + 7);
}

TEST_F(ErpStandInTest, suiteQl_malformedOrUnknownQueriesAreRefusedWith400)
{
    for (const QString &query :
         {QStringLiteral("DELETE FROM customer"),
          QStringLiteral("SELECT nope FROM inventoryitemlocations"),
          QStringLiteral("SELECT * FROM salesorderlines"),
          QStringLiteral(
              "SELECT * FROM inventoryitemlocations WHERE lastmodifieddate > 'yesterday'"),
          QStringLiteral("SELECT * FROM customer WHERE companyname LIKE 'A%'")}) {
        const Answer answer = suiteQl(query);
        EXPECT_EQ(answer.status, 400) << query.toStdString();
        EXPECT_EQ(answer.errorCode(), u"INVALID_PARAMETER") << query.toStdString();
        EXPECT_FALSE(answer.json.value(QStringLiteral("o:errorDetails"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("detail"))
                         .toString()
                         .isEmpty());
    }
    const Answer noPrefer
        = call("POST",
               QStringLiteral("/services/rest/query/v1/suiteql"),
               {{QStringLiteral("q"), QStringLiteral("SELECT id FROM customer")}});
    EXPECT_EQ(noPrefer.status, 400);
}

TEST_F(ErpStandInTest, suiteQl_listsB2BCustomersWithNetTerms)
{
    const QJsonArray customers = suiteQlAll(
        QStringLiteral(
            "SELECT id, companyname, terms, currency FROM customer ORDER BY companyname"),
        10);
    ASSERT_GE(customers.size(), 20);
    QSet<QString> terms;
    QString previous;
    for (const QJsonValue &value : customers) {
        const QJsonObject customer = value.toObject();
        terms.insert(customer.value(QStringLiteral("terms")).toString());
        EXPECT_LE(previous, customer.value(QStringLiteral("companyname")).toString());
        previous = customer.value(QStringLiteral("companyname")).toString();
    }
    EXPECT_EQ(terms, (QSet<QString>{QStringLiteral("Net 30"), QStringLiteral("Net 60")}));
    const QJsonArray openInvoices
        = suiteQlAll(QStringLiteral("SELECT id, tranid, foreignamountremaining FROM transaction "
                                    "WHERE type = 'CustInvc' AND status = 'Open'"),
                     1000);
    EXPECT_GT(openInvoices.size(), 0);
}

TEST_F(ErpStandInTest, auth_badMissingOrReplayedSignaturesGet401)
{
    const QUrl target = url(QStringLiteral("/services/rest/record/v1/customer?limit=5"));
    QNetworkRequest missing(target);
    QNetworkReply *reply = m_nam.get(missing);
    ASSERT_TRUE(waitFor(reply));
    Answer answer = collect(reply);
    EXPECT_EQ(answer.status, 401);
    EXPECT_EQ(answer.errorCode(), u"INVALID_LOGIN");

    ErpCredentials wrong = ErpCredentials::demo();
    wrong.tokenSecret = QStringLiteral("not-the-secret");
    QNetworkRequest forged(target);
    forged.setRawHeader("Authorization",
                        Core::OAuth1Signer(wrong.toOAuth()).authorizationHeader("GET", target));
    reply = m_nam.get(forged);
    ASSERT_TRUE(waitFor(reply));
    answer = collect(reply);
    EXPECT_EQ(answer.status, 401);
    EXPECT_EQ(answer.errorCode(), u"INVALID_LOGIN");

    // Signed for a different query string: the signature covers query parameters.
    QNetworkRequest tampered(url(QStringLiteral("/services/rest/record/v1/customer?limit=6")));
    tampered.setRawHeader("Authorization", m_signer.authorizationHeader("GET", target));
    reply = m_nam.get(tampered);
    ASSERT_TRUE(waitFor(reply));
    EXPECT_EQ(collect(reply).status, 401);

    QNetworkRequest stale(target);
    stale.setRawHeader("Authorization",
                       m_signer.authorizationHeader("GET",
                                                    target,
                                                    QStringLiteral("stale-nonce"),
                                                    QDateTime::currentSecsSinceEpoch() - 3600));
    reply = m_nam.get(stale);
    ASSERT_TRUE(waitFor(reply));
    EXPECT_EQ(collect(reply).status, 401);

    QNetworkRequest bearer(target);
    bearer.setRawHeader("Authorization", "Bearer abc");
    reply = m_nam.get(bearer);
    ASSERT_TRUE(waitFor(reply));
    EXPECT_EQ(collect(reply).status, 401);

    QNetworkRequest signedOnce(target);
    signedOnce.setRawHeader("Authorization", m_signer.authorizationHeader("GET", target));
    reply = m_nam.get(signedOnce);
    ASSERT_TRUE(waitFor(reply));
    EXPECT_EQ(collect(reply).status, 200);
    reply = m_nam.get(signedOnce);
    ASSERT_TRUE(waitFor(reply));
    answer = collect(reply);
    EXPECT_EQ(answer.status, 401);
    EXPECT_TRUE(answer.json.value(QStringLiteral("o:errorDetails"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("nonce")));
    EXPECT_EQ(m_erp->inspect()
                  .value(QStringLiteral("counters"))
                  .toObject()
                  .value(QStringLiteral("unauthorized"))
                  .toInt(),
              6);
}

TEST_F(ErpStandInTest, concurrency_burstBeyondTheLimitGets429WithErrorDetails)
{
    ErpFaults faults;
    faults.latencyMinMs = 500;
    faults.latencyMaxMs = 500;
    faults.concurrencyLimit = 2;
    m_erp->setFaults(faults);
    std::vector<std::unique_ptr<QNetworkAccessManager>> clients;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 8; ++i) {
        clients.push_back(std::make_unique<QNetworkAccessManager>());
        replies << send(*clients.back(),
                        "GET",
                        url(QStringLiteral("/services/rest/record/v1/customer?limit=3")));
    }
    int ok = 0;
    int throttled = 0;
    for (QNetworkReply *reply : replies) {
        ASSERT_TRUE(waitFor(reply));
        const Answer answer = collect(reply);
        if (answer.status == 200) {
            ++ok;
        } else {
            ASSERT_EQ(answer.status, 429);
            EXPECT_EQ(answer.errorCode(), u"CONCURRENCY_LIMIT_EXCEEDED");
            EXPECT_EQ(answer.json.value(QStringLiteral("title")).toString(), u"Too Many Requests");
            EXPECT_EQ(answer.json.value(QStringLiteral("status")).toInt(), 429);
            ++throttled;
        }
    }
    EXPECT_GE(ok, 2);
    EXPECT_GE(throttled, 1);
    EXPECT_EQ(ok + throttled, 8);
    const QJsonObject counters = m_erp->inspect().value(QStringLiteral("counters")).toObject();
    EXPECT_EQ(counters.value(QStringLiteral("throttled429")).toInt(), throttled);
    EXPECT_LE(counters.value(QStringLiteral("peakInFlight")).toInt(), 2);
}

TEST_F(ErpStandInTest, create_withIdempotencyKeyAppliesOnceAndCommitsStock)
{
    const QJsonArray customers = suiteQlAll(QStringLiteral("SELECT id FROM customer"), 1000);
    const QString customer = customers.at(0).toObject().value(QStringLiteral("id")).toString();
    const qint64 item = firstItemId();
    const QString availability
        = QStringLiteral("SELECT quantityavailable, quantitycommitted FROM inventoryitemlocations "
                         "WHERE item = %1 AND location = 1")
              .arg(item);
    const QJsonObject before = suiteQlAll(availability, 10).at(0).toObject();
    const QJsonObject order{
        {QStringLiteral("entity"), QJsonObject{{QStringLiteral("id"), customer}}},
        {QStringLiteral("otherRefNum"), QStringLiteral("PO-LEDGER-1")},
        {QStringLiteral("item"),
         QJsonObject{
             {QStringLiteral("items"),
              QJsonArray{QJsonObject{{QStringLiteral("item"),
                                      QJsonObject{{QStringLiteral("id"), QString::number(item)}}},
                                     {QStringLiteral("location"),
                                      QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}}},
                                     {QStringLiteral("quantity"), 1}}}}}}};
    const qint64 ordersBefore = m_erp->inspect()
                                    .value(QStringLiteral("records"))
                                    .toObject()
                                    .value(QStringLiteral("salesOrder"))
                                    .toInteger();
    const QList<QPair<QByteArray, QByteArray>> key{{"X-NetSuite-Idempotency-Key", "order-key-1"}};
    const Answer first
        = call("POST", QStringLiteral("/services/rest/record/v1/salesOrder"), order, key);
    const Answer retry
        = call("POST", QStringLiteral("/services/rest/record/v1/salesOrder"), order, key);
    ASSERT_EQ(first.status, 201);
    ASSERT_EQ(retry.status, 201);
    EXPECT_FALSE(first.location.isEmpty());
    EXPECT_EQ(first.location, retry.location);
    EXPECT_TRUE(first.location.startsWith(
        url(QStringLiteral("/services/rest/record/v1/salesOrder/")).toEncoded()));

    const QJsonObject inspect = m_erp->inspect();
    EXPECT_EQ(inspect.value(QStringLiteral("records"))
                  .toObject()
                  .value(QStringLiteral("salesOrder"))
                  .toInteger(),
              ordersBefore + 1);
    const QJsonObject keyEntry
        = inspect.value(QStringLiteral("idempotencyKeys")).toArray().at(0).toObject();
    EXPECT_EQ(keyEntry.value(QStringLiteral("key")).toString(), u"order-key-1");
    EXPECT_EQ(keyEntry.value(QStringLiteral("applications")).toInt(), 1);
    EXPECT_EQ(keyEntry.value(QStringLiteral("presented")).toInt(), 2);

    const QJsonObject after = suiteQlAll(availability, 10).at(0).toObject();
    if (before.value(QStringLiteral("quantityavailable")).toInteger() > 0) {
        EXPECT_EQ(after.value(QStringLiteral("quantitycommitted")).toInteger(),
                  before.value(QStringLiteral("quantitycommitted")).toInteger() + 1);
    }

    QJsonObject different = order;
    different.insert(QStringLiteral("otherRefNum"), QStringLiteral("PO-LEDGER-2"));
    const Answer reused
        = call("POST", QStringLiteral("/services/rest/record/v1/salesOrder"), different, key);
    EXPECT_EQ(reused.status, 409);
    EXPECT_EQ(reused.errorCode(), u"IDEMPOTENCY_KEY_REUSED");

    const QByteArray path = QUrl::fromEncoded(first.location).path().toUtf8();
    const Answer expanded
        = call("GET", QString::fromUtf8(path) + QStringLiteral("?expandSubResources=true"));
    ASSERT_EQ(expanded.status, 200);
    EXPECT_EQ(expanded.json.value(QStringLiteral("item"))
                  .toObject()
                  .value(QStringLiteral("items"))
                  .toArray()
                  .size(),
              1);
    EXPECT_EQ(expanded.json.value(QStringLiteral("otherRefNum")).toString(), u"PO-LEDGER-1");
}

TEST_F(ErpStandInTest, create_invalidBodyStoresNothing)
{
    const qint64 before = m_erp->inspect()
                              .value(QStringLiteral("records"))
                              .toObject()
                              .value(QStringLiteral("salesOrder"))
                              .toInteger();
    const Answer noCustomer
        = call("POST",
               QStringLiteral("/services/rest/record/v1/salesOrder"),
               {{QStringLiteral("entity"),
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("999999")}}}});
    EXPECT_EQ(noCustomer.status, 400);
    EXPECT_EQ(noCustomer.errorCode(), u"INVALID_VALUE");
    EXPECT_EQ(noCustomer.json.value(QStringLiteral("o:errorDetails"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("o:errorPath"))
                  .toString(),
              u"entity");
    EXPECT_EQ(m_erp->inspect()
                  .value(QStringLiteral("records"))
                  .toObject()
                  .value(QStringLiteral("salesOrder"))
                  .toInteger(),
              before);
}

TEST_F(ErpStandInTest, payment_settlesAnOpenInvoiceAndRefusesOverpayment)
{
    const QJsonArray open
        = suiteQlAll(QStringLiteral("SELECT id, entity, foreignamountremaining FROM transaction "
                                    "WHERE type = 'CustInvc' AND status = 'Open'"),
                     1000);
    ASSERT_FALSE(open.isEmpty());
    const QJsonObject invoice = open.at(0).toObject();
    const QString invoiceId = invoice.value(QStringLiteral("id")).toString();
    const double remaining = invoice.value(QStringLiteral("foreignamountremaining")).toDouble();
    const auto payment = [&](double amount) {
        return QJsonObject{
            {QStringLiteral("customer"),
             QJsonObject{{QStringLiteral("id"), invoice.value(QStringLiteral("entity"))}}},
            {QStringLiteral("apply"),
             QJsonObject{{QStringLiteral("items"),
                          QJsonArray{QJsonObject{{QStringLiteral("doc"),
                                                  QJsonObject{{QStringLiteral("id"), invoiceId}}},
                                                 {QStringLiteral("amount"), amount}}}}}}};
    };
    const Answer over = call(
        "POST", QStringLiteral("/services/rest/record/v1/customerPayment"), payment(remaining + 1));
    EXPECT_EQ(over.status, 400);
    Answer current = call("GET", QStringLiteral("/services/rest/record/v1/invoice/") + invoiceId);
    EXPECT_DOUBLE_EQ(current.json.value(QStringLiteral("amountRemaining")).toDouble(), remaining);

    const Answer paid = call(
        "POST", QStringLiteral("/services/rest/record/v1/customerPayment"), payment(remaining));
    ASSERT_EQ(paid.status, 201);
    current = call("GET", QStringLiteral("/services/rest/record/v1/invoice/") + invoiceId);
    EXPECT_DOUBLE_EQ(current.json.value(QStringLiteral("amountRemaining")).toDouble(), 0.0);
    EXPECT_EQ(current.json.value(QStringLiteral("status")).toString(), u"Paid In Full");
}

TEST_F(ErpStandInTest, patch_updatesPriceAndRejectsComputedFields)
{
    const Answer prices = call("GET", QStringLiteral("/services/rest/record/v1/itemPrice?limit=1"));
    const QString id = prices.json.value(QStringLiteral("items"))
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toString();
    const QString path = QStringLiteral("/services/rest/record/v1/itemPrice/") + id;
    EXPECT_EQ(call("PATCH", path, {{QStringLiteral("price"), 12.5}}).status, 204);
    EXPECT_DOUBLE_EQ(call("GET", path).json.value(QStringLiteral("price")).toDouble(), 12.5);
    EXPECT_EQ(call("PATCH", path, {{QStringLiteral("price"), -1}}).status, 400);
    EXPECT_EQ(call("PATCH", path, {{QStringLiteral("id"), QStringLiteral("1")}}).status, 400);
    EXPECT_DOUBLE_EQ(call("GET", path).json.value(QStringLiteral("price")).toDouble(), 12.5);
}

TEST_F(ErpStandInTest, unknownRecordTypeOrIdGets404WithErrorDetails)
{
    const Answer type = call("GET", QStringLiteral("/services/rest/record/v1/spaceship"));
    EXPECT_EQ(type.status, 404);
    EXPECT_EQ(type.errorCode(), u"NONEXISTENT_RCRD_TYPE");
    EXPECT_EQ(type.json.value(QStringLiteral("status")).toInt(), 404);
    const Answer id = call("GET", QStringLiteral("/services/rest/record/v1/customer/99999999"));
    EXPECT_EQ(id.status, 404);
    EXPECT_EQ(id.errorCode(), u"NONEXISTENT_ID");
}

TEST_F(ErpStandInTest, faults_downErrorAndResetAreInjected)
{
    ErpFaults faults;
    faults.down = true;
    m_erp->setFaults(faults);
    Answer answer = call("GET", QStringLiteral("/services/rest/record/v1/customer"));
    EXPECT_EQ(answer.status, 503);
    EXPECT_FALSE(answer.errorCode().isEmpty());

    faults.down = false;
    faults.errorRate = 1.0;
    m_erp->setFaults(faults);
    answer = call("GET", QStringLiteral("/services/rest/record/v1/customer"));
    EXPECT_EQ(answer.status, 500);
    EXPECT_EQ(answer.errorCode(), u"UNEXPECTED_ERROR");

    // A reset loses the answer, not the work: a retry with the same key finds the record.
    faults.errorRate = 0;
    faults.resetRate = 1.0;
    m_erp->setFaults(faults);
    const QJsonObject customer{{QStringLiteral("companyName"), QStringLiteral("Reset Retail")}};
    const QList<QPair<QByteArray, QByteArray>> key{{"X-NetSuite-Idempotency-Key", "reset-1"}};
    // A raw socket: QNetworkAccessManager would resend the same signed request by itself.
    const QUrl target = url(QStringLiteral("/services/rest/record/v1/customer"));
    const QByteArray body = QJsonDocument(customer).toJson(QJsonDocument::Compact);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    ASSERT_TRUE(socket.waitForConnected(5000));
    socket.write("POST " + target.path().toUtf8()
                 + " HTTP/1.1\r\nHost: " + target.authority().toUtf8()
                 + "\r\nAuthorization: " + m_signer.authorizationHeader("POST", target)
                 + "\r\nX-NetSuite-Idempotency-Key: reset-1\r\nContent-Type: application/json"
                 + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QEventLoop loop;
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    loop.exec();
    EXPECT_EQ(socket.state(), QAbstractSocket::UnconnectedState);
    EXPECT_TRUE(socket.readAll().isEmpty());
    m_erp->setFaults(ErpFaults());
    answer = call("POST", QStringLiteral("/services/rest/record/v1/customer"), customer, key);
    EXPECT_EQ(answer.status, 201);
    const QJsonObject counters = m_erp->inspect().value(QStringLiteral("counters")).toObject();
    EXPECT_EQ(counters.value(QStringLiteral("created")).toInt(), 1);
    EXPECT_EQ(counters.value(QStringLiteral("idempotentReplays")).toInt(), 1);
    EXPECT_EQ(counters.value(QStringLiteral("resets")).toInt(), 1);
}

TEST_F(ErpStandInTest, clockSkew_shiftsTheTimestampsTheErpWrites)
{
    ErpFaults faults;
    faults.clockSkewMs = 3600 * 1000;
    m_erp->setFaults(faults);
    const Answer created = call("POST",
                                QStringLiteral("/services/rest/record/v1/customer"),
                                {{QStringLiteral("companyName"), QStringLiteral("Skewed Supply")}});
    ASSERT_EQ(created.status, 201);
    const Answer record = call("GET", QUrl::fromEncoded(created.location).path());
    const QDateTime stamp = QDateTime::fromString(
        record.json.value(QStringLiteral("createdDate")).toString(), Qt::ISODateWithMs);
    ASSERT_TRUE(stamp.isValid());
    const qint64 skew = QDateTime::currentDateTimeUtc().msecsTo(stamp);
    EXPECT_GT(skew, 3500 * 1000);
    EXPECT_LT(skew, 3700 * 1000);
}

TEST(ErpStandIn, sameSeedSameBooks_andStateRoundTrips)
{
    const Core::DemoCatalog catalog = Core::DemoCatalog::generate(2026, 12);
    ErpStandIn first(catalog, 11, ErpCredentials::demo());
    ErpStandIn second(catalog, 11, ErpCredentials::demo());
    ErpStandIn other(catalog, 12, ErpCredentials::demo());
    EXPECT_EQ(first.saveState(), second.saveState());
    EXPECT_NE(first.saveState(), other.saveState());

    ASSERT_TRUE(other.loadState(first.saveState()));
    EXPECT_EQ(other.saveState(), first.saveState());
    EXPECT_EQ(other.inspect().value(QStringLiteral("records")),
              first.inspect().value(QStringLiteral("records")));

    QJsonObject broken = first.saveState();
    broken.insert(QStringLiteral("books"), QJsonObject{{QStringLiteral("nextId"), 0}});
    EXPECT_FALSE(second.loadState(broken));
    EXPECT_EQ(second.saveState(), first.saveState());
    EXPECT_FALSE(
        second.loadState(QJsonObject{{QStringLiteral("format"), QStringLiteral("other")}}));
}

TEST_F(ErpStandInTest, sublistLinks_resolveAndUnsupportedMethodsGet405)
{
    const Answer orders
        = call("GET", QStringLiteral("/services/rest/record/v1/salesOrder?limit=1"));
    const QString id = orders.json.value(QStringLiteral("items"))
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toString();
    const Answer order = call("GET", QStringLiteral("/services/rest/record/v1/salesOrder/") + id);
    ASSERT_EQ(order.status, 200);
    const QString href = order.json.value(QStringLiteral("item"))
                             .toObject()
                             .value(QStringLiteral("links"))
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(QStringLiteral("href"))
                             .toString();
    ASSERT_FALSE(href.isEmpty());
    QNetworkReply *reply = send(m_nam, "GET", QUrl(href));
    ASSERT_TRUE(waitFor(reply));
    const Answer lines = collect(reply);
    ASSERT_EQ(lines.status, 200);
    EXPECT_GE(lines.json.value(QStringLiteral("items")).toArray().size(), 1);
    EXPECT_EQ(call("GET",
                   QStringLiteral("/services/rest/record/v1/salesOrder/") + id
                       + QStringLiteral("/nothing"))
                  .status,
              404);

    const Answer deleted
        = call("DELETE", QStringLiteral("/services/rest/record/v1/salesOrder/") + id);
    EXPECT_EQ(deleted.status, 405);
    EXPECT_EQ(deleted.errorCode(), u"METHOD_NOT_ALLOWED");
    EXPECT_EQ(call("GET", QStringLiteral("/services/rest/record/v1/salesOrder/") + id).status, 200);
}
