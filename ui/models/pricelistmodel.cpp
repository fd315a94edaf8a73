#include "pricelistmodel.h"

#include <QLocale>
#include <QMap>

#include <algorithm>

namespace Ledgerdesk::Ui {

namespace {

const char *const kHeaders[] = {
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::PriceListModel", "SKU"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::PriceListModel", "Fixed price"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::PriceListModel", "Quantity breaks"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::PriceListModel", "Quantity rule"),
};

} // namespace

PriceListModel::PriceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int PriceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PriceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PriceListModel::breaksText(const QList<Core::PriceBreakRecord> &breaks)
{
    const QLocale locale;
    QStringList parts;
    for (const Core::PriceBreakRecord &b : breaks) {
        parts << tr("%1+ at %2").arg(locale.toString(b.minimumQuantity), b.price.toString());
    }
    return parts.join(QStringLiteral(" · "));
}

QString PriceListModel::ruleText(const Core::QuantityRuleRecord &rule)
{
    const QLocale locale;
    QStringList parts;
    if (rule.minimum > 1) {
        parts << tr("min %1").arg(locale.toString(rule.minimum));
    }
    if (rule.maximum > 0) {
        parts << tr("max %1").arg(locale.toString(rule.maximum));
    }
    if (rule.increment > 1) {
        parts << tr("in steps of %1").arg(locale.toString(rule.increment));
    }
    return parts.isEmpty() ? tr("any quantity") : parts.join(QStringLiteral(", "));
}

QVariant PriceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == FixedPriceColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case SkuColumn:
        return row.sku;
    case FixedPriceColumn:
        return row.fixedPrice ? row.fixedPrice->toString() : QStringLiteral("—");
    case BreaksColumn:
        return row.breaks.isEmpty() ? QStringLiteral("—") : breaksText(row.breaks);
    case RuleColumn:
        return row.rule ? ruleText(*row.rule) : QStringLiteral("—");
    default:
        return {};
    }
}

QVariant PriceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    return tr(kHeaders[section]);
}

void PriceListModel::setRecord(const Core::PriceListRecord &record)
{
    QMap<QString, Row> bySku;
    const auto rowOf = [&bySku](const QString &sku) -> Row & {
        Row &row = bySku[sku];
        row.sku = sku;
        return row;
    };
    for (const Core::PriceListPriceRecord &price : record.prices) {
        rowOf(price.sku).fixedPrice = price.price;
    }
    for (const Core::PriceBreakRecord &b : record.breaks) {
        rowOf(b.sku).breaks << b;
    }
    for (const Core::QuantityRuleRecord &rule : record.rules) {
        rowOf(rule.sku).rule = rule;
    }
    beginResetModel();
    m_rows = bySku.values();
    for (Row &row : m_rows) {
        std::sort(row.breaks.begin(), row.breaks.end(), [](const auto &a, const auto &b) {
            return a.minimumQuantity < b.minimumQuantity;
        });
    }
    endResetModel();
}

void PriceListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace Ledgerdesk::Ui
