#include "actionbar.h"

#include <QHBoxLayout>

namespace Ledgerdesk::Ui {

ActionBar::ActionBar(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 4, 0, 8);
}

ActionBar::~ActionBar() = default;

void ActionBar::addStretch()
{
    m_layout->addStretch(1);
}

QPushButton *ActionBar::addButton(const QString &name, const QString &text, const QString &tip)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(name);
    button->setToolTip(tip);
    m_layout->addWidget(button);
    m_buttons << button;
    return button;
}

} // namespace Ledgerdesk::Ui
