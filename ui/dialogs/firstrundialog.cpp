#include "firstrundialog.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

FirstRunDialog::FirstRunDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Welcome to Ledgerdesk"));
    auto *intro = new QLabel(
        tr("<h3>Welcome to Ledgerdesk</h3>"
           "<p>The live demo runs a sample apparel shop, ERP and warehouse on this computer and "
           "connects to them: orders arrive, stock moves and every screen follows as it "
           "happens. Nothing of it is kept after closing.</p>"),
        this);
    intro->setWordWrap(true);

    m_demo = new QPushButton(tr("Open the &live demo"), this);
    m_empty = new QPushButton(tr("Start with an &empty ledger"), this);
    m_open = new QPushButton(tr("&Open a ledger file…"), this);
    m_demo->setDefault(true);
    m_demo->setAutoDefault(true);
    connect(m_demo, &QPushButton::clicked, this, [this] { choose(Choice::LiveDemo); });
    connect(m_empty, &QPushButton::clicked, this, [this] { choose(Choice::EmptyLedger); });
    connect(m_open, &QPushButton::clicked, this, &FirstRunDialog::openFile);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addStretch(1);
    buttons->addWidget(m_empty);
    buttons->addWidget(m_demo);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(u'M') * 40);
}

FirstRunDialog::~FirstRunDialog() = default;

QPushButton *FirstRunDialog::button(Choice choice) const
{
    switch (choice) {
    case Choice::LiveDemo:
        return m_demo;
    case Choice::EmptyLedger:
        return m_empty;
    case Choice::OpenFile:
        return m_open;
    }
    return nullptr;
}

void FirstRunDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}

void FirstRunDialog::openFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a ledger"), QString(), tr("Ledgers (*.db *.sqlite);;All files (*)"));
    if (path.isEmpty()) {
        return; // still choosing
    }
    m_path = path;
    choose(Choice::OpenFile);
}

} // namespace Ledgerdesk::Ui
