#pragma once

#include <core/catalog/product.h>
#include <core/domain/money.h>

#include <QList>
#include <QString>

namespace Ledgerdesk::Core {

struct DemoVariant
{
    QString sku;
    QString barcode;
    QString color;
    QString size;
    Money price;
};

struct DemoStyle
{
    QString handle;
    QString title;
    QString vendor;
    QString productType;
    QList<DemoVariant> variants;
};

struct DemoLocation
{
    QString code;
    QString name;
    LocationKind kind = LocationKind::Warehouse;
};

// A seeded, deterministic apparel business: styles × colours × sizes, stocked at several locations.
// The console's demo ledger and the sandbox's stand-in systems start from the same catalogue.
class DemoCatalog final
{
public:
    static DemoCatalog generate(quint32 seed = 2026, int styleCount = 160);

    const QList<DemoStyle> &styles() const { return m_styles; }

    const QList<DemoLocation> &locations() const { return m_locations; }

    int variantCount() const;
    // Deterministic starting on-hand for a variant at a location (0 = not stocked there).
    qint64 startingOnHand(int style, int variant, int location) const;

private:
    quint32 m_seed = 0;
    QList<DemoStyle> m_styles;
    QList<DemoLocation> m_locations;
};

} // namespace Ledgerdesk::Core
