#include "orderspage.h"

#include <core/orders/orderallocator.h>
#include <core/orders/orderfulfilment.h>
#include <core/orders/orderoutbox.h>
#include <core/store/store.h>
#include <ui/dialogs/orderentrydialog.h>
#include <ui/models/ordermodel.h>
#include <ui/pages/orderdetailpane.h>
#include <ui/pages/orderfilterbar.h>
#include <ui/theme.h>
#include <ui/widgets/actionbar.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

namespace {

// The state each action moves an order to; the button is enabled only where that step is allowed.
struct ActionTarget
{
    const char16_t *name;
    Core::OrderState to;
};

constexpr ActionTarget kTargets[] = {
    {u"allocate", Core::OrderState::Allocated},
    {u"allocateOverride", Core::OrderState::Allocated},
    {u"pick", Core::OrderState::Picking},
    {u"ship", Core::OrderState::Shipped},
    {u"invoice", Core::OrderState::Invoiced},
    {u"paid", Core::OrderState::Paid},
    {u"cancel", Core::OrderState::Cancelled},
    {u"return", Core::OrderState::Returned},
};

} // namespace

OrdersPage::OrdersPage(Core::Store &store, QWidget *parent)
    : Page(parent)
    , m_store(store)
    , m_actor(qEnvironmentVariable("USER", QStringLiteral("console")))
    , m_model(new OrderModel(store, this))
{
    auto *header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("<b>Orders</b>"), this));
    header->addSpacing(16);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("counts"));
    header->addWidget(m_counts, 1);
    auto *newOrder = new QPushButton(tr("&New order…"), this);
    newOrder->setObjectName(QStringLiteral("newOrder"));
    newOrder->setToolTip(tr("Enter an order for a buyer and hold its stock (Ctrl+N)"));
    connect(newOrder, &QPushButton::clicked, this, &OrdersPage::openOrderEntry);
    header->addWidget(newOrder);
    auto *shortcut = new QShortcut(QKeySequence::New, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &OrdersPage::openOrderEntry);

    m_filters = new OrderFilterBar(this);
    connect(m_filters, &OrderFilterBar::filterChanged, m_model, &OrderModel::setFilter);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    m_error->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(OrderModel::CompanyColumn,
                                                     QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Orders"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    m_detail = new OrderDetailPane(this);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->addLayout(header);
    layout->addWidget(m_filters);
    layout->addWidget(m_error);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    layout->addWidget(createActions());

    // A new read replaces the rows; the order in view stays selected when it is still listed.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (const auto id = currentId(); id && m_wanted == 0) {
            m_wanted = *id;
        }
    });
    connect(m_model, &OrderModel::refreshed, this, &OrdersPage::modelRefreshed);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &OrdersPage::showDetail);
    updateButtons();
}

OrdersPage::~OrdersPage() = default;

QWidget *OrdersPage::createActions()
{
    auto *bar = new ActionBar(this);
    const auto add
        = [this, bar](const QString &name,
                      const QString &text,
                      const QString &tip,
                      void (OrdersPage::*slot)()) { bar->add(name, text, tip, this, slot); };
    add(QStringLiteral("allocate"),
        tr("&Allocate"),
        tr("Commit available stock from the channel's locations; what is missing is backordered"),
        &OrdersPage::allocate);
    add(QStringLiteral("allocateOverride"),
        tr("Allocate with &override…"),
        tr("Commit every unit even below zero available; needs a reason and is audited"),
        &OrdersPage::allocateWithOverride);
    add(QStringLiteral("pick"),
        tr("&Pick"),
        tr("Send a pick ticket to the WMS when it owns on-hand stock; otherwise the units leave "
           "on hand now"),
        &OrdersPage::pick);
    add(QStringLiteral("ship"), tr("Mark &shipped"), tr("The order has left"), &OrdersPage::ship);
    add(QStringLiteral("invoice"),
        tr("Mark &invoiced"),
        tr("The invoice has been sent"),
        &OrdersPage::invoice);
    add(QStringLiteral("paid"), tr("Mark pai&d"), tr("The invoice is paid"), &OrdersPage::markPaid);
    bar->addStretch();
    add(QStringLiteral("cancel"),
        tr("&Cancel order…"),
        tr("Release what is committed; needs a reason"),
        &OrdersPage::cancelOrder);
    add(QStringLiteral("return"),
        tr("&Return…"),
        tr("Take the order back: restock, keep as damaged, or write off"),
        &OrdersPage::returnOrder);
    m_buttons = bar->buttons();
    return bar;
}

QString OrdersPage::pageId() const
{
    return QStringLiteral("orders");
}

QString OrdersPage::title() const
{
    const qint64 waiting = m_model->needingAction();
    if (waiting <= 0) {
        return tr("Orders");
    }
    return m_model->needingActionCapped() ? tr("Orders %1+").arg(QLocale().toString(waiting))
                                          : tr("Orders %1").arg(QLocale().toString(waiting));
}

QIcon OrdersPage::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogDetailedView);
}

QString OrdersPage::summary() const
{
    const QLocale locale;
    const QString shown
        = m_model->isCapped()
              ? tr("Newest %1 orders shown (the list stops there; filter to narrow)")
                    .arg(locale.toString(m_model->rowCount()))
              : tr("%1 orders shown").arg(locale.toString(m_model->rowCount()));
    return tr("%1 · %2 new or backordered").arg(shown, locale.toString(m_model->needingAction()));
}

void OrdersPage::refresh()
{
    m_model->refresh();
}

void OrdersPage::focusSearch()
{
    m_filters->focusCompany();
}

void OrdersPage::setActor(const QString &actor)
{
    m_actor = actor;
}

QPushButton *OrdersPage::button(const QString &objectName) const
{
    for (QPushButton *b : m_buttons) {
        if (b->objectName() == objectName) {
            return b;
        }
    }
    return findChild<QPushButton *>(objectName);
}

QString OrdersPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString OrdersPage::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void OrdersPage::selectOrder(Core::OrderId id)
{
    const int row = m_model->rowOf(id);
    if (row < 0 || m_model->isLoading()) {
        m_wanted = id; // selected when the read on its way arrives
    }
    if (row >= 0) {
        m_view->selectRow(row);
        m_view->scrollTo(m_model->index(row, 0));
    }
}

void OrdersPage::modelRefreshed()
{
    if (!m_model->lastError().isEmpty()) {
        showError(tr("The orders could not be read: %1").arg(m_model->lastError()));
    }
    m_counts->setText(summary());
    if (m_wanted != 0) {
        const Core::OrderId wanted = m_wanted;
        m_wanted = 0;
        if (const int row = m_model->rowOf(wanted); row >= 0) {
            m_view->selectRow(row);
            m_view->scrollTo(m_model->index(row, 0));
        }
    }
    showDetail();
    emit summaryChanged();
}

std::optional<Core::OrderId> OrdersPage::currentId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (const OrderRow *row = m_model->rowAt(current.isValid() ? current.row() : -1)) {
        return row->order.id;
    }
    return std::nullopt;
}

void OrdersPage::showDetail()
{
    updateButtons();
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const OrderRow *row = m_model->rowAt(current.isValid() ? current.row() : -1);
    if (!row) {
        m_detail->showNothing();
        return;
    }
    // The history is one small indexed read for the order in view.
    const auto history = Core::OrderBook(m_store).history(row->order.id);
    const auto sent = Core::OrderOutbox::deliveries(m_store.connection(), row->order.id);
    m_detail->showOrder(*row,
                        history ? history.value() : QList<Core::OrderEvent>{},
                        sent ? sent.value() : QList<Core::OrderDelivery>{});
    if (!history || !sent) {
        showError(history ? sent.error().message : history.error().message);
    }
}

void OrdersPage::updateButtons()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const OrderRow *row = m_model->rowAt(current.isValid() ? current.row() : -1);
    for (QPushButton *b : std::as_const(m_buttons)) {
        bool allowed = false;
        for (const ActionTarget &target : kTargets) {
            if (row && b->objectName() == QStringView(target.name)) {
                allowed = Core::isAllowedTransition(row->order.state, target.to);
            }
        }
        b->setEnabled(allowed);
    }
}

void OrdersPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    if (!message.isEmpty()) {
        m_message->hide();
    }
}

void OrdersPage::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_error->hide();
}

void OrdersPage::run(const Command &command, const QString &done)
{
    const auto id = currentId();
    if (!id) {
        showError(tr("Select an order first."));
        return;
    }
    const Core::Status status = command(*id);
    if (status) {
        showMessage(done);
    } else {
        showError(status.error().message);
    }
    m_wanted = *id;
    m_model->refresh();
}

void OrdersPage::allocate()
{
    const auto id = currentId();
    if (!id) {
        return;
    }
    const auto outcome = Core::OrderAllocator(m_store).allocate(*id, m_actor);
    if (!outcome) {
        showError(outcome.error().message);
    } else if (outcome.value().shortfall > 0) {
        showMessage(tr("Allocated %1 unit(s); %2 backordered until stock arrives.")
                        .arg(QLocale().toString(outcome.value().allocatedNow),
                             QLocale().toString(outcome.value().shortfall)));
    } else {
        showMessage(
            tr("Allocated %1 unit(s).").arg(QLocale().toString(outcome.value().allocatedNow)));
    }
    m_wanted = *id;
    m_model->refresh();
}

void OrdersPage::allocateWithOverride()
{
    const auto id = currentId();
    if (!id) {
        return;
    }
    bool ok = false;
    const QString reason
        = QInputDialog::getText(this,
                                tr("Allocate with override"),
                                tr("Every unit is committed, even below zero available. Why?"),
                                QLineEdit::Normal,
                                QString(),
                                &ok)
              .trimmed();
    if (!ok) {
        return;
    }
    if (reason.isEmpty()) {
        showError(tr("Nothing was allocated: an override needs a reason."));
        return;
    }
    const auto outcome
        = Core::OrderAllocator(m_store).allocate(*id, m_actor, Core::StockOverride{reason});
    if (outcome) {
        showMessage(tr("Allocated %1 unit(s) with an override.")
                        .arg(QLocale().toString(outcome.value().allocatedNow)));
    } else {
        showError(outcome.error().message);
    }
    m_wanted = *id;
    m_model->refresh();
}

void OrdersPage::pick()
{
    // Whoever owns on-hand stock picks: the WMS through a pick ticket, or in-house at once.
    run([this](Core::OrderId id) { return Core::OrderFulfilment(m_store).release(id, m_actor); },
        tr("Picking started."));
}

void OrdersPage::advanceTo(Core::OrderState to, const QString &done)
{
    run([this, to](Core::OrderId id) { return Core::OrderBook(m_store).advance(id, to, m_actor); },
        done);
}

void OrdersPage::ship()
{
    advanceTo(Core::OrderState::Shipped, tr("Marked shipped."));
}

void OrdersPage::invoice()
{
    advanceTo(Core::OrderState::Invoiced, tr("Marked invoiced."));
}

void OrdersPage::markPaid()
{
    advanceTo(Core::OrderState::Paid, tr("Marked paid."));
}

void OrdersPage::cancelOrder()
{
    if (!currentId()) {
        return;
    }
    bool ok = false;
    const QString reason = QInputDialog::getText(this,
                                                 tr("Cancel order"),
                                                 tr("Why is the order cancelled?"),
                                                 QLineEdit::Normal,
                                                 QString(),
                                                 &ok)
                               .trimmed();
    if (!ok) {
        return;
    }
    if (reason.isEmpty()) {
        showError(tr("The order was not cancelled: a cancellation needs a reason."));
        return;
    }
    run(
        [this, reason](Core::OrderId id) {
            return Core::OrderFulfilment(m_store).cancel(id, m_actor, reason);
        },
        tr("Cancelled; committed units are available again."));
}

void OrdersPage::returnOrder()
{
    if (!currentId()) {
        return;
    }
    const QStringList choices{tr("Restock — the units are available again"),
                              tr("Damaged — kept on hand as damaged"),
                              tr("Write off — no stock comes back")};
    bool ok = false;
    const QString choice = QInputDialog::getItem(this,
                                                 tr("Return order"),
                                                 tr("What happens to the returned units?"),
                                                 choices,
                                                 0,
                                                 false,
                                                 &ok);
    if (!ok) {
        return;
    }
    const qsizetype index = choices.indexOf(choice);
    const Core::RestockDecision decision = index == 1   ? Core::RestockDecision::Damaged
                                           : index == 2 ? Core::RestockDecision::Discard
                                                        : Core::RestockDecision::Restock;
    run(
        [this, decision](Core::OrderId id) {
            return Core::OrderFulfilment(m_store).returnOrder(id, decision, m_actor);
        },
        tr("Returned: %1.").arg(choice));
}

void OrdersPage::openOrderEntry()
{
    OrderEntryDialog dialog(m_store, m_actor, this);
    if (dialog.exec() == QDialog::Accepted && dialog.placedOrderId() != 0) {
        showMessage(dialog.outcomeText());
        m_wanted = dialog.placedOrderId();
        m_model->refresh();
    }
}

} // namespace Ledgerdesk::Ui
