#pragma once

#include <core/ledger/movementhistory.h>

#include <QAbstractTableModel>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// The movements of one SKU at one location, newest first, read a page at a time as the view
// scrolls (canFetchMore/fetchMore). Each page is one index-backed query.
class MovementHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MovementHistoryModel)

public:
    enum Column {
        Time,
        Reason,
        Change, // every quantity that moved, e.g. "−2 available, +2 committed"
        AvailableAfter,
        OnHandAfter,
        Source,
        Actor,
        Note,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw value: qint64 or QString
    };

    static constexpr int kPageSize = 100;

    explicit MovementHistoryModel(Core::Store &store, QObject *parent = nullptr);
    ~MovementHistoryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Shows the newest page for this SKU × location; false (and loadFailed) on an error.
    bool load(const QString &sku, const QString &locationCode);
    // Re-reads as many rows as are shown now, so new postings appear at the top.
    bool reload();
    void clear();
    // Shows a page read elsewhere (e.g. on a loader thread) as the newest rows of `sku`.
    void
    setPage(const QString &sku, const QString &locationCode, const Core::MovementHistoryPage &page);

    const Core::MovementHistoryEntry &entry(int row) const { return m_entries.at(row); }

    QString sku() const { return m_sku; }

    QString locationCode() const { return m_locationCode; }

signals:
    void loadFailed(const QString &message);

private:
    QVariant displayValue(const Core::MovementHistoryEntry &e, int column) const;
    QVariant rawValue(const Core::MovementHistoryEntry &e, int column) const;
    QString toolTip(const Core::MovementHistoryEntry &e) const;

    Core::Store &m_store;
    QString m_sku;
    QString m_locationCode;
    Core::VariantId m_variant = 0;
    Core::LocationId m_location = 0;
    QList<Core::MovementHistoryEntry> m_entries;
    bool m_more = false;
    bool m_resetting = false;
};

} // namespace Ledgerdesk::Ui
