#include "ownershipmodel.h"

#include <core/sync/connectionkinds.h>
#include <core/sync/ownershipmap.h>

namespace Ledgerdesk::Ui {

OwnershipModel::OwnershipModel(Core::Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_actor(qEnvironmentVariable("USER", QStringLiteral("console")))
{
    reload();
}

OwnershipModel::~OwnershipModel() = default;

void OwnershipModel::setActor(const QString &actor)
{
    m_actor = actor;
}

bool OwnershipModel::reload()
{
    const auto all = Core::OwnershipMap(m_store).all();
    if (!all) {
        emit errorOccurred(all.error().message);
        return false;
    }
    beginResetModel();
    m_rows.clear();
    for (auto it = all.value().cbegin(); it != all.value().cend(); ++it) {
        m_rows.append({it.key(), it.value()});
    }
    endResetModel();
    return true;
}

QStringList OwnershipModel::ownerChoices() const
{
    QStringList choices;
    for (const Core::ConnectionKind &kind : Core::ConnectionKinds::all()) {
        choices << kind.system;
    }
    choices << QStringLiteral("channel");
    for (const Row &row : m_rows) {
        if (!choices.contains(row.owner)) {
            choices << row.owner;
        }
    }
    return choices;
}

QString OwnershipModel::dataKindAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).dataKind : QString();
}

QString OwnershipModel::ownerAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).owner : QString();
}

int OwnershipModel::rowOf(const QString &dataKind) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).dataKind == dataKind) {
            return row;
        }
    }
    return -1;
}

int OwnershipModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OwnershipModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OwnershipModel::describe(const QString &dataKind)
{
    if (dataKind == u"on_hand") {
        return tr("Units on hand at each location");
    }
    if (dataKind == u"product") {
        return tr("Products, variants and their attributes");
    }
    if (dataKind == u"price") {
        return tr("Prices and price lists");
    }
    if (dataKind == u"company") {
        return tr("B2B companies and their locations");
    }
    if (dataKind == u"customer") {
        return tr("Customers");
    }
    if (dataKind == u"order") {
        return tr("Orders");
    }
    return {};
}

QString OwnershipModel::systemTitle(const QString &system)
{
    if (const auto kind = Core::ConnectionKinds::bySystem(system)) {
        return kind->title;
    }
    if (system == u"channel") {
        return tr("Sales channel");
    }
    return system;
}

QVariant OwnershipModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DataKind:
            return row.dataKind;
        case Owner:
            return systemTitle(row.owner);
        case Meaning:
            return describe(row.dataKind);
        default:
            return {};
        }
    case Qt::EditRole:
        return index.column() == Owner ? QVariant(row.owner) : data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        return index.column() == Owner
                   ? QVariant(tr("Only %1's changes to %2 are taken without question. "
                                 "Double-click to change; every change is audited.")
                                  .arg(systemTitle(row.owner), row.dataKind))
                   : QVariant();
    default:
        return {};
    }
}

QVariant OwnershipModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case DataKind:
        return tr("Kind of data");
    case Owner:
        return tr("Owner (system of record)");
    case Meaning:
        return tr("Covers");
    default:
        return {};
    }
}

Qt::ItemFlags OwnershipModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Owner) {
        result |= Qt::ItemIsEditable;
    }
    return result;
}

bool OwnershipModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Owner
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    const QString owner = value.toString().trimmed();
    Row &row = m_rows[index.row()];
    if (owner == row.owner) {
        return true;
    }
    const Core::Status saved = Core::OwnershipMap(m_store).setOwner(row.dataKind, owner, m_actor);
    if (!saved) {
        emit errorOccurred(saved.error().message);
        return false;
    }
    row.owner = owner;
    emit dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    emit ownerChanged(row.dataKind, owner);
    return true;
}

} // namespace Ledgerdesk::Ui
