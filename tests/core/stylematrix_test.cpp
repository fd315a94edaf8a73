#include <core/ledger/stylematrix.h>
#include <tests/support/tempstore.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::adjustment;
using Ledgerdesk::Testing::TempStore;

namespace {

// A shirt in Navy (XS, M, XL) and Sand (M, XL), saved in a non-alphabetical size order, with
// "Size" as its first option so the colour axis has to be found by name.
StyleId seedShirt(TempStore &t)
{
    const auto style = t.catalog().saveStyle({0,
                                              QStringLiteral("oxford-shirt"),
                                              QStringLiteral("Oxford Shirt"),
                                              QStringLiteral("Northwind"),
                                              QStringLiteral("Shirts")});
    EXPECT_TRUE(style.ok());
    const QList<std::pair<QString, QString>> variants = {
        {QStringLiteral("Navy"), QStringLiteral("XS")},
        {QStringLiteral("Navy"), QStringLiteral("M")},
        {QStringLiteral("Navy"), QStringLiteral("XL")},
        {QStringLiteral("Sand"), QStringLiteral("M")},
        {QStringLiteral("Sand"), QStringLiteral("XL")},
    };
    for (const auto &[colour, size] : variants) {
        Variant v;
        v.styleId = style.value();
        v.sku = QStringLiteral("OX-%1-%2").arg(colour.left(3).toUpper(), size);
        v.options[0] = {QStringLiteral("Size"), size};
        v.options[1] = {QStringLiteral("Colour"), colour};
        EXPECT_TRUE(t.catalog().saveVariant(v).ok());
    }
    return style.value();
}

} // namespace

TEST(StyleMatrix, putsColoursDownAndSizesAcrossInCatalogueOrder)
{
    TempStore t;
    t.seedBasics();
    seedShirt(t);
    const LocationId east = t.location(QStringLiteral("WH-EAST"));
    ASSERT_TRUE(
        t.ledger()
            .post(adjustment(QStringLiteral("1"), t.variant(QStringLiteral("OX-NAV-XL")), east, 7))
            .ok());

    const auto m = StyleMatrixQuery(t.store()).fetch(QStringLiteral("oxford-shirt"));
    ASSERT_TRUE(m.ok()) << m.error().message.toStdString();
    EXPECT_EQ(m.value().style.title, QStringLiteral("Oxford Shirt"));
    EXPECT_EQ(m.value().rowOptionName, QStringLiteral("Colour"));
    EXPECT_EQ(m.value().columnOptionName, QStringLiteral("Size"));
    EXPECT_EQ(m.value().rows, (QStringList{QStringLiteral("Navy"), QStringLiteral("Sand")}));
    EXPECT_EQ(m.value().columns,
              (QStringList{QStringLiteral("XS"), QStringLiteral("M"), QStringLiteral("XL")}));
    EXPECT_EQ(m.value().value(QStringLiteral("Navy"), QStringLiteral("XL")), 7);
    // A variant that never moved is zero; a colour × size the style lacks has no cell at all.
    EXPECT_EQ(m.value().value(QStringLiteral("Navy"), QStringLiteral("XS")), 0);
    EXPECT_FALSE(m.value().cell(1, 0).has_value());
    EXPECT_FALSE(m.value().value(QStringLiteral("Sand"), QStringLiteral("XS")).has_value());
    ASSERT_TRUE(m.value().cell(1, 2).has_value());
    EXPECT_EQ(m.value().cell(1, 2)->sku, QStringLiteral("OX-SAN-XL"));
}

TEST(StyleMatrix, sumsEveryLocationOrReadsOne)
{
    TempStore t;
    t.seedBasics();
    const LocationId east = t.location(QStringLiteral("WH-EAST"));
    const LocationId soho = t.location(QStringLiteral("STORE-SOHO"));
    const VariantId m = t.variant(QStringLiteral("FJ-NAVY-M"));
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("1"), m, east, 5)).ok());
    ASSERT_TRUE(t.ledger().post(adjustment(QStringLiteral("2"), m, soho, 3)).ok());
    PostingRequest order = adjustment(QStringLiteral("3"), m, soho, -2);
    order.reason = MovementReason::Allocation;
    order.lines[0].delta.set(QuantityName::Committed, 2);
    ASSERT_TRUE(t.ledger().post(order).ok());

    StyleMatrixQuery query(t.store());
    const auto all = query.fetch(QStringLiteral("field-jacket"));
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all.value().rows, QStringList{QStringLiteral("Navy")});
    EXPECT_EQ(all.value().columns,
              (QStringList{QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L")}));
    EXPECT_EQ(all.value().value(QStringLiteral("Navy"), QStringLiteral("M")), 6);

    const auto soHo = query.fetch(QStringLiteral("field-jacket"), QStringLiteral("STORE-SOHO"));
    ASSERT_TRUE(soHo.ok());
    EXPECT_EQ(soHo.value().value(QStringLiteral("Navy"), QStringLiteral("M")), 1);
    EXPECT_EQ(soHo.value().value(QStringLiteral("Navy"), QStringLiteral("S")), 0);

    const auto committed
        = query.fetch(QStringLiteral("field-jacket"), QString(), QuantityName::Committed);
    ASSERT_TRUE(committed.ok());
    EXPECT_EQ(committed.value().value(QStringLiteral("Navy"), QStringLiteral("M")), 2);
    const auto onHand
        = query.fetch(QStringLiteral("field-jacket"), QString(), QuantityName::OnHand);
    ASSERT_TRUE(onHand.ok());
    EXPECT_EQ(onHand.value().value(QStringLiteral("Navy"), QStringLiteral("M")), 8);
}

TEST(StyleMatrix, aStyleWithOneOptionIsOneRow)
{
    TempStore t;
    const auto style = t.catalog().saveStyle(
        {0, QStringLiteral("tote"), QStringLiteral("Tote"), QString(), QString()});
    ASSERT_TRUE(style.ok());
    for (const QString &colour : {QStringLiteral("Olive"), QStringLiteral("Black")}) {
        Variant v;
        v.styleId = style.value();
        v.sku = QStringLiteral("TOTE-") + colour.toUpper();
        v.options[0] = {QStringLiteral("Color"), colour};
        ASSERT_TRUE(t.catalog().saveVariant(v).ok());
    }
    const auto m = StyleMatrixQuery(t.store()).fetch(QStringLiteral("tote"));
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m.value().rows.size(), 1);
    EXPECT_TRUE(m.value().rowOptionName.isEmpty());
    EXPECT_EQ(m.value().columnOptionName, QStringLiteral("Color"));
    EXPECT_EQ(m.value().columns, (QStringList{QStringLiteral("Olive"), QStringLiteral("Black")}));
    EXPECT_EQ(m.value().value(QString(), QStringLiteral("Black")), 0);
}

TEST(StyleMatrix, unknownStyleOrLocationIsAClearError)
{
    TempStore t;
    t.seedBasics();
    StyleMatrixQuery query(t.store());
    const auto style = query.fetch(QStringLiteral("no-such-style"));
    ASSERT_FALSE(style.ok());
    EXPECT_EQ(style.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(style.error().message.contains(QStringLiteral("no-such-style")));
    const auto location = query.fetch(QStringLiteral("field-jacket"), QStringLiteral("NOWHERE"));
    ASSERT_FALSE(location.ok());
    EXPECT_TRUE(location.error().message.contains(QStringLiteral("NOWHERE")));
}

TEST(StyleMatrix, otherOptionNamesUseTheFirstDownAndAThirdOptionFoldsIntoItsCell)
{
    TempStore t;
    t.seedBasics();
    const auto style = t.catalog().saveStyle(
        {0, QStringLiteral("belt"), QStringLiteral("Belt"), QString(), QString()});
    ASSERT_TRUE(style.ok());
    const LocationId east = t.location(QStringLiteral("WH-EAST"));
    int n = 0;
    for (const QString &material : {QStringLiteral("Leather"), QStringLiteral("Canvas")}) {
        for (const QString &buckle : {QStringLiteral("Brass"), QStringLiteral("Steel")}) {
            Variant v;
            v.styleId = style.value();
            v.sku = QStringLiteral("BELT-%1").arg(++n);
            v.options[0] = {QStringLiteral("Material"), material};
            v.options[1] = {QStringLiteral("Length"), QStringLiteral("90")};
            v.options[2] = {QStringLiteral("Buckle"), buckle};
            ASSERT_TRUE(t.catalog().saveVariant(v).ok());
            ASSERT_TRUE(
                t.ledger()
                    .post(adjustment(QStringLiteral("belt-%1").arg(n), t.variant(v.sku), east, n))
                    .ok());
        }
    }
    const auto m = StyleMatrixQuery(t.store()).fetch(QStringLiteral("belt"));
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m.value().rowOptionName, QStringLiteral("Material"));
    EXPECT_EQ(m.value().columnOptionName, QStringLiteral("Length"));
    EXPECT_EQ(m.value().rows, (QStringList{QStringLiteral("Leather"), QStringLiteral("Canvas")}));
    EXPECT_EQ(m.value().columns, QStringList{QStringLiteral("90")});
    // Brass and steel buckles share a material × length cell: 1 + 2 and 3 + 4.
    EXPECT_EQ(m.value().value(QStringLiteral("Leather"), QStringLiteral("90")), 3);
    EXPECT_EQ(m.value().value(QStringLiteral("Canvas"), QStringLiteral("90")), 7);
}
