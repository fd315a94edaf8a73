#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Ledgerdesk::Core {

// Where an order stands. The ledger effect of each step is defined by the command that takes it:
// allocation commits stock, picking takes it off on_hand, a return goes through a restock
// decision, a cancellation releases what was committed.
enum class OrderState {
    New,
    Allocated,
    Backordered,
    Picking,
    Shipped,
    Invoiced,
    Paid,
    Cancelled,
    Returned,
};

QString orderStateKey(OrderState state); // "new", "allocated", …
std::optional<OrderState> orderStateFromKey(QStringView key);
QStringList orderStateKeys();

// The transitions a person or a connected system may ask for; everything else is refused.
bool isAllowedTransition(OrderState from, OrderState to);
// True while the order may still change what it holds (allocation, release).
bool holdsNoPickedStock(OrderState state);

} // namespace Ledgerdesk::Core
