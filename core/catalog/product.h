#pragma once

#include <core/domain/money.h>

#include <QString>

#include <array>
#include <optional>

namespace Ledgerdesk::Core {

using StyleId = qint64;
using VariantId = qint64;
using LocationId = qint64;

// A style is what a customer calls "a product"; its variants are the colours and sizes.
struct Style
{
    StyleId id = 0;
    QString handle;
    QString title;
    QString vendor;
    QString productType;
};

struct VariantOption
{
    QString name;  // "Color", "Size"
    QString value; // "Navy", "M"
    friend bool operator==(const VariantOption &, const VariantOption &) = default;
};

struct Variant
{
    VariantId id = 0;
    StyleId styleId = 0;
    QString sku;
    QString barcode;
    std::array<VariantOption, 3> options;
    std::optional<Money> price;
    bool allowOversell = false;
};

enum class LocationKind { Warehouse, Retail, ThirdPartyLogistics, TradeShow };

QString locationKindKey(LocationKind kind); // "warehouse", "retail", "3pl", "trade_show"
std::optional<LocationKind> locationKindFromKey(QStringView key);

struct Location
{
    LocationId id = 0;
    QString code; // short, stable business identifier, e.g. "WH-EAST"
    QString name;
    LocationKind kind = LocationKind::Warehouse;
    bool active = true;
};

} // namespace Ledgerdesk::Core
