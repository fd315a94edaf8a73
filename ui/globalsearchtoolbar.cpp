#include "globalsearchtoolbar.h"

#include <ui/mainwindow.h>
#include <ui/models/exceptionmodel.h>
#include <ui/pages/availabilitypage.h>
#include <ui/pages/exceptionspage.h>
#include <ui/pages/orderfilterbar.h>
#include <ui/pages/orderspage.h>
#include <ui/widgets/globalsearchfield.h>

#include <QAction>
#include <QTableView>

namespace Ledgerdesk::Ui {

GlobalSearchToolBar::GlobalSearchToolBar(Core::Store &store, MainWindow &window)
    : QToolBar(tr("Search"), &window)
    , m_window(window)
    , m_field(new GlobalSearchField(store, this))
{
    setObjectName(QStringLiteral("searchToolBar"));
    setMovable(false);
    setFloatable(false);
    addWidget(m_field);

    auto *focus = new QAction(tr("Search Everything"), this);
    focus->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)});
    focus->setShortcutContext(Qt::WindowShortcut);
    connect(focus, &QAction::triggered, this, &GlobalSearchToolBar::focusField);
    window.addAction(focus);
    connect(m_field, &GlobalSearchField::hitChosen, this, &GlobalSearchToolBar::open);
}

void GlobalSearchToolBar::focusField()
{
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

bool GlobalSearchToolBar::open(const Core::SearchHit &hit)
{
    switch (hit.kind) {
    case Core::SearchKind::Sku:
    case Core::SearchKind::Barcode:
    case Core::SearchKind::Style:
    case Core::SearchKind::Location: {
        auto *page
            = qobject_cast<AvailabilityPage *>(m_window.page(QStringLiteral("availability")));
        if (!page) {
            return false;
        }
        m_window.showPage(page->pageId());
        if (hit.kind == Core::SearchKind::Location) {
            page->setSearchText(QString());
            page->setLocationFilter(hit.key);
        } else {
            page->setLocationFilter(QString());
            page->setSearchText(hit.key);
        }
        page->view()->setFocus(Qt::OtherFocusReason);
        return true;
    }
    case Core::SearchKind::Order:
    case Core::SearchKind::Company: {
        auto *page = qobject_cast<OrdersPage *>(m_window.page(QStringLiteral("orders")));
        if (!page) {
            return false;
        }
        m_window.showPage(page->pageId());
        if (hit.kind == Core::SearchKind::Company) {
            page->filterBar()->setCompany(hit.key);
        } else {
            page->filterBar()->setCompany(QString());
            page->selectOrder(hit.id);
        }
        page->view()->setFocus(Qt::OtherFocusReason);
        return true;
    }
    case Core::SearchKind::Exception: {
        auto *page = qobject_cast<ExceptionsPage *>(m_window.page(QStringLiteral("exceptions")));
        if (!page) {
            return false;
        }
        m_window.showPage(page->pageId());
        const QAbstractItemModel *model = page->view()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(ExceptionModel::IdRole).toLongLong() == hit.id) {
                page->view()->selectRow(row);
                page->view()->scrollTo(model->index(row, 0));
                break;
            }
        }
        page->view()->setFocus(Qt::OtherFocusReason);
        return true;
    }
    }
    return false;
}

} // namespace Ledgerdesk::Ui
