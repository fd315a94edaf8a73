#pragma once

#include <core/orders/orderbook.h>
#include <ui/pages/page.h>

#include <QList>

#include <functional>

class QLabel;
class QPushButton;
class QTableView;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class OrderDetailPane;
class OrderFilterBar;
class OrderModel;

// The one order queue: every channel's orders, filtered by channel, state, company and issue
// date, with the selected order's lines, allocation, terms and history. Each action calls one
// core command (OrderAllocator, OrderFulfilment, OrderBook::advance) and is offered only where
// the order's state allows that step. Ctrl+N opens the rep's order entry.
class OrdersPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersPage)

public:
    explicit OrdersPage(Core::Store &store, QWidget *parent = nullptr);
    ~OrdersPage() override;

    QString pageId() const override;
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    void refresh() override;
    void focusSearch() override;

    // Who the history and audit log name for actions taken here.
    void setActor(const QString &actor);

    OrderModel *model() const { return m_model; }

    QTableView *view() const { return m_view; }

    OrderFilterBar *filterBar() const { return m_filters; }

    OrderDetailPane *detail() const { return m_detail; }

    QPushButton *button(const QString &objectName) const;
    QString errorText() const;
    QString messageText() const;

    // Selects the order once it is in the list (now or after the read on its way).
    void selectOrder(Core::OrderId id);
    void openOrderEntry();

private:
    using Command = std::function<Core::Status(Core::OrderId id)>;

    QWidget *createActions();
    void modelRefreshed();
    void showDetail();
    void updateButtons();
    std::optional<Core::OrderId> currentId() const;
    void run(const Command &command, const QString &done);
    void advanceTo(Core::OrderState to, const QString &done);
    void showError(const QString &message);
    void showMessage(const QString &message);

    void allocate();
    void allocateWithOverride();
    void pick();
    void ship();
    void invoice();
    void markPaid();
    void cancelOrder();
    void returnOrder();

    Core::Store &m_store;
    QString m_actor;
    OrderModel *m_model = nullptr;
    Core::OrderId m_wanted = 0; // to select once the list holds it

    OrderFilterBar *m_filters = nullptr;
    QLabel *m_counts = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_message = nullptr;
    OrderDetailPane *m_detail = nullptr;
    QList<QPushButton *> m_buttons;
};

} // namespace Ledgerdesk::Ui
