#include "shopifysyncfixture.h"

#include <core/connectors/shopify/shopifyorderpull.h>
#include <core/orders/orderbook.h>
#include <core/orders/orderintake.h>
#include <core/pricing/pricebook.h>
#include <core/store/sql.h>
#include <core/sync/exceptionresolver.h>
#include <core/sync/exceptionstore.h>

#include <QJsonArray>

#include <iostream>

using namespace Ledgerdesk::Core;
using Ledgerdesk::ShopifySyncTests::ShopifySyncTest;

namespace {

const QString kChannel = QStringLiteral("shopify");

qint64 countRows(Store &store, const QString &table)
{
    auto q = runQuery(store.connection(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
}

class ShopifyOrdersTest : public ShopifySyncTest
{
protected:
    void SetUp() override
    {
        ShopifySyncTest::SetUp();
        m_settings.options.insert(QStringLiteral("pullOrders"), true);
    }

    // The order's numeric id, as the ledger keeps it.
    QString createOrder(bool b2b)
    {
        const QJsonObject answer
            = m_sandbox.control({{QStringLiteral("system"), QStringLiteral("shopify")},
                                 {QStringLiteral("action"), QStringLiteral("createOrder")},
                                 {QStringLiteral("b2b"), b2b}});
        const QString gid = answer[QStringLiteral("orderId")].toString();
        EXPECT_FALSE(gid.isEmpty());
        return gid.mid(gid.lastIndexOf(u'/') + 1);
    }

    QJsonObject shopifyState()
    {
        return m_sandbox.get(QStringLiteral("/_sandbox/state?system=shopify"))
            .json()[QStringLiteral("shopify")]
            .toObject();
    }

    Order stored(const QString &ref)
    {
        auto order = OrderBook(m_ledger.store()).find(kChannel, ref);
        EXPECT_TRUE(order.ok() && order.value()) << ref.toStdString();
        return order.ok() && order.value() ? *order.value() : Order{};
    }

    int holds(const QString &ref)
    {
        return OrderIntake(m_ledger.store()).openHolds(kChannel, ref).value();
    }

    QList<SyncException> openOf(const ExceptionFilter &filter)
    {
        auto listed = ExceptionStore(m_ledger.store()).list(filter);
        EXPECT_TRUE(listed.ok());
        return listed.ok() ? listed.value() : QList<SyncException>();
    }

    qint64 allExceptions()
    {
        return countRows(m_ledger.store(), QStringLiteral("sync_exceptions"));
    }
};

} // namespace

TEST_F(ShopifyOrdersTest, theShopsBuyersListsAndOrdersArriveOnceAndAreAllocatedOrHeld)
{
    QStringList b2b;
    QStringList dtc;
    for (int i = 0; i < 8; ++i) {
        (i < 5 ? b2b : dtc) << createOrder(i < 5);
    }
    firstCycleAcceptingShopify();

    const QJsonObject state = shopifyState();
    PriceBook book(m_ledger.store());
    EXPECT_EQ(book.companies().value().size(), state[QStringLiteral("companies")].toInt());
    const QList<CompanyLocationInfo> locations = book.companyLocations().value();
    EXPECT_EQ(locations.size(), state[QStringLiteral("companyLocations")].toInt());
    EXPECT_EQ(countRows(m_ledger.store(), QStringLiteral("price_lists")),
              state[QStringLiteral("priceLists")].toInt());
    for (const CompanyLocationInfo &location : locations) {
        EXPECT_FALSE(location.priceListName.isEmpty()) << location.name.toStdString();
        EXPECT_EQ(location.terms.type(), PaymentTerms::Type::Net) << location.name.toStdString();
    }
    EXPECT_GT(countRows(m_ledger.store(), QStringLiteral("price_list_prices")), 0);
    EXPECT_GT(countRows(m_ledger.store(), QStringLiteral("price_breaks")), 0);
    EXPECT_GT(countRows(m_ledger.store(), QStringLiteral("quantity_rules")), 0);

    OrderFilter filter;
    filter.channel = kChannel;
    EXPECT_EQ(OrderBook(m_ledger.store()).list(filter).value().size(),
              state[QStringLiteral("orders")].toInt());
    int held = 0;
    for (const QString &ref : std::as_const(b2b)) {
        const Order order = stored(ref);
        EXPECT_FALSE(order.company.isEmpty());
        EXPECT_TRUE(
            order.companyLocation.startsWith(QStringLiteral("gid://shopify/CompanyLocation/")));
        EXPECT_TRUE(order.poNumber.startsWith(QStringLiteral("PO-")));
        EXPECT_TRUE(order.paymentTerms.startsWith(QStringLiteral("Net ")));
        EXPECT_TRUE(order.dueDate.has_value());
        if (holds(ref) > 0) {
            ++held;
            EXPECT_EQ(order.state, OrderState::New) << ref.toStdString();
        } else {
            EXPECT_TRUE(order.state == OrderState::Allocated
                        || order.state == OrderState::Backordered)
                << ref.toStdString();
        }
    }
    for (const QString &ref : std::as_const(dtc)) {
        const Order order = stored(ref);
        EXPECT_TRUE(order.company.isEmpty());
        EXPECT_EQ(holds(ref), 0);
        EXPECT_TRUE(order.state == OrderState::Allocated || order.state == OrderState::Backordered)
            << ref.toStdString();
    }
    std::cout << b2b.size() << " B2B orders, " << held << " held for their prices\n";

    // The next cycle reads again what it must and duplicates nothing.
    const QStringList tables = {QStringLiteral("orders"),
                                QStringLiteral("order_lines"),
                                QStringLiteral("order_events"),
                                QStringLiteral("companies"),
                                QStringLiteral("company_locations"),
                                QStringLiteral("price_list_prices"),
                                QStringLiteral("price_breaks"),
                                QStringLiteral("postings")};
    QList<qint64> before;
    for (const QString &table : tables) {
        before << countRows(m_ledger.store(), table);
    }
    const qint64 exceptions = allExceptions();
    const SyncCycleReport again = cycle();
    ASSERT_TRUE(again.error.isEmpty()) << again.error.toStdString();
    for (int i = 0; i < tables.size(); ++i) {
        EXPECT_EQ(countRows(m_ledger.store(), tables.at(i)), before.at(i))
            << tables.at(i).toStdString();
    }
    EXPECT_EQ(allExceptions(), exceptions);
    EXPECT_EQ(ledgerTotalAvailable(), shopifyTotalAvailable());
}

TEST_F(ShopifyOrdersTest, aTamperedLinePriceIsHeldAsAPriceMismatchUntilSomeoneDecides)
{
    const QString ref = createOrder(true);
    firstCycleAcceptingShopify();
    const auto answer = m_sandbox.graphql(
        QStringLiteral("query($id: ID!) { order(id: $id) { id legacyResourceId name createdAt "
                       "updatedAt poNumber currencyCode purchasingEntity { __typename ... on "
                       "PurchasingCompany { company { id name } location { id name } } } "
                       "paymentTerms { paymentTermsName paymentTermsType dueInDays "
                       "paymentSchedules(first: 1) { nodes { dueAt } } } lineItems(first: 25) { "
                       "nodes { sku quantity originalUnitPriceSet { presentmentMoney { amount "
                       "currencyCode } } } } } }"),
        QJsonObject{{QStringLiteral("id"), QString(QStringLiteral("gid://shopify/Order/") + ref)}});
    QJsonObject node = answer.json()[QStringLiteral("data")][QStringLiteral("order")].toObject();
    ASSERT_FALSE(node.isEmpty()) << answer.body.toStdString();
    auto genuine = ShopifyOrderPull::orderFromNode(node);
    ASSERT_TRUE(genuine.ok()) << genuine.error().message.toStdString();
    EXPECT_EQ(genuine.value().externalRef, ref);

    // The same order again under another id, its first line charged one unit more.
    IncomingOrder tampered = genuine.value();
    tampered.externalRef = ref + QStringLiteral("7");
    IncomingOrder::Line &line = tampered.lines.first();
    auto charged = Money::parse(line.unitPrice, tampered.currency);
    ASSERT_TRUE(charged.ok());
    line.unitPrice = Money(charged.value().minorUnits() + 100, tampered.currency).amountString();
    SyncCycleReport report;
    ASSERT_TRUE(ShopifyOrderPull::intake(m_ledger.store(), tampered, report).ok());

    ExceptionFilter filter = ExceptionFilter::unresolved();
    filter.kind = ExceptionKind::PriceMismatch;
    const QString key = QStringLiteral("shopify:%1:%2").arg(tampered.externalRef, line.sku);
    std::optional<SyncException> mismatch;
    for (const SyncException &e : openOf(filter)) {
        if (e.entityKey == key) {
            mismatch = e;
        }
    }
    ASSERT_TRUE(mismatch.has_value());
    EXPECT_EQ(mismatch->externalValue, line.unitPrice + u' ' + tampered.currency);
    EXPECT_NE(mismatch->ledgerValue, mismatch->externalValue);
    const Order held = stored(tampered.externalRef);
    EXPECT_EQ(held.state, OrderState::New);
    for (const OrderLine &l : held.lines) {
        EXPECT_EQ(l.allocated(), 0);
    }

    // Cycles leave it held; once every exception on it is closed the next cycle allocates it.
    ASSERT_TRUE(cycle().error.isEmpty());
    EXPECT_EQ(stored(tampered.externalRef).state, OrderState::New);
    for (const SyncException &e : openOf(filter)) {
        if (e.entityKey.startsWith(QStringLiteral("shopify:") + tampered.externalRef + u':')) {
            ASSERT_TRUE(ExceptionResolver(m_ledger.store())
                            .ignore(e.id,
                                    QStringLiteral("agreed with the buyer"),
                                    QStringLiteral("rep@brand"))
                            .ok());
        }
    }
    ASSERT_TRUE(cycle().error.isEmpty());
    const OrderState after = stored(tampered.externalRef).state;
    EXPECT_TRUE(after == OrderState::Allocated || after == OrderState::Backordered);
}
