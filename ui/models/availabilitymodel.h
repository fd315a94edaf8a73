#pragma once

#include <core/ledger/availability.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QThread>

#include <optional>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class AvailabilityLoader;
struct AvailabilityCountResult;
struct AvailabilityPageResult;

// Stock per SKU × location, read from the ledger in pages of rows. Filtering and sorting are
// done by the core query in SQL; the model only holds the pages the view has asked for, so a
// ledger with a million balances opens as fast as one with ten. Counting and reading happen on a
// worker thread: after a filter or sort change the table is empty until the count arrives, and a
// row not read yet shows "…" until its page arrives.
class AvailabilityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AvailabilityModel)

public:
    enum Column {
        Sku,
        Style,
        Color,
        Size,
        Location,
        Available,
        Committed,
        OnHand,
        Incoming,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value: QString or qint64
        StockLevelRole,              // StockLevel of the row's available quantity
    };

    enum class StockLevel { Normal, Low, Out };
    Q_ENUM(StockLevel)

    static constexpr int kPageSize = 256;
    static constexpr int kMaxCachedPages = 24;
    static constexpr int kMaxPagesInFlight = 2;
    static constexpr int kMaxPagesWaiting = 4; // older wishes are dropped while scrolling fast
    static constexpr int kNewestChangeFallbackMs = 300;

    explicit AvailabilityModel(Core::Store &store, QObject *parent = nullptr);
    ~AvailabilityModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setSearch(const QString &text);
    void setLocationFilter(const QString &locationCode); // empty: every location
    void setLowStockOnly(bool lowStockOnly);

    const Core::AvailabilityFilter &filter() const { return m_filter; }

    // Re-counts and re-reads the rows in sight; until the new pages arrive the old values stay,
    // so the view neither flickers nor loses its position.
    void refresh();

    // True from a filter, sort or refresh until its count has arrived.
    bool isCounting() const { return m_counting; }

    // The newest balance change in the whole ledger as of the last open or refresh; 0 if none.
    Core::UtcMillis newestChange() const { return m_newestChange; }

    // Rows currently held in memory; the rest stay in the ledger until the view scrolls there.
    qint64 loadedRowCount() const;
    // The row if its page is in memory and current; otherwise asks for the page and says nothing.
    std::optional<Core::AvailabilityRow> rowAt(int row) const;

    // True while the loader has work of this model's: a count, pages or the newest change.
    bool isLoading() const
    {
        return m_counting || !m_pending.isEmpty() || m_newestWanted || m_newestPending;
    }

    static StockLevel stockLevel(qint64 available);
    static std::optional<Core::AvailabilitySort> sortFor(int column);

signals:
    void loadFailed(const QString &message);
    void countFinished();
    void newestChangeRead();

private:
    struct CachedPage
    {
        quint64 generation = 0;
        QList<Core::AvailabilityRow> rows;
    };

    const Core::AvailabilityRow *cachedRow(int row) const;
    void requestCount(bool refresh);
    void requestNewestChange();
    void acceptCount(const AvailabilityCountResult &result);
    void resizeTo(qint64 count);
    void requestPage(qint64 page) const;
    void acceptPage(const AvailabilityPageResult &result);
    void storePage(qint64 page, QList<Core::AvailabilityRow> rows);
    void reload();
    QVariant displayValue(const Core::AvailabilityRow &row, int column) const;
    QVariant rawValue(const Core::AvailabilityRow &row, int column) const;
    QString toolTip(const Core::AvailabilityRow &row) const;
    void reportFailure(const QString &message);

    Core::AvailabilityFilter m_filter;
    Core::AvailabilitySort m_sort = Core::AvailabilitySort::Sku;
    bool m_descending = false;
    int m_rowCount = 0;
    bool m_counting = false;
    Core::UtcMillis m_newestChange = 0;
    bool m_newestWanted = false; // read once the rows in sight have arrived
    bool m_newestPending = false;
    quint64 m_generation = 0;
    QThread m_thread;
    AvailabilityLoader *m_loader = nullptr;
    QHash<qint64, CachedPage> m_pages;
    mutable QList<qint64> m_recentPages; // least recently used first
    mutable QSet<qint64> m_pending;      // asked of the loader for this generation
    mutable QList<qint64> m_waiting;     // wanted while the loader was busy, newest last
};

} // namespace Ledgerdesk::Ui
