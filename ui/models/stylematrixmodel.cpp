#include "stylematrixmodel.h"

#include <ui/models/availabilitymodel.h>
#include <ui/theme.h>

#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QPalette>

namespace Ledgerdesk::Ui {

StyleMatrixModel::StyleMatrixModel(Core::Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{}

StyleMatrixModel::~StyleMatrixModel() = default;

int StyleMatrixModel::rowCount(const QModelIndex &parent) const
{
    // Rows plus a total row, once there is anything to total.
    return parent.isValid() || m_matrix.rows.isEmpty() ? 0
                                                       : static_cast<int>(m_matrix.rows.size()) + 1;
}

int StyleMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_matrix.columns.isEmpty()
               ? 0
               : static_cast<int>(m_matrix.columns.size()) + 1;
}

std::optional<qint64> StyleMatrixModel::valueAt(int row, int column) const
{
    const int rows = static_cast<int>(m_matrix.rows.size());
    const int columns = static_cast<int>(m_matrix.columns.size());
    std::optional<qint64> sum;
    for (int r = isTotalRow(row) ? 0 : row; r < (isTotalRow(row) ? rows : row + 1); ++r) {
        for (int c = isTotalColumn(column) ? 0 : column;
             c < (isTotalColumn(column) ? columns : column + 1);
             ++c) {
            if (const auto &cell = m_matrix.cell(r, c)) {
                sum = sum.value_or(0) + cell->value;
            }
        }
    }
    return sum;
}

QVariant StyleMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row();
    const int column = index.column();
    const bool total = isTotalRow(row) || isTotalColumn(column);
    const std::optional<qint64> value = valueAt(row, column);
    const std::optional<Core::StyleMatrixCell> cell
        = total ? std::nullopt : m_matrix.cell(row, column);
    const bool marksStock = !total && value && m_matrix.quantity == Core::QuantityName::Available;
    const auto level
        = value ? AvailabilityModel::stockLevel(*value) : AvailabilityModel::StockLevel::Normal;
    switch (role) {
    case Qt::DisplayRole:
        return value ? QLocale().toString(*value) : QVariant();
    case ValueRole:
        return value ? QVariant(*value) : QVariant();
    case SkuRole:
        return cell ? cell->sku : QVariant();
    case StockLevelRole:
        return marksStock ? QVariant::fromValue(level) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (total) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (marksStock && level != AvailabilityModel::StockLevel::Normal) {
            return QBrush(level == AvailabilityModel::StockLevel::Out ? Theme::outOfStockText()
                                                                      : Theme::lowStockText());
        }
        return {};
    case Qt::BackgroundRole:
        if (marksStock && level != AvailabilityModel::StockLevel::Normal) {
            return QBrush(level == AvailabilityModel::StockLevel::Out ? Theme::outOfStockFill()
                                                                      : Theme::lowStockFill());
        }
        if (!total && !value) {
            return QBrush(QPalette().color(QPalette::Window));
        }
        return {};
    case Qt::ToolTipRole:
        if (total) {
            return {};
        }
        if (!cell) {
            return tr("This style has no %1 %2")
                .arg(m_matrix.rows.at(row), m_matrix.columns.at(column))
                .simplified();
        }
        return tr("%1: %2 %3")
            .arg(cell->sku,
                 QLocale().toString(cell->value),
                 Core::quantityNameKey(m_matrix.quantity).replace(u'_', u' '));
    default:
        return {};
    }
}

QVariant StyleMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::FontRole) {
        return {};
    }
    const bool total = orientation == Qt::Horizontal ? isTotalColumn(section) : isTotalRow(section);
    if (role == Qt::FontRole) {
        if (!total) {
            return {};
        }
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    const QStringList &labels = orientation == Qt::Horizontal ? m_matrix.columns : m_matrix.rows;
    if (section < 0 || section > labels.size()) {
        return {};
    }
    if (total) {
        return tr("Total");
    }
    const QString label = labels.at(section);
    if (!label.isEmpty()) {
        return label;
    }
    // A style with a single option has one unnamed row; name it after the style.
    return orientation == Qt::Vertical ? m_matrix.style.title : tr("Default");
}

bool StyleMatrixModel::load(const QString &styleHandle,
                            const QString &locationCode,
                            Core::QuantityName quantity)
{
    m_styleHandle = styleHandle;
    auto matrix = Core::StyleMatrixQuery(m_store).fetch(styleHandle, locationCode, quantity);
    if (!matrix) {
        beginResetModel();
        m_matrix = {};
        endResetModel();
        emit loadFailed(matrix.error().message);
        return false;
    }
    beginResetModel();
    m_matrix = std::move(matrix).value();
    endResetModel();
    return true;
}

bool StyleMatrixModel::reload()
{
    if (m_styleHandle.isEmpty()) {
        return true;
    }
    return load(m_styleHandle, m_matrix.locationCode, m_matrix.quantity);
}

void StyleMatrixModel::setMatrix(const QString &styleHandle, const Core::StyleMatrix &matrix)
{
    beginResetModel();
    m_styleHandle = styleHandle;
    m_matrix = matrix;
    endResetModel();
}

void StyleMatrixModel::clear()
{
    m_styleHandle.clear();
    beginResetModel();
    m_matrix = {};
    endResetModel();
}

QModelIndex StyleMatrixModel::indexOfSku(const QString &sku) const
{
    for (int r = 0; r < m_matrix.rows.size(); ++r) {
        for (int c = 0; c < m_matrix.columns.size(); ++c) {
            const auto &cell = m_matrix.cell(r, c);
            if (cell && cell->sku == sku) {
                return index(r, c);
            }
        }
    }
    return {};
}

} // namespace Ledgerdesk::Ui
