#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// Which system owns each kind of data, over Core::OwnershipMap. Changing an owner goes through
// the map's audited setOwner with the model's actor.
class OwnershipModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OwnershipModel)

public:
    enum Column { DataKind, Owner, Meaning, ColumnCount };

    explicit OwnershipModel(Core::Store &store, QObject *parent = nullptr);
    ~OwnershipModel() override;

    void setActor(const QString &actor);

    const QString &actor() const { return m_actor; }

    // Reads the map again; false (and errorOccurred) when it cannot be read.
    bool reload();

    // The systems an owner can be: the connected kinds, "channel", and any owner already set.
    QStringList ownerChoices() const;

    QString dataKindAt(int row) const;
    QString ownerAt(int row) const;
    int rowOf(const QString &dataKind) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    static QString describe(const QString &dataKind);
    static QString systemTitle(const QString &system);

signals:
    void errorOccurred(const QString &message);
    void ownerChanged(const QString &dataKind, const QString &owner);

private:
    struct Row
    {
        QString dataKind;
        QString owner;
    };

    Core::Store &m_store;
    QString m_actor;
    QList<Row> m_rows;
};

} // namespace Ledgerdesk::Ui
