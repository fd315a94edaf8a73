#pragma once

#include <core/pricing/pricebook.h>

#include <QAbstractTableModel>
#include <QList>

namespace Ledgerdesk::Ui {

// One price list's SKUs: the fixed price, the quantity breaks and the quantity rule of each SKU
// the list names, in SKU order. Shows the record it is given; reads nothing itself.
class PriceListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriceListModel)

public:
    enum Column { SkuColumn, FixedPriceColumn, BreaksColumn, RuleColumn, ColumnCount };
    Q_ENUM(Column)

    struct Row
    {
        QString sku;
        std::optional<Core::Money> fixedPrice;
        QList<Core::PriceBreakRecord> breaks; // by minimum quantity
        std::optional<Core::QuantityRuleRecord> rule;
    };

    explicit PriceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRecord(const Core::PriceListRecord &record);
    void clear();

    const QList<Row> &rows() const { return m_rows; }

    static QString breaksText(const QList<Core::PriceBreakRecord> &breaks);
    static QString ruleText(const Core::QuantityRuleRecord &rule);

private:
    QList<Row> m_rows;
};

} // namespace Ledgerdesk::Ui
