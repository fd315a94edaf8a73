#pragma once

#include <core/catalog/globalsearch.h>

#include <QToolBar>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class GlobalSearchField;
class MainWindow;

// The main window's toolbar with the search over everything. Ctrl+K or Ctrl+Shift+F focus the
// field; a chosen hit opens the page that shows it: a SKU, barcode or style on availability with
// the search set, a location as availability's location filter, an order selected and a
// company as the filter on the orders page, an exception selected on the exceptions page.
class GlobalSearchToolBar final : public QToolBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GlobalSearchToolBar)

public:
    GlobalSearchToolBar(Core::Store &store, MainWindow &window);

    GlobalSearchField *field() const { return m_field; }

    void focusField();
    // Shows what the hit points at; false when the window has no page for it.
    bool open(const Core::SearchHit &hit);

private:
    MainWindow &m_window;
    GlobalSearchField *m_field = nullptr;
};

} // namespace Ledgerdesk::Ui
