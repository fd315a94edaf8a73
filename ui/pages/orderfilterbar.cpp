#include "orderfilterbar.h"

#include <ui/models/ordermodel.h>

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

namespace Ledgerdesk::Ui {

namespace {

// The date edits show "any" at their minimum: no bound.
const QDate kNoBound(2000, 1, 1);

QDateEdit *dateEdit(const QString &name, const QString &anyText, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoBound);
    edit->setSpecialValueText(anyText);
    edit->setDate(kNoBound);
    return edit;
}

Core::UtcMillis startOf(QDate day)
{
    return day.startOfDay().toMSecsSinceEpoch();
}

} // namespace

OrderFilterBar::OrderFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_typing(new QTimer(this))
{
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channelFilter"));
    m_channel->setAccessibleName(tr("Channel"));
    m_channel->addItem(tr("All channels"), QString());
    for (const QString &c : {Core::OrderChannel::shopify,
                             Core::OrderChannel::erp,
                             Core::OrderChannel::console,
                             Core::OrderChannel::wms}) {
        m_channel->addItem(OrderModel::channelText(c), c);
    }
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->setAccessibleName(tr("State"));
    m_state->addItem(tr("All states"), QString());
    for (const QString &key : Core::orderStateKeys()) {
        m_state->addItem(OrderModel::stateText(*Core::orderStateFromKey(key)), key);
    }
    m_company = new QLineEdit(this);
    m_company->setObjectName(QStringLiteral("companyFilter"));
    m_company->setPlaceholderText(tr("Company"));
    m_company->setAccessibleName(tr("Company"));
    m_company->setClearButtonEnabled(true);
    m_from = dateEdit(QStringLiteral("issuedFrom"), tr("any"), this);
    m_to = dateEdit(QStringLiteral("issuedTo"), tr("any"), this);
    m_from->setAccessibleName(tr("Issued from"));
    m_to->setAccessibleName(tr("Issued until"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_channel);
    layout->addWidget(m_state);
    layout->addWidget(m_company, 1);
    layout->addWidget(new QLabel(tr("Issued from"), this));
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to"), this));
    layout->addWidget(m_to);

    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingDelayMs);
    connect(m_typing, &QTimer::timeout, this, &OrderFilterBar::apply);
    connect(m_company, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_company, &QLineEdit::returnPressed, this, &OrderFilterBar::apply);
    for (QComboBox *box : {m_channel, m_state}) {
        connect(box, &QComboBox::currentIndexChanged, this, &OrderFilterBar::apply);
    }
    for (QDateEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::dateChanged, this, &OrderFilterBar::apply);
    }
}

Core::OrderFilter OrderFilterBar::filter() const
{
    Core::OrderFilter f;
    f.channel = m_channel->currentData().toString();
    f.state = Core::orderStateFromKey(m_state->currentData().toString());
    f.company = m_company->text().trimmed();
    if (m_from->date() > kNoBound) {
        f.issuedFrom = startOf(m_from->date());
    }
    if (m_to->date() > kNoBound) {
        f.issuedTo = startOf(m_to->date().addDays(1)); // the whole last day
    }
    return f;
}

void OrderFilterBar::focusCompany()
{
    m_company->setFocus(Qt::ShortcutFocusReason);
    m_company->selectAll();
}

void OrderFilterBar::setChannel(const QString &channel)
{
    m_channel->setCurrentIndex(qMax(0, m_channel->findData(channel)));
}

void OrderFilterBar::setState(std::optional<Core::OrderState> state)
{
    m_state->setCurrentIndex(state ? qMax(0, m_state->findData(Core::orderStateKey(*state))) : 0);
}

void OrderFilterBar::setCompany(const QString &company)
{
    m_company->setText(company);
    apply();
}

void OrderFilterBar::setIssuedBetween(QDate from, QDate to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from.isValid() ? from : kNoBound);
    m_to->setDate(to.isValid() ? to : kNoBound);
    apply();
}

void OrderFilterBar::apply()
{
    m_typing->stop();
    emit filterChanged(filter());
}

} // namespace Ledgerdesk::Ui
