#include "syncexception.h"

#include <array>

namespace Ledgerdesk::Core {

namespace {

constexpr std::array<const char16_t *, 11> kKindKeys = {u"conflict",
                                                        u"rejected-by-target",
                                                        u"validation",
                                                        u"unknown-sku",
                                                        u"unknown-location",
                                                        u"authentication",
                                                        u"throttled",
                                                        u"stale-write",
                                                        u"oversell",
                                                        u"price-mismatch",
                                                        u"quantity-rule"};

constexpr std::array<const char16_t *, 4> kStateKeys
    = {u"open", u"acknowledged", u"resolved", u"ignored"};

template <typename Enum, std::size_t N>
std::optional<Enum> fromKey(const std::array<const char16_t *, N> &keys, QStringView key)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (key == QStringView(keys[i])) {
            return static_cast<Enum>(i);
        }
    }
    return std::nullopt;
}

} // namespace

QString exceptionKindKey(ExceptionKind kind)
{
    return QString::fromUtf16(kKindKeys[static_cast<std::size_t>(kind)]);
}

std::optional<ExceptionKind> exceptionKindFromKey(QStringView key)
{
    return fromKey<ExceptionKind>(kKindKeys, key);
}

QString exceptionStateKey(ExceptionState state)
{
    return QString::fromUtf16(kStateKeys[static_cast<std::size_t>(state)]);
}

std::optional<ExceptionState> exceptionStateFromKey(QStringView key)
{
    return fromKey<ExceptionState>(kStateKeys, key);
}

} // namespace Ledgerdesk::Core
