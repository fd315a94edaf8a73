#include "orderstate.h"

#include <array>
#include <utility>

namespace Ledgerdesk::Core {

namespace {

constexpr std::array<std::pair<OrderState, const char16_t *>, 9> kKeys = {{
    {OrderState::New, u"new"},
    {OrderState::Allocated, u"allocated"},
    {OrderState::Backordered, u"backordered"},
    {OrderState::Picking, u"picking"},
    {OrderState::Shipped, u"shipped"},
    {OrderState::Invoiced, u"invoiced"},
    {OrderState::Paid, u"paid"},
    {OrderState::Cancelled, u"cancelled"},
    {OrderState::Returned, u"returned"},
}};

} // namespace

QString orderStateKey(OrderState state)
{
    for (const auto &[value, key] : kKeys) {
        if (value == state) {
            return QString::fromUtf16(key);
        }
    }
    return {};
}

std::optional<OrderState> orderStateFromKey(QStringView key)
{
    for (const auto &[value, text] : kKeys) {
        if (key == QStringView(text)) {
            return value;
        }
    }
    return std::nullopt;
}

QStringList orderStateKeys()
{
    QStringList keys;
    for (const auto &entry : kKeys) {
        keys << QString::fromUtf16(entry.second);
    }
    return keys;
}

bool isAllowedTransition(OrderState from, OrderState to)
{
    using S = OrderState;
    switch (from) {
    case S::New:
        return to == S::Allocated || to == S::Backordered || to == S::Cancelled;
    case S::Backordered:
        return to == S::Allocated || to == S::Backordered || to == S::Cancelled;
    case S::Allocated:
        return to == S::Picking || to == S::Cancelled;
    case S::Picking:
        return to == S::Shipped;
    case S::Shipped:
        return to == S::Invoiced || to == S::Returned;
    case S::Invoiced:
        return to == S::Paid || to == S::Returned;
    case S::Paid:
        return to == S::Returned;
    case S::Cancelled:
    case S::Returned:
        return false;
    }
    return false;
}

bool holdsNoPickedStock(OrderState state)
{
    return state == OrderState::New || state == OrderState::Allocated
           || state == OrderState::Backordered;
}

} // namespace Ledgerdesk::Core
