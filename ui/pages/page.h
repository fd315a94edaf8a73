#pragma once

#include <core/domain/timestamp.h>

#include <QByteArray>
#include <QIcon>
#include <QString>
#include <QWidget>

namespace Ledgerdesk::Ui {

// One screen of the console. The main window lists pages in its navigation, routes the global
// shortcuts (find, refresh) to the current one and shows its summary in the status bar.
class Page : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)

public:
    using QWidget::QWidget;

    virtual QString pageId() const = 0; // stable key, e.g. "availability"
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
    virtual QString summary() const = 0; // for the status bar, e.g. "1,204 SKU × location rows"
    virtual void refresh() = 0;
    virtual void focusSearch() = 0;

    // The newest change in the ledger data this page shows, as of its last read; 0 if none.
    // Announced with summaryChanged().
    virtual Core::UtcMillis newestChange() const { return 0; }

    // Whether the status bar shows the age of newestChange() for this page.
    virtual bool showsFreshness() const { return false; }

    // View state worth keeping between sessions, such as column widths and sort order.
    virtual QByteArray saveState() const { return {}; }

    virtual void restoreState(const QByteArray &state) { Q_UNUSED(state) }

signals:
    void summaryChanged();
};

} // namespace Ledgerdesk::Ui
