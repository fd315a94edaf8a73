#include <core/catalog/globalsearch.h>
#include <core/orders/orderbook.h>
#include <core/store/sql.h>
#include <core/sync/exceptionstore.h>
#include <tests/support/tempstore.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

class GlobalSearchTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        t.seedBasics(); // field-jacket: FJ-NAVY-S/M/L; WH-EAST, STORE-SOHO
        const auto style = t.catalog().saveStyle({0,
                                                  QStringLiteral("fj-classic"),
                                                  QStringLiteral("Classic Navy Parka"),
                                                  QStringLiteral("Northwind"),
                                                  QStringLiteral("Outerwear")});
        ASSERT_TRUE(style.ok());
        for (const QString &sku : {QStringLiteral("FJ"),
                                   QStringLiteral("FJ-CLASSIC-1"),
                                   QStringLiteral("100%_COTTON"),
                                   QStringLiteral("100X-COTTON")}) {
            Variant v;
            v.styleId = style.value();
            v.sku = sku;
            v.barcode = sku == u"FJ" ? QStringLiteral("0012345678905") : QString();
            v.options[0] = {QStringLiteral("Color"), QStringLiteral("Navy")};
            ASSERT_TRUE(t.catalog().saveVariant(v).ok());
        }
    }

    QList<SearchHit> search(const QString &text, int perKind = GlobalSearch::kDefaultPerKind)
    {
        const auto hits = GlobalSearch(t.store()).search(text, perKind);
        EXPECT_TRUE(hits.ok()) << (hits ? "" : hits.error().message.toStdString());
        return hits ? hits.value() : QList<SearchHit>();
    }

    static QStringList keysOf(const QList<SearchHit> &hits, SearchKind kind)
    {
        QStringList keys;
        for (const SearchHit &hit : hits) {
            if (hit.kind == kind) {
                keys << hit.key;
            }
        }
        return keys;
    }

    qint64 raise(const QString &key, ExceptionState state = ExceptionState::Open)
    {
        SyncException e;
        e.kind = ExceptionKind::Conflict;
        e.system = QStringLiteral("wms");
        e.entity = QStringLiteral("inventory");
        e.entityKey = key;
        e.state = state;
        return ExceptionStore::raise(t.store().connection(), e, 1000).value();
    }

    qint64 receive(const QString &ref, const QString &company, const QString &po = {})
    {
        IncomingOrder order;
        order.channel = QStringLiteral("b2b");
        order.externalRef = ref;
        order.name = u'#' + ref;
        order.company = company;
        order.poNumber = po;
        order.currency = QStringLiteral("USD");
        order.issuedAt = 1000;
        order.lines = {{QStringLiteral("FJ-NAVY-M"), 1, QStringLiteral("189.00")}};
        const auto received = OrderBook(t.store()).receive(order, QStringLiteral("tester"));
        EXPECT_TRUE(received.ok()) << (received ? "" : received.error().message.toStdString());
        return received ? received.value().id : 0;
    }

    TempStore t;
};

TEST_F(GlobalSearchTest, findsSkusByPrefixWithTheExactSkuFirst)
{
    const QList<SearchHit> hits = search(QStringLiteral("fj"));
    EXPECT_EQ(keysOf(hits, SearchKind::Sku),
              (QStringList{QStringLiteral("FJ"),
                           QStringLiteral("FJ-CLASSIC-1"),
                           QStringLiteral("FJ-NAVY-L"),
                           QStringLiteral("FJ-NAVY-M"),
                           QStringLiteral("FJ-NAVY-S")}));
    ASSERT_FALSE(hits.isEmpty());
    EXPECT_EQ(hits.first().kind, SearchKind::Sku);
    EXPECT_EQ(hits.first().text, QStringLiteral("FJ"));
    EXPECT_EQ(hits.first().detail, QStringLiteral("Classic Navy Parka · Navy"));
    EXPECT_EQ(keysOf(search(QStringLiteral("FJ-NAVY-M")), SearchKind::Sku),
              QStringList{QStringLiteral("FJ-NAVY-M")});
}

TEST_F(GlobalSearchTest, groupsHitsByKindInAFixedOrder)
{
    raise(QStringLiteral("FJ-NAVY-M@WH-EAST:on_hand"));
    const QList<SearchHit> hits = search(QStringLiteral("fj"));
    QList<SearchKind> kinds;
    for (const SearchHit &hit : hits) {
        if (kinds.isEmpty() || kinds.last() != hit.kind) {
            kinds << hit.kind;
        }
    }
    EXPECT_EQ(kinds,
              (QList<SearchKind>{SearchKind::Sku, SearchKind::Style, SearchKind::Exception}));
    EXPECT_EQ(keysOf(hits, SearchKind::Style), (QStringList{QStringLiteral("fj-classic")}));
}

TEST_F(GlobalSearchTest, findsABarcodeOnlyWhenItIsExact)
{
    const QList<SearchHit> hits = search(QStringLiteral("0012345678905"));
    ASSERT_EQ(keysOf(hits, SearchKind::Barcode), QStringList{QStringLiteral("0012345678905")});
    EXPECT_TRUE(search(QStringLiteral("001234567890")).isEmpty());
}

TEST_F(GlobalSearchTest, findsStylesByHandleAndTitleWords)
{
    EXPECT_EQ(keysOf(search(QStringLiteral("field")), SearchKind::Style),
              QStringList{QStringLiteral("field-jacket")});
    EXPECT_EQ(keysOf(search(QStringLiteral("jacket")), SearchKind::Style),
              QStringList{QStringLiteral("field-jacket")});
    // A title word ranks after a title that starts with the text.
    const auto style = t.catalog().saveStyle(
        {0, QStringLiteral("navy-coat"), QStringLiteral("Navy Coat"), {}, {}});
    ASSERT_TRUE(style.ok());
    EXPECT_EQ(keysOf(search(QStringLiteral("navy")), SearchKind::Style),
              (QStringList{QStringLiteral("navy-coat"), QStringLiteral("fj-classic")}));
}

TEST_F(GlobalSearchTest, findsLocationsByCodeAndName)
{
    EXPECT_EQ(keysOf(search(QStringLiteral("wh-")), SearchKind::Location),
              QStringList{QStringLiteral("WH-EAST")});
    const QList<SearchHit> hits = search(QStringLiteral("soho"));
    EXPECT_EQ(keysOf(hits, SearchKind::Location), QStringList{QStringLiteral("STORE-SOHO")});
    EXPECT_EQ(hits.first().detail, QStringLiteral("SoHo Store"));
}

TEST_F(GlobalSearchTest, findsOrdersByNameReferenceAndPoNumberAndTheirCompanies)
{
    const qint64 first = receive(QStringLiteral("1041"), QStringLiteral("Harbor Outfitters"));
    const qint64 second = receive(
        QStringLiteral("1042"), QStringLiteral("Harbor Outfitters"), QStringLiteral("PO-77"));
    const qint64 third = receive(QStringLiteral("2001"), QStringLiteral("Alpine Supply"));
    EXPECT_EQ(keysOf(search(QStringLiteral("#104")), SearchKind::Order),
              (QStringList{QString::number(second), QString::number(first)}));
    EXPECT_EQ(keysOf(search(QStringLiteral("po-77")), SearchKind::Order),
              QStringList{QString::number(second)});
    const QList<SearchHit> harbor = search(QStringLiteral("harbor"));
    EXPECT_EQ(keysOf(harbor, SearchKind::Company),
              QStringList{QStringLiteral("Harbor Outfitters")});
    ASSERT_FALSE(harbor.isEmpty());
    EXPECT_EQ(harbor.last().detail, QStringLiteral("2 order(s)"));
    EXPECT_EQ(keysOf(search(QStringLiteral("supply")), SearchKind::Company),
              QStringList{QStringLiteral("Alpine Supply")});
    const QList<SearchHit> exact = search(QStringLiteral("#2001"));
    ASSERT_EQ(exact.size(), 1);
    EXPECT_EQ(exact.first().id, third);
    EXPECT_EQ(exact.first().detail, QStringLiteral("b2b · Alpine Supply · new"));
}

TEST_F(GlobalSearchTest, findsOnlyUnresolvedExceptions)
{
    const qint64 open = raise(QStringLiteral("FJ-NAVY-M@WH-EAST:on_hand"));
    const qint64 resolved = raise(QStringLiteral("FJ-NAVY-S@WH-EAST:on_hand"));
    ASSERT_TRUE(ExceptionStore::close(t.store().connection(),
                                      resolved,
                                      ExceptionState::Resolved,
                                      QStringLiteral("tester"),
                                      QStringLiteral("counted"),
                                      2000)
                    .ok());
    EXPECT_EQ(keysOf(search(QStringLiteral("fj-navy")), SearchKind::Exception),
              QStringList{QString::number(open)});
    EXPECT_EQ(keysOf(search(QStringLiteral("wh-east")), SearchKind::Exception),
              QStringList{QString::number(open)});
}

TEST_F(GlobalSearchTest, limitsEveryKind)
{
    EXPECT_EQ(keysOf(search(QStringLiteral("FJ"), 2), SearchKind::Sku),
              (QStringList{QStringLiteral("FJ"), QStringLiteral("FJ-CLASSIC-1")}));
    EXPECT_TRUE(search(QStringLiteral("FJ"), 0).isEmpty());
    EXPECT_TRUE(search(QStringLiteral("   ")).isEmpty());
}

TEST_F(GlobalSearchTest, treatsQuotesAndWildcardsAsText)
{
    // % and _ match only themselves: "100%" is one SKU, not both.
    EXPECT_EQ(keysOf(search(QStringLiteral("100%")), SearchKind::Sku),
              QStringList{QStringLiteral("100%_COTTON")});
    EXPECT_EQ(keysOf(search(QStringLiteral("100%_")), SearchKind::Sku),
              QStringList{QStringLiteral("100%_COTTON")});
    EXPECT_TRUE(keysOf(search(QStringLiteral("_")), SearchKind::Sku).isEmpty());
    EXPECT_TRUE(search(QStringLiteral("%")).isEmpty());
    EXPECT_TRUE(search(QStringLiteral("' OR '1'='1")).isEmpty());
    EXPECT_TRUE(search(QStringLiteral("x'); DROP TABLE variants; --")).isEmpty());
    EXPECT_TRUE(search(QStringLiteral("\\")).isEmpty());
    // The tables are still there.
    EXPECT_EQ(keysOf(search(QStringLiteral("FJ-NAVY-S")), SearchKind::Sku),
              QStringList{QStringLiteral("FJ-NAVY-S")});
}

TEST_F(GlobalSearchTest, findsSkusEndingInCharactersBeyondTheBasicPlane)
{
    // A prefix whose last character is half of a surrogate pair has no simple successor.
    Variant v;
    v.styleId = t.catalog().styleByHandle(QStringLiteral("field-jacket")).value()->id;
    for (const QString &sku : {QStringLiteral("Z\U0001F600-1"), QStringLiteral("Zé-2")}) {
        v.id = 0;
        v.sku = sku;
        ASSERT_TRUE(t.catalog().saveVariant(v).ok());
    }
    EXPECT_EQ(keysOf(search(QStringLiteral("Z\U0001F600")), SearchKind::Sku),
              QStringList{QStringLiteral("Z\U0001F600-1")});
    EXPECT_EQ(keysOf(search(QStringLiteral("Zé")), SearchKind::Sku),
              QStringList{QStringLiteral("Zé-2")});
}

} // namespace
