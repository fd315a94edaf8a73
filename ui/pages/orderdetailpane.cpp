#include "orderdetailpane.h"

#include <ui/models/ordermodel.h>
#include <ui/theme.h>

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

namespace {

enum LineColumn { LineNo, Sku, Quantity, UnitPrice, Allocated, Outstanding, LineColumns };

QLabel *factLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString allocationText(const Core::OrderLine &line)
{
    QStringList parts;
    const QLocale locale;
    for (const Core::OrderLineAllocation &a : line.allocations) {
        parts << QStringLiteral("%1 %2").arg(a.locationCode, locale.toString(a.quantity));
    }
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(" · "));
}

} // namespace

OrderDetailPane::OrderDetailPane(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("orderTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buyer = factLabel(this);
    m_po = factLabel(this);
    m_terms = factLabel(this);
    m_due = factLabel(this);
    m_total = factLabel(this);
    m_sent = factLabel(this);
    m_sent->setObjectName(QStringLiteral("orderSent"));
    auto *facts = new QFormLayout;
    facts->setContentsMargins(0, 0, 0, 0);
    facts->addRow(tr("Buyer:"), m_buyer);
    facts->addRow(tr("PO:"), m_po);
    facts->addRow(tr("Terms:"), m_terms);
    facts->addRow(tr("Due:"), m_due);
    facts->addRow(tr("Total:"), m_total);
    facts->addRow(tr("Sent:"), m_sent);

    m_lines = new QTreeWidget(this);
    m_lines->setObjectName(QStringLiteral("orderLines"));
    m_lines->setAccessibleName(tr("Order lines"));
    m_lines->setRootIsDecorated(false);
    m_lines->setAlternatingRowColors(true);
    m_lines->setColumnCount(LineColumns);
    m_lines->setHeaderLabels(
        {tr("#"), tr("SKU"), tr("Qty"), tr("Unit price"), tr("Allocated"), tr("Outstanding")});
    m_lines->header()->setStretchLastSection(false);
    m_lines->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->header()->setSectionResizeMode(Allocated, QHeaderView::Stretch);

    m_history = new QListWidget(this);
    m_history->setObjectName(QStringLiteral("orderHistory"));
    m_history->setAccessibleName(tr("Order history"));
    m_history->setWordWrap(true);

    auto *left = new QVBoxLayout;
    left->addWidget(m_title);
    left->addLayout(facts);
    left->addWidget(m_lines, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("History"), this));
    right->addWidget(m_history, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);
    showNothing();
}

void OrderDetailPane::showNothing()
{
    m_title->setText(tr("Select an order to see its lines, terms and history."));
    for (QLabel *l : {m_buyer, m_po, m_terms, m_due, m_total, m_sent}) {
        l->setText(QStringLiteral("—"));
        l->setStyleSheet(QString());
    }
    m_lines->clear();
    m_history->clear();
}

void OrderDetailPane::showOrder(const OrderRow &row,
                                const QList<Core::OrderEvent> &history,
                                const QList<Core::OrderDelivery> &deliveries)
{
    const Core::Order &o = row.order;
    const QLocale locale;
    m_title->setText(tr("<b>%1</b> · %2 · %3 · ref %4")
                         .arg(o.name.toHtmlEscaped(),
                              OrderModel::channelText(o.channel),
                              OrderModel::stateText(o.state),
                              o.externalRef.toHtmlEscaped()));
    if (o.company.isEmpty()) {
        m_buyer->setText(tr("Consumer order (no company)"));
    } else {
        m_buyer->setText(row.locationName.isEmpty()
                             ? o.company
                             : tr("%1 — %2").arg(o.company, row.locationName));
    }
    m_po->setText(o.poNumber.isEmpty() ? QStringLiteral("—") : o.poNumber);
    if (row.terms) {
        m_terms->setText(o.paymentTerms.isEmpty() || o.paymentTerms == row.terms->describe()
                             ? row.terms->describe()
                             : tr("%1 (%2)").arg(o.paymentTerms, row.terms->describe()));
    } else {
        m_terms->setText(o.paymentTerms.isEmpty() ? tr("none stated") : o.paymentTerms);
    }
    const QDate today = QDate::currentDate();
    if (row.due) {
        const bool overdue = OrderModel::isOverdue(row, today);
        m_due->setText(overdue
                           ? tr("%1 — overdue by %n day(s)", nullptr, int(row.due->daysTo(today)))
                                 .arg(locale.toString(*row.due, QLocale::LongFormat))
                           : locale.toString(*row.due, QLocale::LongFormat));
        m_due->setStyleSheet(overdue ? QStringLiteral("color: %1; font-weight: bold;")
                                           .arg(Theme::outOfStockText().name())
                                     : QString());
    } else {
        m_due->setText(row.terms && row.terms->type() == Core::PaymentTerms::Type::Fulfillment
                           ? tr("when the order ships")
                           : tr("unknown (no terms)"));
        m_due->setStyleSheet(QString());
    }
    m_total->setText(tr("%1, issued %2")
                         .arg(o.total().toString(),
                              locale.toString(QDateTime::fromMSecsSinceEpoch(o.issuedAt),
                                              QLocale::ShortFormat)));

    showDeliveries(deliveries);

    m_lines->clear();
    for (const Core::OrderLine &line : o.lines) {
        auto *item = new QTreeWidgetItem(m_lines);
        item->setText(LineNo, QString::number(line.lineNo));
        item->setText(Sku, line.sku);
        item->setText(Quantity, locale.toString(line.quantity));
        item->setText(UnitPrice, line.unitPrice.toString());
        item->setText(Allocated, allocationText(line));
        item->setText(Outstanding, locale.toString(line.outstanding()));
        for (const int column : {int(LineNo), int(Quantity), int(UnitPrice), int(Outstanding)}) {
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        }
        if (line.outstanding() > 0 && o.state == Core::OrderState::Backordered) {
            item->setForeground(Outstanding, Theme::lowStockText());
        }
    }

    m_history->clear();
    for (const Core::OrderEvent &event : history) {
        const QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(event.at).toLocalTime(),
                                             QLocale::ShortFormat);
        const QString step = event.from && *event.from != event.to
                                 ? tr("%1 → %2").arg(OrderModel::stateText(*event.from),
                                                     OrderModel::stateText(event.to))
                                 : OrderModel::stateText(event.to);
        m_history->addItem(event.detail.isEmpty()
                               ? tr("%1  %2 by %3").arg(when, step, event.actor)
                               : tr("%1  %2 by %3: %4").arg(when, step, event.actor, event.detail));
    }
}

QString OrderDetailPane::titleText() const
{
    return m_title->text();
}

void OrderDetailPane::showDeliveries(const QList<Core::OrderDelivery> &deliveries)
{
    // What each system was actually told: never "queued" for a row that was refused.
    QStringList parts;
    bool refused = false;
    for (const Core::OrderDelivery &d : deliveries) {
        const QString what = d.kind == Core::OutboxKinds::kSalesOrderCreate ? tr("sales order")
                             : d.kind == Core::OutboxKinds::kPickCreate     ? tr("pick ticket")
                                                                            : tr("fulfilment");
        QString state;
        switch (d.status) {
        case Core::OutboxStatus::Done:
            state = tr("delivered");
            break;
        case Core::OutboxStatus::Pending:
        case Core::OutboxStatus::InFlight:
            state = d.attempts == 0
                        ? tr("waiting to be sent")
                        : tr("not delivered yet after %n attempt(s): %1", nullptr, d.attempts)
                              .arg(d.lastError);
            break;
        case Core::OutboxStatus::Dead:
            state = tr("REFUSED: %1 (see Exceptions)").arg(d.lastError);
            refused = true;
            break;
        }
        parts << tr("%1 to %2 — %3").arg(what, d.target, state);
    }
    m_sent->setText(parts.isEmpty() ? tr("nothing to send") : parts.join(u'\n'));
    m_sent->setStyleSheet(
        refused
            ? QStringLiteral("color: %1; font-weight: bold;").arg(Theme::outOfStockText().name())
            : QString());
}

QString OrderDetailPane::sentText() const
{
    return m_sent->text();
}

QString OrderDetailPane::factsText() const
{
    return QStringList{m_buyer->text(), m_po->text(), m_terms->text(), m_due->text()}.join(
        QStringLiteral(" | "));
}

} // namespace Ledgerdesk::Ui
