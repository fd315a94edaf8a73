#include "availabilitymodel.h"

#include <core/store/store.h>
#include <ui/models/availabilityloader.h>
#include <ui/theme.h>

#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>

#include <array>
#include <limits>

Q_LOGGING_CATEGORY(lcAvailabilityModel, "ledgerdesk.ui.availability")

namespace Ledgerdesk::Ui {

using Core::AvailabilityRow;
using Core::AvailabilitySort;

namespace {

bool isQuantity(int column)
{
    return column >= AvailabilityModel::Available && column < AvailabilityModel::ColumnCount;
}

qint64 quantity(const AvailabilityRow &row, int column)
{
    switch (column) {
    case AvailabilityModel::Available:
        return row.quantities.available();
    case AvailabilityModel::Committed:
        return row.quantities.committed();
    case AvailabilityModel::OnHand:
        return row.quantities.onHand();
    case AvailabilityModel::Incoming:
        return row.quantities.incoming();
    default:
        return 0;
    }
}

// Indexed by Column.
constexpr std::array<AvailabilitySort, AvailabilityModel::ColumnCount> kSortOf = {
    AvailabilitySort::Sku,
    AvailabilitySort::Style,
    AvailabilitySort::Color,
    AvailabilitySort::Size,
    AvailabilitySort::Location,
    AvailabilitySort::Available,
    AvailabilitySort::Committed,
    AvailabilitySort::OnHand,
    AvailabilitySort::Incoming,
};

constexpr std::array<const char *, AvailabilityModel::ColumnCount> kTitles = {
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::AvailabilityModel", "SKU"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::AvailabilityModel", "Style"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::AvailabilityModel", "Color"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::AvailabilityModel", "Size"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::AvailabilityModel", "Location"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::AvailabilityModel", "Available"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::AvailabilityModel", "Committed"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::AvailabilityModel", "On hand"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::AvailabilityModel", "Incoming"),
};

} // namespace

AvailabilityModel::AvailabilityModel(Core::Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_loader(new AvailabilityLoader(store))
{
    m_thread.setObjectName(QStringLiteral("availability-loader"));
    m_loader->moveToThread(&m_thread);
    // The loader's connection belongs to its thread and is closed there, as the thread ends.
    connect(
        &m_thread,
        &QThread::finished,
        m_loader,
        [&store] { store.closeThreadConnection(); },
        Qt::DirectConnection);
    connect(&m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &AvailabilityLoader::counted, this, &AvailabilityModel::acceptCount);
    connect(m_loader, &AvailabilityLoader::loaded, this, &AvailabilityModel::acceptPage);
    connect(m_loader, &AvailabilityLoader::newestChangeRead, this, [this](qint64 newest) {
        m_newestChange = newest;
        m_newestPending = false;
        emit newestChangeRead();
    });
    m_thread.start();
    m_newestWanted = true;
    reload();
}

AvailabilityModel::~AvailabilityModel()
{
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

int AvailabilityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int AvailabilityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

AvailabilityModel::StockLevel AvailabilityModel::stockLevel(qint64 available)
{
    if (available <= 0) {
        return StockLevel::Out;
    }
    return available <= Core::AvailabilityFilter{}.lowStockThreshold ? StockLevel::Low
                                                                     : StockLevel::Normal;
}

std::optional<AvailabilitySort> AvailabilityModel::sortFor(int column)
{
    if (column < 0 || column >= ColumnCount) {
        return std::nullopt;
    }
    return kSortOf[static_cast<std::size_t>(column)];
}

QVariant AvailabilityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AvailabilityRow *row = cachedRow(index.row());
    if (!row) {
        // Still on its way from the loader.
        return role == Qt::DisplayRole && index.column() == Sku ? QStringLiteral("…") : QVariant();
    }
    const int column = index.column();
    const StockLevel level = stockLevel(row->quantities.available());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(*row, column);
    case SortRole:
        return rawValue(*row, column);
    case StockLevelRole:
        return QVariant::fromValue(level);
    case Qt::ToolTipRole:
        return toolTip(*row);
    case Qt::TextAlignmentRole:
        return isQuantity(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                  : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::DecorationRole:
        if (column == Available && level != StockLevel::Normal) {
            return level == StockLevel::Out ? Theme::outOfStockIcon() : Theme::lowStockIcon();
        }
        return {};
    case Qt::ForegroundRole:
        if (column == Available && level != StockLevel::Normal) {
            return QBrush(level == StockLevel::Out ? Theme::outOfStockText()
                                                   : Theme::lowStockText());
        }
        return {};
    case Qt::BackgroundRole:
        if (column == Available && level != StockLevel::Normal) {
            return QBrush(level == StockLevel::Out ? Theme::outOfStockFill()
                                                   : Theme::lowStockFill());
        }
        return {};
    case Qt::FontRole:
        if (column == Available && level != StockLevel::Normal) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant AvailabilityModel::displayValue(const AvailabilityRow &row, int column) const
{
    if (isQuantity(column)) {
        return QLocale().toString(quantity(row, column));
    }
    return column == Style ? row.title : rawValue(row, column);
}

QVariant AvailabilityModel::rawValue(const AvailabilityRow &row, int column) const
{
    switch (column) {
    case Sku:
        return row.sku;
    case Style:
        return row.styleHandle; // what the ledger sorts by; the title is shown
    case Color:
        return row.option1;
    case Size:
        return row.option2;
    case Location:
        return row.locationCode;
    default:
        return isQuantity(column) ? QVariant(quantity(row, column)) : QVariant();
    }
}

QString AvailabilityModel::toolTip(const AvailabilityRow &row) const
{
    QString text
        = tr("%1 — %2 (%3)\nat %4 (%5)")
              .arg(row.sku, row.title, row.styleHandle, row.locationName, row.locationCode);
    if (!row.barcode.isEmpty()) {
        text += u'\n' + tr("Barcode %1").arg(row.barcode);
    }
    const QLocale locale;
    text += u'\n'
            + tr("Available %1 · committed %2 · reserved %3 · damaged %4 · quality control %5 · "
                 "safety stock %6 · incoming %7")
                  .arg(locale.toString(row.quantities.available()),
                       locale.toString(row.quantities.committed()),
                       locale.toString(row.quantities.get(Core::QuantityName::Reserved)),
                       locale.toString(row.quantities.get(Core::QuantityName::Damaged)),
                       locale.toString(row.quantities.get(Core::QuantityName::QualityControl)),
                       locale.toString(row.quantities.get(Core::QuantityName::SafetyStock)),
                       locale.toString(row.quantities.incoming()));
    switch (stockLevel(row.quantities.available())) {
    case StockLevel::Out:
        text += u'\n' + tr("Out of stock");
        break;
    case StockLevel::Low:
        text += u'\n' + tr("Low stock");
        break;
    case StockLevel::Normal:
        break;
    }
    return text;
}

QVariant AvailabilityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::TextAlignmentRole) {
        return isQuantity(section) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Available:
            return tr("Units that can be sold now");
        case Committed:
            return tr("Units promised to open orders, not yet shipped");
        case OnHand:
            return tr("Units physically at the location, in any state");
        case Incoming:
            return tr("Units on their way in, not yet part of on hand");
        default:
            return {};
        }
    }
    return role == Qt::DisplayRole ? tr(kTitles[static_cast<std::size_t>(section)]) : QVariant();
}

void AvailabilityModel::sort(int column, Qt::SortOrder order)
{
    const auto sort = sortFor(column);
    if (!sort) {
        return;
    }
    const bool descending = order == Qt::DescendingOrder;
    if (*sort == m_sort && descending == m_descending) {
        return;
    }
    m_sort = *sort;
    m_descending = descending;
    reload();
}

void AvailabilityModel::setSearch(const QString &text)
{
    if (text.trimmed() == m_filter.search) {
        return;
    }
    m_filter.search = text.trimmed();
    reload();
}

void AvailabilityModel::setLocationFilter(const QString &locationCode)
{
    if (locationCode == m_filter.locationCode) {
        return;
    }
    m_filter.locationCode = locationCode;
    reload();
}

void AvailabilityModel::setLowStockOnly(bool lowStockOnly)
{
    if (lowStockOnly == m_filter.lowStockOnly) {
        return;
    }
    m_filter.lowStockOnly = lowStockOnly;
    reload();
}

void AvailabilityModel::reload()
{
    beginResetModel();
    ++m_generation;
    m_pages.clear();
    m_recentPages.clear();
    m_pending.clear();
    m_waiting.clear();
    m_rowCount = 0;
    endResetModel();
    requestCount(false);
}

void AvailabilityModel::refresh()
{
    m_newestWanted = true;
    requestCount(true);
}

void AvailabilityModel::requestNewestChange()
{
    m_newestWanted = false;
    m_newestPending = true;
    QMetaObject::invokeMethod(
        m_loader, [loader = m_loader] { loader->readNewestChange(); }, Qt::QueuedConnection);
}

void AvailabilityModel::requestCount(bool refresh)
{
    m_counting = true;
    AvailabilityCountRequest request;
    request.generation = m_generation;
    request.filter = m_filter;
    request.refresh = refresh;
    if (!refresh) {
        // The table is empty until the count: its first page comes along with it.
        request.firstPage.generation = m_generation;
        request.firstPage.filter = m_filter;
        request.firstPage.sort = m_sort;
        request.firstPage.descending = m_descending;
        request.firstPage.page = 0;
        request.firstPage.pageSize = kPageSize;
        m_pending.insert(0);
    }
    QMetaObject::invokeMethod(
        m_loader, [loader = m_loader, request] { loader->count(request); }, Qt::QueuedConnection);
}

void AvailabilityModel::acceptCount(const AvailabilityCountResult &result)
{
    if (result.generation != m_generation) {
        return; // counted for a filter or order that has since changed
    }
    m_counting = false;
    if (!result.refresh && (result.count == 0 || !result.error.isEmpty())) {
        m_pending.remove(0); // no first page follows
    }
    if (m_newestWanted) {
        if (result.count == 0 || !result.error.isEmpty()) {
            requestNewestChange(); // no rows to wait for
        } else {
            // Normally asked for when the first page arrives; this covers a model nobody shows.
            QTimer::singleShot(kNewestChangeFallbackMs, this, [this] {
                if (m_newestWanted) {
                    requestNewestChange();
                }
            });
        }
    }
    if (!result.error.isEmpty()) {
        reportFailure(result.error);
        emit countFinished();
        return;
    }
    resizeTo(result.count);
    if (result.refresh) {
        // Cached pages become stale, not gone: they are shown until their fresh copy arrives.
        ++m_generation;
        m_pending.clear();
        m_waiting.clear();
        if (m_rowCount > 0) {
            emit dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1));
        }
    }
    emit countFinished();
}

void AvailabilityModel::resizeTo(qint64 count)
{
    const int newCount = static_cast<int>(std::min<qint64>(count, std::numeric_limits<int>::max()));
    if (newCount > m_rowCount) {
        beginInsertRows({}, m_rowCount, newCount - 1);
        m_rowCount = newCount;
        endInsertRows();
    } else if (newCount < m_rowCount) {
        beginRemoveRows({}, newCount, m_rowCount - 1);
        m_rowCount = newCount;
        endRemoveRows();
    }
}

qint64 AvailabilityModel::loadedRowCount() const
{
    qint64 rows = 0;
    for (const CachedPage &page : m_pages) {
        rows += page.rows.size();
    }
    return rows;
}

std::optional<AvailabilityRow> AvailabilityModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rowCount) {
        return std::nullopt;
    }
    const qint64 page = row / kPageSize;
    const AvailabilityRow *cached = cachedRow(row);
    const auto it = m_pages.constFind(page);
    if (!cached || it->generation != m_generation) {
        return std::nullopt;
    }
    return *cached;
}

const AvailabilityRow *AvailabilityModel::cachedRow(int row) const
{
    const qint64 page = row / kPageSize;
    const auto it = m_pages.constFind(page);
    if (it == m_pages.cend() || it->generation != m_generation) {
        requestPage(page);
    }
    if (it == m_pages.cend()) {
        return nullptr;
    }
    if (m_recentPages.last() != page) {
        m_recentPages.removeOne(page);
        m_recentPages.append(page);
    }
    const qsizetype offset = row % kPageSize;
    return offset < it->rows.size() ? &it->rows.at(offset) : nullptr;
}

void AvailabilityModel::requestPage(qint64 page) const
{
    if (m_pending.contains(page)) {
        return;
    }
    if (m_pending.size() >= kMaxPagesInFlight) {
        // The view asks for what is in sight now; what it wanted before matters less.
        m_waiting.removeOne(page);
        m_waiting.append(page);
        while (m_waiting.size() > kMaxPagesWaiting) {
            m_waiting.removeFirst();
        }
        return;
    }
    m_pending.insert(page);
    AvailabilityPageRequest request;
    request.generation = m_generation;
    request.filter = m_filter;
    request.sort = m_sort;
    request.descending = m_descending;
    request.page = page;
    request.pageSize = kPageSize;
    request.total = m_rowCount;
    QMetaObject::invokeMethod(
        m_loader, [loader = m_loader, request] { loader->load(request); }, Qt::QueuedConnection);
}

void AvailabilityModel::acceptPage(const AvailabilityPageResult &result)
{
    if (result.generation != m_generation) {
        return; // read for a filter, order or state that has since changed
    }
    m_pending.remove(result.page);
    if (!result.error.isEmpty()) {
        reportFailure(result.error);
        if (!m_pages.contains(result.page)) {
            // Kept empty so painting does not ask again on every frame; F5 retries.
            storePage(result.page, {});
        } else {
            m_pages[result.page].generation = m_generation;
        }
    } else {
        storePage(result.page, result.rows);
    }
    const qint64 first = result.page * kPageSize;
    const qint64 last = std::min<qint64>(first + kPageSize, m_rowCount) - 1;
    if (first <= last) {
        emit dataChanged(index(static_cast<int>(first), 0),
                         index(static_cast<int>(last), ColumnCount - 1));
    }
    if (m_newestWanted) {
        requestNewestChange();
    }
    while (m_pending.size() < kMaxPagesInFlight && !m_waiting.isEmpty()) {
        const qint64 next = m_waiting.takeLast();
        const auto it = m_pages.constFind(next);
        if (it == m_pages.cend() || it->generation != m_generation) {
            requestPage(next);
        }
    }
}

void AvailabilityModel::storePage(qint64 page, QList<AvailabilityRow> rows)
{
    m_recentPages.removeOne(page);
    m_recentPages.append(page);
    while (m_recentPages.size() > kMaxCachedPages) {
        m_pages.remove(m_recentPages.takeFirst());
    }
    m_pages.insert(page, {m_generation, std::move(rows)});
}

void AvailabilityModel::reportFailure(const QString &message)
{
    qCWarning(lcAvailabilityModel) << "reading availability failed:" << message;
    emit loadFailed(message);
}

} // namespace Ledgerdesk::Ui
