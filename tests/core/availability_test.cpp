#include <core/ledger/availability.h>
#include <core/store/sql.h>
#include <tests/support/tempstore.h>

#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <functional>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

constexpr int kStyles = 420;
constexpr int kSizes = 10;
constexpr int kLocations = 5; // 21 000 balances: more than a filter needs to count as broad

// A ledger big enough for the index walks and the reads from the end, on either backend.
class AvailabilityQueryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSqlDatabase db = t.store().connection();
        WriteTransaction tx(db, t.store().dialect());
        ASSERT_TRUE(tx.begun().ok());
        QSqlQuery style(db);
        style.prepare(QStringLiteral("INSERT INTO styles (handle, title) VALUES (?, ?)"));
        QSqlQuery variant(db);
        variant.prepare(QStringLiteral(
            "INSERT INTO variants (style_id, sku, barcode, option1_name, option1_value, "
            "option2_name, option2_value) SELECT id, ?, ?, 'Color', ?, 'Size', ? FROM styles "
            "WHERE handle = ?"));
        const QStringList colors
            = {QStringLiteral("Navy"), QStringLiteral("Black"), QStringLiteral("Sand")};
        for (int s = 1; s <= kStyles; ++s) {
            const QString handle = QStringLiteral("style-%1").arg(s, 4, 10, QLatin1Char('0'));
            style.addBindValue(handle);
            style.addBindValue(s % 4 == 0 ? QStringLiteral("Loopback Hoodie %1").arg(s)
                                          : QStringLiteral("Canvas Chino %1").arg(s));
            ASSERT_TRUE(style.exec()) << style.lastError().text().toStdString();
            for (int size = 0; size < kSizes; ++size) {
                const int v = (s - 1) * kSizes + size + 1;
                variant.addBindValue(QStringLiteral("AV-%1").arg(v, 5, 10, QLatin1Char('0')));
                variant.addBindValue(QStringLiteral("40%1").arg(v, 11, 10, QLatin1Char('0')));
                variant.addBindValue(colors.at(v % 3));
                variant.addBindValue(QStringLiteral("S%1").arg(size));
                variant.addBindValue(handle);
                ASSERT_TRUE(variant.exec()) << variant.lastError().text().toStdString();
            }
        }
        for (int l = 1; l <= kLocations; ++l) {
            ASSERT_TRUE(
                runQuery(db,
                         QStringLiteral("INSERT INTO locations (code, name, kind) "
                                        "VALUES (?, ?, 'warehouse')"),
                         {QStringLiteral("L%1").arg(l), QStringLiteral("Location %1").arg(l)})
                    .ok());
        }
        ASSERT_TRUE(tx.commit().ok());

        PostingRequest receipt;
        receipt.source = QStringLiteral("test");
        receipt.reference = QStringLiteral("opening");
        receipt.reason = MovementReason::Receipt;
        receipt.actor = QStringLiteral("tester");
        QList<LocationId> locations;
        for (int l = 1; l <= kLocations; ++l) {
            locations << t.location(QStringLiteral("L%1").arg(l));
        }
        for (int v = 1; v <= kStyles * kSizes; ++v) {
            const VariantId variant
                = t.variant(QStringLiteral("AV-%1").arg(v, 5, 10, QLatin1Char('0')));
            for (int l = 1; l <= kLocations; ++l) {
                MovementLine line{variant, locations.at(l - 1), {}};
                line.delta.set(QuantityName::Available, (v * 7 + l) % 13);
                line.delta.set(QuantityName::Incoming, 1 + (v + l) % 4);
                receipt.lines << line;
            }
        }
        const auto posted = t.ledger().post(receipt);
        ASSERT_TRUE(posted.ok()) << posted.error().message.toStdString();
    }

    QList<AvailabilityRow> all(const AvailabilityFilter &filter,
                               AvailabilitySort sort = AvailabilitySort::Sku,
                               bool descending = false)
    {
        const auto rows = AvailabilityQuery(t.store()).fetch(filter, sort, descending);
        EXPECT_TRUE(rows.ok()) << (rows ? "" : rows.error().message.toStdString());
        return rows ? rows.value() : QList<AvailabilityRow>();
    }

    TempStore t;
};

AvailabilityFilter searching(const QString &text)
{
    AvailabilityFilter f;
    f.search = text;
    return f;
}

// The key a sort orders by, as text or number, for checking the order of rows.
QVariant sortKey(const AvailabilityRow &row, AvailabilitySort sort)
{
    switch (sort) {
    case AvailabilitySort::Sku:
        return row.sku;
    case AvailabilitySort::Style:
        return row.styleHandle;
    case AvailabilitySort::Location:
        return row.locationCode;
    case AvailabilitySort::Available:
        return row.quantities.available();
    case AvailabilitySort::OnHand:
        return row.quantities.onHand();
    case AvailabilitySort::Committed:
        return row.quantities.committed();
    case AvailabilitySort::Incoming:
        return row.quantities.incoming();
    case AvailabilitySort::Color:
        return row.option1;
    case AvailabilitySort::Size:
        return row.option2;
    }
    return {};
}

bool inOrder(const QVariant &a, const QVariant &b, bool descending)
{
    const int c = a.typeId() == QMetaType::QString ? a.toString().compare(b.toString())
                                                   : (a.toLongLong() < b.toLongLong()   ? -1
                                                      : a.toLongLong() > b.toLongLong() ? 1
                                                                                        : 0);
    return descending ? c >= 0 : c <= 0;
}

} // namespace

TEST_F(AvailabilityQueryTest, everyFilterCountsTheRowsItReads)
{
    AvailabilityFilter location;
    location.locationCode = QStringLiteral("L3");
    AvailabilityFilter low;
    low.lowStockOnly = true;
    AvailabilityFilter lowAt = low;
    lowAt.locationCode = QStringLiteral("L2");
    AvailabilityFilter skuAt = searching(QStringLiteral("av-0001"));
    skuAt.locationCode = QStringLiteral("L5");
    AvailabilityFilter exact;
    exact.sku = QStringLiteral("AV-00042");
    AvailabilityFilter handle;
    handle.styleHandle = QStringLiteral("style-0007");

    const struct
    {
        AvailabilityFilter filter;
        qint64 rows;
        std::function<bool(const AvailabilityRow &)> matches;
    } cases[] = {
        {{}, 21000, [](const AvailabilityRow &) { return true; }},
        // A SKU beginning in any case: AV-00010 … AV-00019.
        {searching(QStringLiteral("av-0001")),
         50,
         [](const AvailabilityRow &r) { return r.sku.startsWith(QStringLiteral("AV-0001")); }},
        {searching(QStringLiteral("AV-")), 21000, [](const AvailabilityRow &) { return true; }},
        // Words of a title: every fourth style.
        {searching(QStringLiteral("loopback")),
         5250,
         [](const AvailabilityRow &r) {
             return r.title.startsWith(QStringLiteral("Loopback Hoodie"));
         }},
        {searching(QStringLiteral("style-000")),
         9 * 10 * 5,
         [](const AvailabilityRow &r) {
             return r.styleHandle.startsWith(QStringLiteral("style-000"));
         }},
        {searching(QStringLiteral("4000000000123")),
         5,
         [](const AvailabilityRow &r) { return r.sku == QStringLiteral("AV-00123"); }},
        {searching(QStringLiteral("400000000012")),
         0,
         [](const AvailabilityRow &) { return false; }},
        {searching(QStringLiteral("%")), 0, [](const AvailabilityRow &) { return false; }},
        {searching(QStringLiteral("AV_0")), 0, [](const AvailabilityRow &) { return false; }},
        {location, 4200, [](const AvailabilityRow &r) { return r.locationCode == u"L3"; }},
        {low, -1, [](const AvailabilityRow &r) { return r.quantities.available() <= 5; }},
        {lowAt,
         -1,
         [](const AvailabilityRow &r) {
             return r.quantities.available() <= 5 && r.locationCode == u"L2";
         }},
        {skuAt,
         10,
         [](const AvailabilityRow &r) {
             return r.sku.startsWith(QStringLiteral("AV-0001")) && r.locationCode == u"L5";
         }},
        {exact, 5, [](const AvailabilityRow &r) { return r.sku == u"AV-00042"; }},
        {handle, 50, [](const AvailabilityRow &r) { return r.styleHandle == u"style-0007"; }},
    };

    for (const auto &c : cases) {
        const auto count = AvailabilityQuery(t.store()).count(c.filter);
        ASSERT_TRUE(count.ok()) << count.error().message.toStdString();
        const QList<AvailabilityRow> rows = all(c.filter);
        EXPECT_EQ(count.value(), rows.size()) << c.filter.search.toStdString();
        if (c.rows >= 0) {
            EXPECT_EQ(count.value(), c.rows) << c.filter.search.toStdString();
        } else {
            EXPECT_GT(count.value(), 0);
        }
        for (const AvailabilityRow &row : rows) {
            ASSERT_TRUE(c.matches(row))
                << c.filter.search.toStdString() << " " << row.sku.toStdString();
        }
    }
}

TEST_F(AvailabilityQueryTest, pagesFromTheFarEndMatchTheWholeOrder)
{
    AvailabilityFilter location;
    location.locationCode = QStringLiteral("L4");
    const AvailabilityFilter filters[]
        = {{}, searching(QStringLiteral("AV-")), searching(QStringLiteral("loopback")), location};
    const AvailabilitySort sorts[] = {AvailabilitySort::Sku,
                                      AvailabilitySort::Style,
                                      AvailabilitySort::Location,
                                      AvailabilitySort::Available,
                                      AvailabilitySort::OnHand,
                                      AvailabilitySort::Committed,
                                      AvailabilitySort::Incoming,
                                      AvailabilitySort::Color,
                                      AvailabilitySort::Size};
    for (const AvailabilityFilter &filter : filters) {
        // Every order of the whole ledger; the filters in the orders that walk different indexes.
        const bool unfiltered = filter.search.isEmpty() && filter.locationCode.isEmpty();
        for (const AvailabilitySort sort : sorts) {
            if (!unfiltered && sort != AvailabilitySort::Sku && sort != AvailabilitySort::Style
                && sort != AvailabilitySort::Available) {
                continue;
            }
            for (const bool descending : {false, true}) {
                if (!unfiltered && !descending) {
                    continue;
                }
                const QList<AvailabilityRow> rows = all(filter, sort, descending);
                const qint64 total = rows.size();
                ASSERT_GT(total, 1000);
                for (qsizetype i = 1; i < rows.size(); ++i) {
                    ASSERT_TRUE(inOrder(
                        sortKey(rows.at(i - 1), sort), sortKey(rows.at(i), sort), descending))
                        << static_cast<int>(sort) << " row " << i;
                }
                // Descending is the exact reverse of ascending, ties included.
                if (descending && unfiltered) {
                    QList<AvailabilityRow> ascending = all(filter, sort, false);
                    std::reverse(ascending.begin(), ascending.end());
                    for (qsizetype i = 0; i < rows.size(); i += 97) {
                        ASSERT_EQ(rows.at(i).sku + rows.at(i).locationCode,
                                  ascending.at(i).sku + ascending.at(i).locationCode);
                    }
                }
                for (const qint64 offset :
                     {qint64(0), total / 2 + 1, total - 300, total - 256, total - 10}) {
                    const auto page = AvailabilityQuery(t.store()).fetch(
                        filter, sort, descending, 256, offset, total);
                    ASSERT_TRUE(page.ok()) << page.error().message.toStdString();
                    const QList<AvailabilityRow> expected = rows.mid(offset, 256);
                    ASSERT_EQ(page.value().size(), expected.size()) << offset;
                    for (qsizetype i = 0; i < expected.size(); ++i) {
                        ASSERT_EQ(page.value().at(i).variantId, expected.at(i).variantId)
                            << static_cast<int>(sort) << " " << descending << " at " << offset + i;
                        ASSERT_EQ(page.value().at(i).locationId, expected.at(i).locationId);
                    }
                }
            }
        }
    }
}
