#include "democatalog.h"

#include <QRandomGenerator>

#include <array>

namespace Ledgerdesk::Core {

namespace {

struct Garment
{
    const char *code;
    const char *name;
    const char *type;
    int basePriceCents;
    bool sized;
};

constexpr std::array<Garment, 12> kGarments = {{
    {"FJ", "Field Jacket", "Outerwear", 18900, true},
    {"RT", "Rib Tee", "Tops", 3400, true},
    {"OX", "Oxford Shirt", "Shirts", 8900, true},
    {"CH", "Chino", "Bottoms", 9800, true},
    {"KN", "Merino Crew", "Knitwear", 12800, true},
    {"HD", "Loopback Hoodie", "Tops", 9400, true},
    {"PK", "Parka", "Outerwear", 32900, true},
    {"DN", "Selvedge Denim", "Bottoms", 16800, true},
    {"CP", "Wool Cap", "Accessories", 3900, false},
    {"SC", "Lambswool Scarf", "Accessories", 6900, false},
    {"TB", "Canvas Tote", "Bags", 5400, false},
    {"SK", "Boot Sock", "Accessories", 1800, true},
}};

constexpr std::array<const char *, 10> kFits = {"Classic",
                                                "Relaxed",
                                                "Slim",
                                                "Heritage",
                                                "Utility",
                                                "Coastal",
                                                "Alpine",
                                                "Studio",
                                                "Harbor",
                                                "Field"};

constexpr std::array<const char *, 8> kColors
    = {"Navy", "Black", "Olive", "Stone", "Rust", "Heather Grey", "Ecru", "Forest"};

constexpr std::array<const char *, 6> kSizes = {"XS", "S", "M", "L", "XL", "XXL"};

QString colorCode(const QString &color)
{
    return color.left(3).toUpper().remove(u' ');
}

} // namespace

DemoCatalog DemoCatalog::generate(quint32 seed, int styleCount)
{
    DemoCatalog catalog;
    catalog.m_seed = seed;
    catalog.m_locations = {
        {QStringLiteral("WH-EAST"),
         QStringLiteral("East Coast Warehouse"),
         LocationKind::Warehouse},
        {QStringLiteral("WH-WEST"),
         QStringLiteral("West Coast Warehouse"),
         LocationKind::Warehouse},
        {QStringLiteral("STORE-SOHO"), QStringLiteral("SoHo Flagship"), LocationKind::Retail},
        {QStringLiteral("3PL-RENO"), QStringLiteral("Reno 3PL"), LocationKind::ThirdPartyLogistics},
        {QStringLiteral("SHOW-CASE"), QStringLiteral("Trade Show Case"), LocationKind::TradeShow},
    };
    QRandomGenerator rng(seed);
    qint64 barcode = 400000000000LL + seed % 1000;
    for (int i = 0; i < styleCount; ++i) {
        const Garment &g = kGarments[static_cast<std::size_t>(i) % kGarments.size()];
        const char *fit = kFits[static_cast<std::size_t>(i / int(kGarments.size())) % kFits.size()];
        DemoStyle style;
        const QString code = QString::fromLatin1(g.code) + QString::number(100 + i);
        style.title = QString::fromLatin1(fit) + u' ' + QString::fromLatin1(g.name);
        style.handle = style.title.toLower().replace(u' ', u'-') + u'-' + QString::number(100 + i);
        style.vendor = QStringLiteral("Northwind Supply");
        style.productType = QString::fromLatin1(g.type);
        const int colorCount = 2 + static_cast<int>(rng.bounded(3));
        const int firstColor = static_cast<int>(rng.bounded(int(kColors.size())));
        const int priceStep = static_cast<int>(rng.bounded(5)) * 500;
        for (int c = 0; c < colorCount; ++c) {
            const QString color = QString::fromLatin1(
                kColors[static_cast<std::size_t>(firstColor + c) % kColors.size()]);
            const QList<QString> sizes = [&] {
                QList<QString> list;
                if (!g.sized) {
                    list << QStringLiteral("OS");
                } else {
                    for (const char *s : kSizes) {
                        list << QString::fromLatin1(s);
                    }
                }
                return list;
            }();
            for (const QString &size : sizes) {
                DemoVariant v;
                v.sku = code + u'-' + colorCode(color) + u'-' + size;
                v.barcode = QString::number(barcode++);
                v.color = color;
                v.size = size;
                v.price = Money(g.basePriceCents + priceStep, QStringLiteral("USD"));
                style.variants << v;
            }
        }
        catalog.m_styles << style;
    }
    return catalog;
}

int DemoCatalog::variantCount() const
{
    int count = 0;
    for (const DemoStyle &s : m_styles) {
        count += static_cast<int>(s.variants.size());
    }
    return count;
}

qint64 DemoCatalog::startingOnHand(int style, int variant, int location) const
{
    // A per-cell generator keeps the answer independent of the order cells are asked in.
    QRandomGenerator rng(
        m_seed ^ static_cast<quint32>(style * 7919 + variant * 104729 + location * 15485863));
    const auto &loc = m_locations.value(location);
    const int roll = static_cast<int>(rng.bounded(100));
    if (loc.kind == LocationKind::TradeShow) {
        return roll < 30 ? 1 + rng.bounded(3) : 0; // samples only
    }
    if (roll < 8) {
        return 0; // out of stock
    }
    if (roll < 20) {
        return 1 + rng.bounded(4); // low stock
    }
    const qint64 scale = loc.kind == LocationKind::Retail ? 12 : 80;
    return 5 + rng.bounded(scale);
}

} // namespace Ledgerdesk::Core
