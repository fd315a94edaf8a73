#include "orderentrymodel.h"

#include <core/catalog/catalog.h>
#include <core/orders/channellocations.h>
#include <core/orders/order.h>
#include <ui/theme.h>

#include <QDate>
#include <QLocale>

namespace Ledgerdesk::Ui {

namespace {

const char *const kHeaders[] = {
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderEntryModel", "SKU"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderEntryModel", "Qty"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderEntryModel", "Unit price"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderEntryModel", "Line total"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderEntryModel", "Available now"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderEntryModel", "Price rule"),
};

} // namespace

OrderEntryModel::OrderEntryModel(Core::Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    if (const auto codes = Core::ChannelLocations(store).codes(Core::OrderChannel::console)) {
        m_selling = codes.value();
    }
}

int OrderEntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int OrderEntryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OrderEntryModel::stockText(const Line &line) const
{
    const QLocale locale;
    QStringList selling;
    for (const QString &code : m_selling) {
        qint64 available = 0;
        for (const Core::AvailabilityRow &row : line.stock) {
            if (row.locationCode == code) {
                available = row.quantities.available();
            }
        }
        selling << QStringLiteral("%1 %2").arg(code, locale.toString(available));
    }
    QString text = selling.join(QStringLiteral(" · "));
    if (const qint64 elsewhere = availableElsewhere(line); elsewhere > 0) {
        text += tr("  (+%1 elsewhere)").arg(locale.toString(elsewhere));
    }
    return text;
}

qint64 OrderEntryModel::availableElsewhere(const Line &line) const
{
    qint64 units = 0;
    for (const Core::AvailabilityRow &row : line.stock) {
        if (!m_selling.contains(row.locationCode)) {
            units += qMax<qint64>(0, row.quantities.available());
        }
    }
    return units;
}

QString OrderEntryModel::elsewhereText(const Line &line) const
{
    QStringList parts;
    for (const Core::AvailabilityRow &row : line.stock) {
        if (!m_selling.contains(row.locationCode) && row.quantities.available() > 0) {
            parts << QStringLiteral("%1 %2").arg(row.locationCode,
                                                 QLocale().toString(row.quantities.available()));
        }
    }
    return parts.isEmpty()
               ? QString()
               : tr("Not allocated to rep orders: %1").arg(parts.join(QStringLiteral(", ")));
}

QVariant OrderEntryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Line &line = m_lines.at(index.row());
    const bool brokenRule = line.quote && !line.quote->acceptable();
    const bool shortStock = line.available < line.quantity;
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case QuantityColumn:
        case UnitPriceColumn:
        case TotalColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole) {
        if ((index.column() == QuantityColumn || index.column() == RuleColumn) && brokenRule) {
            return Theme::outOfStockText();
        }
        if (index.column() == UnitPriceColumn && !line.quoteError.isEmpty()) {
            return Theme::outOfStockText();
        }
        if (index.column() == AvailableColumn && shortStock) {
            return Theme::lowStockText();
        }
        return {};
    }
    if (role == Qt::DecorationRole && index.column() == QuantityColumn && brokenRule) {
        return Theme::outOfStockIcon();
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == RuleColumn || index.column() == UnitPriceColumn) {
            return line.quote ? line.quote->explanation : line.quoteError;
        }
        if (index.column() == AvailableColumn) {
            QStringList tip;
            if (shortStock) {
                tip << tr("%1 short: the rest is backordered when the order is placed")
                           .arg(QLocale().toString(line.quantity - line.available));
            }
            if (const QString elsewhere = elsewhereText(line); !elsewhere.isEmpty()) {
                tip << elsewhere;
            }
            return tip.isEmpty() ? QVariant() : QVariant(tip.join(u'\n'));
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) {
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case SkuColumn:
        return line.sku;
    case QuantityColumn:
        return role == Qt::EditRole ? QVariant(line.quantity)
                                    : QVariant(locale.toString(line.quantity));
    case UnitPriceColumn:
        return line.quote ? line.quote->unitPrice.toString() : tr("no price");
    case TotalColumn:
        return line.quote ? line.quote->total.toString() : QString();
    case AvailableColumn:
        return stockText(line);
    case RuleColumn:
        if (brokenRule) {
            return tr("Order %1 — nearest allowed %2.")
                .arg(line.quote->quantityProblem,
                     locale.toString(line.quote->rule.nearestAllowed(line.quantity)));
        }
        return line.quote ? line.quote->explanation : line.quoteError;
    default:
        return {};
    }
}

Qt::ItemFlags OrderEntryModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == QuantityColumn) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

bool OrderEntryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != QuantityColumn) {
        return false;
    }
    bool ok = false;
    const qint64 quantity = value.toLongLong(&ok);
    if (!ok || quantity < 1) {
        return false;
    }
    setQuantity(index.row(), quantity);
    return true;
}

QVariant OrderEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    return tr(kHeaders[section]);
}

void OrderEntryModel::quote(Line &line) const
{
    const auto quoted
        = Core::PriceBook(m_store).quote(m_buyer, line.sku, line.quantity, QDate::currentDate());
    if (quoted) {
        line.quote = quoted.value();
        line.quoteError.clear();
    } else {
        line.quote.reset();
        line.quoteError = quoted.error().message;
    }
}

void OrderEntryModel::readStock(Line &line) const
{
    Core::AvailabilityFilter filter;
    filter.sku = line.sku;
    const auto rows
        = Core::AvailabilityQuery(m_store).fetch(filter, Core::AvailabilitySort::Location);
    if (!rows) {
        return; // keeps what was read last
    }
    line.stock = rows.value();
    line.available = 0;
    for (const Core::AvailabilityRow &row : std::as_const(line.stock)) {
        if (m_selling.contains(row.locationCode)) {
            line.available += qMax<qint64>(0, row.quantities.available());
        }
    }
}

void OrderEntryModel::setBuyer(const QString &companyLocationId)
{
    m_buyer = companyLocationId;
    for (Line &line : m_lines) {
        quote(line);
    }
    if (!m_lines.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

QString OrderEntryModel::addLine(const QString &sku, qint64 quantity)
{
    const QString code = sku.trimmed();
    if (code.isEmpty()) {
        return tr("Enter a SKU.");
    }
    if (quantity < 1 || quantity > Core::kMaxAbsoluteQuantity) {
        return tr("%1 is not a quantity to order.").arg(quantity);
    }
    for (int row = 0; row < m_lines.size(); ++row) {
        if (m_lines.at(row).sku == code) {
            setQuantity(row, m_lines.at(row).quantity + quantity);
            return {};
        }
    }
    const auto variant = Core::Catalog(m_store).variantBySku(code);
    if (!variant) {
        return variant.error().message;
    }
    if (!variant.value()) {
        return tr("No SKU \"%1\" in the catalogue.").arg(code);
    }
    Line line;
    line.sku = variant.value()->sku;
    line.quantity = quantity;
    quote(line);
    readStock(line);
    const int row = static_cast<int>(m_lines.size());
    beginInsertRows({}, row, row);
    m_lines << line;
    endInsertRows();
    return {};
}

void OrderEntryModel::setQuantity(int row, qint64 quantity)
{
    if (row < 0 || row >= m_lines.size() || quantity < 1) {
        return;
    }
    Line &line = m_lines[row];
    line.quantity = quantity;
    quote(line);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void OrderEntryModel::removeLine(int row)
{
    if (row < 0 || row >= m_lines.size()) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_lines.removeAt(row);
    endRemoveRows();
}

void OrderEntryModel::refreshAvailability()
{
    for (Line &line : m_lines) {
        readStock(line);
    }
    if (!m_lines.isEmpty()) {
        emit dataChanged(index(0, AvailableColumn), index(rowCount() - 1, AvailableColumn));
    }
}

QStringList OrderEntryModel::problems() const
{
    QStringList out;
    if (m_lines.isEmpty()) {
        out << tr("Add at least one line.");
    }
    QString currency;
    for (const Line &line : m_lines) {
        if (!line.quote) {
            out << tr("%1 has no price: %2").arg(line.sku, line.quoteError);
            continue;
        }
        if (!line.quote->acceptable()) {
            out << tr("%1: order %2 (nearest allowed %3).")
                       .arg(line.sku,
                            line.quote->quantityProblem,
                            QLocale().toString(line.quote->rule.nearestAllowed(line.quantity)));
        }
        const QString lineCurrency = line.quote->unitPrice.currency();
        if (currency.isEmpty()) {
            currency = lineCurrency;
        } else if (currency != lineCurrency) {
            out << tr("%1 is priced in %2, the order in %3: one order has one currency.")
                       .arg(line.sku, lineCurrency, currency);
        }
    }
    return out;
}

qint64 OrderEntryModel::shortUnits() const
{
    qint64 missing = 0;
    for (const Line &line : m_lines) {
        missing += qMax<qint64>(0, line.quantity - line.available);
    }
    return missing;
}

std::optional<Core::Money> OrderEntryModel::total() const
{
    if (m_lines.isEmpty()) {
        return std::nullopt;
    }
    qint64 minor = 0;
    QString currency;
    for (const Line &line : m_lines) {
        if (!line.quote || (!currency.isEmpty() && currency != line.quote->total.currency())) {
            return std::nullopt;
        }
        currency = line.quote->total.currency();
        minor += line.quote->total.minorUnits();
    }
    return Core::Money(minor, currency);
}

} // namespace Ledgerdesk::Ui
