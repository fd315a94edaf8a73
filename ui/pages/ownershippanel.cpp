#include "ownershippanel.h"

#include <ui/models/ownershipmodel.h>
#include <ui/pages/ownerdelegate.h>
#include <ui/theme.h>

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

OwnershipPanel::OwnershipPanel(Core::Store &store, QWidget *parent)
    : QWidget(parent)
    , m_model(new OwnershipModel(store, this))
{
    auto *intro = new QLabel(
        tr("For each kind of data one system is the system of record. Its changes are taken "
           "without question; a change from any other system that disagrees becomes an "
           "exception to review. Double-click an owner to change it; every change is kept in "
           "the audit log under your name."),
        this);
    intro->setWordWrap(true);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("ownership"));
    m_view->setAccessibleName(tr("Ownership"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(OwnershipModel::Owner, new OwnerDelegate(m_model, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(OwnershipModel::DataKind,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(OwnershipModel::Owner,
                                                     QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(OwnershipModel::Owner, 220);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("ownershipMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);

    connect(m_model, &OwnershipModel::errorOccurred, this, [this](const QString &message) {
        showMessage(message, true);
    });
    connect(m_model,
            &OwnershipModel::ownerChanged,
            this,
            [this](const QString &dataKind, const QString &owner) {
                showMessage(
                    tr("%1 now belongs to %2 (recorded in the audit log as %3).")
                        .arg(dataKind, OwnershipModel::systemTitle(owner), m_model->actor()),
                    false);
            });
}

OwnershipPanel::~OwnershipPanel() = default;

void OwnershipPanel::setActor(const QString &actor)
{
    m_model->setActor(actor);
}

void OwnershipPanel::reload()
{
    if (m_model->reload()) {
        m_message->hide();
    }
}

QString OwnershipPanel::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void OwnershipPanel::showMessage(const QString &text, bool problem)
{
    m_message->setStyleSheet(
        problem ? QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()) : QString());
    m_message->setText(text);
    m_message->show();
}

} // namespace Ledgerdesk::Ui
