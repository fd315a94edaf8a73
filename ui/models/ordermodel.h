#pragma once

#include <ui/models/orderloader.h>

#include <QAbstractTableModel>
#include <QDate>
#include <QList>
#include <QThread>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// The order queue matching a filter, newest first and at most kLimit orders, read off the GUI
// thread by an OrderLoader. The rows stay as they were until the new read arrives.
class OrderModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderModel)

public:
    static constexpr int kLimit = 500;

    enum Column {
        NameColumn,
        ChannelColumn,
        CompanyColumn,
        PoColumn,
        StateColumn,
        LinesColumn,
        OutstandingColumn,
        TotalColumn,
        IssuedColumn,
        DueColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value
        IdRole,                      // the order's id
        OverdueRole,                 // true when the invoice is past due and unpaid
    };

    explicit OrderModel(Core::Store &store, QObject *parent = nullptr);
    ~OrderModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Replaces the filter (its limit is kept at kLimit) and reads again.
    void setFilter(const Core::OrderFilter &filter);

    Core::OrderFilter filter() const { return m_filter; }

    // Reads again with the current filter; the answer arrives with refreshed().
    void refresh();

    bool isLoading() const { return m_pending != 0; }

    QString lastError() const { return m_error; }

    // Whether the last read stopped at kLimit orders.
    bool isCapped() const { return m_rows.size() >= kLimit; }

    qint64 needingAction() const { return m_needingAction; }

    bool needingActionCapped() const { return m_needingActionCapped; }

    const OrderRow *rowAt(int row) const;
    int rowOf(Core::OrderId id) const;

    static QString channelText(const QString &channel);
    static QString stateText(Core::OrderState state);
    static bool isOverdue(const OrderRow &row, QDate today);

signals:
    void refreshed();

private:
    void accept(const Ledgerdesk::Ui::OrderLoadResult &result);

    QThread m_thread;
    OrderLoader *m_loader = nullptr;
    Core::OrderFilter m_filter;
    quint64 m_generation = 0;
    quint64 m_pending = 0; // the generation still on its way; 0 when none
    QList<OrderRow> m_rows;
    qint64 m_needingAction = 0;
    bool m_needingActionCapped = false;
    QDate m_today;
    QString m_error;
};

} // namespace Ledgerdesk::Ui
