#pragma once

#include <QString>
#include <QtGlobal>

#include <array>
#include <optional>

namespace Ledgerdesk::Core {

// Shopify's inventory state names. on_hand is the sum of the first six; incoming lies outside it.
enum class QuantityName {
    Available,
    Committed,
    Reserved,
    Damaged,
    QualityControl,
    SafetyStock,
    Incoming,
    OnHand,
};

inline constexpr int kStoredQuantityCount = 7; // every name except the derived on_hand
inline constexpr qint64 kMaxAbsoluteQuantity = 2'000'000'000;

QString quantityNameKey(QuantityName name); // "available", "quality_control", …
std::optional<QuantityName> quantityNameFromKey(QStringView key);

// The seven stored components; on_hand is computed so the invariant holds by construction.
struct Quantities
{
    std::array<qint64, kStoredQuantityCount> values{};

    qint64 get(QuantityName name) const;
    void set(QuantityName name, qint64 value);

    void add(QuantityName name, qint64 delta) { set(name, get(name) + delta); }

    qint64 available() const { return get(QuantityName::Available); }

    qint64 committed() const { return get(QuantityName::Committed); }

    qint64 incoming() const { return get(QuantityName::Incoming); }

    qint64 onHand() const;
    bool isZero() const;

    Quantities operator+(const Quantities &other) const;
    Quantities operator-(const Quantities &other) const;
    friend bool operator==(const Quantities &, const Quantities &) = default;
};

} // namespace Ledgerdesk::Core
