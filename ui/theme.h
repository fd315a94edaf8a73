#pragma once

#include <QColor>
#include <QIcon>

// Colours and icons shared by the pages. Icons are painted in code so they stay sharp at any
// scale without an image plugin.
namespace Ledgerdesk::Ui::Theme {

QColor outOfStockText();
QColor outOfStockFill();
QColor lowStockText();
QColor lowStockFill();

QIcon outOfStockIcon(); // a red disc with a bar
QIcon lowStockIcon();   // an amber triangle with an exclamation mark
QIcon availabilityPageIcon();

} // namespace Ledgerdesk::Ui::Theme
