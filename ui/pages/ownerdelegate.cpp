#include "ownerdelegate.h"

#include <ui/models/ownershipmodel.h>

#include <QComboBox>

namespace Ledgerdesk::Ui {

OwnerDelegate::OwnerDelegate(OwnershipModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
{}

OwnerDelegate::~OwnerDelegate() = default;

QWidget *OwnerDelegate::createEditor(QWidget *parent,
                                     const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    if (index.column() != OwnershipModel::Owner) {
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("ownerEditor"));
    for (const QString &system : m_model->ownerChoices()) {
        combo->addItem(OwnershipModel::systemTitle(system), system);
    }
    // Commit as soon as a choice is made, not only when focus leaves.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<OwnerDelegate *>(this);
        emit self->commitData(combo);
        emit self->closeEditor(combo);
    });
    return combo;
}

void OwnerDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
}

void OwnerDelegate::setModelData(QWidget *editor,
                                 QAbstractItemModel *model,
                                 const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace Ledgerdesk::Ui
