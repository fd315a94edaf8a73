#pragma once

#include <QStyledItemDelegate>

namespace Ledgerdesk::Ui {

class OwnershipModel;

// Edits an owner with a list of the systems it can be.
class OwnerDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OwnerDelegate)

public:
    explicit OwnerDelegate(OwnershipModel *model, QObject *parent = nullptr);
    ~OwnerDelegate() override;

    QWidget *createEditor(QWidget *parent,
                          const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor,
                      QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    OwnershipModel *m_model;
};

} // namespace Ledgerdesk::Ui
