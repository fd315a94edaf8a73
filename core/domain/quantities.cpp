#include "quantities.h"

namespace Ledgerdesk::Core {

namespace {

constexpr std::array<const char16_t *, 8> kKeys = {u"available",
                                                   u"committed",
                                                   u"reserved",
                                                   u"damaged",
                                                   u"quality_control",
                                                   u"safety_stock",
                                                   u"incoming",
                                                   u"on_hand"};

} // namespace

QString quantityNameKey(QuantityName name)
{
    return QString::fromUtf16(kKeys[static_cast<std::size_t>(name)]);
}

std::optional<QuantityName> quantityNameFromKey(QStringView key)
{
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        if (key.compare(QStringView(kKeys[i]), Qt::CaseInsensitive) == 0) {
            return static_cast<QuantityName>(i);
        }
    }
    return std::nullopt;
}

qint64 Quantities::get(QuantityName name) const
{
    if (name == QuantityName::OnHand) {
        return onHand();
    }
    return values[static_cast<std::size_t>(name)];
}

void Quantities::set(QuantityName name, qint64 value)
{
    // on_hand is derived; setting it moves the difference through `available`.
    if (name == QuantityName::OnHand) {
        values[0] += value - onHand();
        return;
    }
    values[static_cast<std::size_t>(name)] = value;
}

qint64 Quantities::onHand() const
{
    qint64 sum = 0;
    for (int i = 0; i < 6; ++i) {
        sum += values[static_cast<std::size_t>(i)];
    }
    return sum;
}

bool Quantities::isZero() const
{
    for (const auto v : values) {
        if (v != 0) {
            return false;
        }
    }
    return true;
}

Quantities Quantities::operator+(const Quantities &other) const
{
    Quantities sum;
    for (std::size_t i = 0; i < values.size(); ++i) {
        sum.values[i] = values[i] + other.values[i];
    }
    return sum;
}

Quantities Quantities::operator-(const Quantities &other) const
{
    Quantities diff;
    for (std::size_t i = 0; i < values.size(); ++i) {
        diff.values[i] = values[i] - other.values[i];
    }
    return diff;
}

} // namespace Ledgerdesk::Core
