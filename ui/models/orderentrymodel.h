#pragma once

#include <core/ledger/availability.h>
#include <core/pricing/pricebook.h>

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// The lines of an order a rep is entering: each SKU with its quantity, the buyer's price from
// PriceBook::quote (and why), and what each location has available right now. Reads are small
// indexed queries on the calling thread; nothing is written.
class OrderEntryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderEntryModel)

public:
    enum Column {
        SkuColumn,
        QuantityColumn,
        UnitPriceColumn,
        TotalColumn,
        AvailableColumn,
        RuleColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    struct Line
    {
        QString sku;
        qint64 quantity = 0;
        std::optional<Core::Quote> quote;
        QString quoteError;
        QList<Core::AvailabilityRow> stock; // one row per location holding the SKU
        qint64 available = 0;               // summed over the locations reps sell from
    };

    explicit OrderEntryModel(Core::Store &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The quantity is editable in place; the line is quoted again.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The company location whose prices apply; empty for base prices. Re-quotes every line.
    void setBuyer(const QString &companyLocationId);

    QString buyer() const { return m_buyer; }

    // Adds a line (or adds to the line of the same SKU). An empty string on success, otherwise
    // why not; a SKU the catalogue does not know is refused.
    QString addLine(const QString &sku, qint64 quantity);
    void setQuantity(int row, qint64 quantity);
    void removeLine(int row);
    // Reads what each location has available again.
    void refreshAvailability();

    const QList<Line> &lines() const { return m_lines; }

    // Why the order cannot be placed as it is; empty when it can.
    QStringList problems() const;
    // Units short of what the locations have now; they would be backordered.
    qint64 shortUnits() const;
    std::optional<Core::Money> total() const;

    // Where the rep's orders are allocated from, best first.
    const QStringList &sellingLocations() const { return m_selling; }

    QString stockText(const Line &line) const;
    // Units other locations (shops, trade shows) have, which rep orders are not allocated from.
    qint64 availableElsewhere(const Line &line) const;
    QString elsewhereText(const Line &line) const;

private:
    void quote(Line &line) const;
    void readStock(Line &line) const;

    Core::Store &m_store;
    QString m_buyer;
    QStringList m_selling;
    QList<Line> m_lines;
};

} // namespace Ledgerdesk::Ui
