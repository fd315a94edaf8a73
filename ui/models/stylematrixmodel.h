#pragma once

#include <core/ledger/stylematrix.h>

#include <QAbstractTableModel>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// One style as colour × size for one quantity, with a total per row and per column. A cell the
// style has no variant for stays empty; one that exists but holds nothing shows 0.
class StyleMatrixModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StyleMatrixModel)

public:
    enum Role {
        ValueRole = Qt::UserRole + 1, // qint64, or invalid where the style has no such variant
        SkuRole,
        StockLevelRole, // AvailabilityModel::StockLevel, for available only
    };

    explicit StyleMatrixModel(Core::Store &store, QObject *parent = nullptr);
    ~StyleMatrixModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // One query through the style's variants; returns false and emits loadFailed on an error.
    bool load(const QString &styleHandle,
              const QString &locationCode,
              Core::QuantityName quantity = Core::QuantityName::Available);
    bool reload();
    void clear();
    // Shows a matrix read elsewhere (e.g. on a loader thread).
    void setMatrix(const QString &styleHandle, const Core::StyleMatrix &matrix);

    QString styleHandle() const { return m_styleHandle; }

    const Core::StyleMatrix &matrix() const { return m_matrix; }

    bool isEmpty() const { return m_matrix.rows.isEmpty(); }

    // The cell holding `sku`, or an invalid index.
    QModelIndex indexOfSku(const QString &sku) const;

signals:
    void loadFailed(const QString &message);

private:
    bool isTotalRow(int row) const { return row == static_cast<int>(m_matrix.rows.size()); }

    bool isTotalColumn(int column) const
    {
        return column == static_cast<int>(m_matrix.columns.size());
    }

    std::optional<qint64> valueAt(int row, int column) const;

    Core::Store &m_store;
    Core::StyleMatrix m_matrix;
    QString m_styleHandle;
};

} // namespace Ledgerdesk::Ui
