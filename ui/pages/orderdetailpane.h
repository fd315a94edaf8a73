#pragma once

#include <core/orders/orderbook.h>
#include <core/orders/orderoutbox.h>
#include <ui/models/orderloader.h>

#include <QWidget>

class QLabel;
class QListWidget;
class QTreeWidget;

namespace Ledgerdesk::Ui {

// One order in full: buyer, PO, terms and due date, each line with what is allocated where, and
// the order's history. Shows what it is given; reads nothing itself.
class OrderDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderDetailPane)

public:
    explicit OrderDetailPane(QWidget *parent = nullptr);

    void showOrder(const OrderRow &row,
                   const QList<Core::OrderEvent> &history,
                   const QList<Core::OrderDelivery> &deliveries = {});
    void showNothing();

    QString titleText() const;
    QString factsText() const; // buyer, PO, terms, due date as shown
    QString sentText() const;  // where each system stands with the order

    QTreeWidget *linesView() const { return m_lines; }

    QListWidget *historyList() const { return m_history; }

private:
    void showDeliveries(const QList<Core::OrderDelivery> &deliveries);

    QLabel *m_title = nullptr;
    QLabel *m_buyer = nullptr;
    QLabel *m_po = nullptr;
    QLabel *m_terms = nullptr;
    QLabel *m_due = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_sent = nullptr;
    QTreeWidget *m_lines = nullptr;
    QListWidget *m_history = nullptr;
};

} // namespace Ledgerdesk::Ui
