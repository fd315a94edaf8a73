#include "demopanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

DemoPanel::DemoPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *explanation = new QLabel(
        tr("<p>The demo shows the console at work without touching real systems. It starts "
           "<b>ledgerdesk-sandbox</b> on this computer, a stand-in for Shopify, the ERP and the "
           "warehouse's drop folder, and syncs with it: orders arrive, stock moves, and now and "
           "then two systems disagree, so the exceptions page fills up as it would on a busy "
           "day.</p>"
           "<p>The demo adds its catalogue (products, locations and opening stock) to the open "
           "ledger, so run it on a throwaway ledger rather than your own: <tt>ledgerdesk "
           "--demo</tt> opens one. The sandbox listens on this computer only (127.0.0.1) and its "
           "credentials exist only for the demo; your saved connections are not changed. Stop "
           "the demo to end the sandbox and the sync.</p>"),
        this);
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::RichText);

    m_start = new QPushButton(tr("S&tart demo"), this);
    m_start->setObjectName(QStringLiteral("startDemo"));
    m_stop = new QPushButton(tr("Sto&p demo"), this);
    m_stop->setObjectName(QStringLiteral("stopDemo"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addStretch(1);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("demoState"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(explanation);
    layout->addLayout(buttons);
    layout->addWidget(m_state);
    layout->addStretch(1);

    connect(m_start, &QPushButton::clicked, this, &DemoPanel::startRequested);
    connect(m_stop, &QPushButton::clicked, this, &DemoPanel::stopRequested);
    setState(false, tr("The demo is not running."));
}

DemoPanel::~DemoPanel() = default;

void DemoPanel::setState(bool running, const QString &text)
{
    m_running = running;
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_state->setText(text);
}

QString DemoPanel::stateText() const
{
    return m_state->text();
}

} // namespace Ledgerdesk::Ui
