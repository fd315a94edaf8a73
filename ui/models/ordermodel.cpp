#include "ordermodel.h"

#include <core/store/store.h>
#include <ui/theme.h>

#include <QDateTime>
#include <QLocale>

namespace Ledgerdesk::Ui {

namespace {

const char *const kHeaders[] = {
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderModel", "Order"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderModel", "Channel"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderModel", "Company"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderModel", "PO"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderModel", "State"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderModel", "Lines / units"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderModel", "Outstanding"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderModel", "Total"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderModel", "Issued"),
    QT_TRANSLATE_NOOP("Ledgerdesk::Ui::OrderModel", "Due"),
};

qint64 unitsOf(const Core::Order &order)
{
    qint64 units = 0;
    for (const Core::OrderLine &line : order.lines) {
        units += line.quantity;
    }
    return units;
}

bool isSettled(Core::OrderState state)
{
    using S = Core::OrderState;
    return state == S::Paid || state == S::Cancelled || state == S::Returned;
}

} // namespace

OrderModel::OrderModel(Core::Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_loader(new OrderLoader(store))
    , m_today(QDate::currentDate())
{
    m_filter.limit = kLimit;
    m_thread.setObjectName(QStringLiteral("order-loader"));
    m_loader->moveToThread(&m_thread);
    // The loader's connection belongs to its thread and is closed there, as the thread ends.
    connect(
        &m_thread,
        &QThread::finished,
        m_loader,
        [&store] { store.closeThreadConnection(); },
        Qt::DirectConnection);
    connect(&m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &OrderLoader::loaded, this, &OrderModel::accept);
    m_thread.start();
    refresh();
}

OrderModel::~OrderModel()
{
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

int OrderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OrderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OrderModel::channelText(const QString &channel)
{
    if (channel == Core::OrderChannel::shopify) {
        return tr("Shopify");
    }
    if (channel == Core::OrderChannel::erp) {
        return tr("ERP");
    }
    if (channel == Core::OrderChannel::console) {
        return tr("Rep");
    }
    if (channel == Core::OrderChannel::wms) {
        return tr("WMS");
    }
    return channel;
}

QString OrderModel::stateText(Core::OrderState state)
{
    using S = Core::OrderState;
    switch (state) {
    case S::New:
        return tr("New");
    case S::Allocated:
        return tr("Allocated");
    case S::Backordered:
        return tr("Backordered");
    case S::Picking:
        return tr("Picking");
    case S::Shipped:
        return tr("Shipped");
    case S::Invoiced:
        return tr("Invoiced");
    case S::Paid:
        return tr("Paid");
    case S::Cancelled:
        return tr("Cancelled");
    case S::Returned:
        return tr("Returned");
    }
    return {};
}

bool OrderModel::isOverdue(const OrderRow &row, QDate today)
{
    return row.due && *row.due < today && !isSettled(row.order.state);
}

QVariant OrderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const OrderRow &row = m_rows.at(index.row());
    const Core::Order &o = row.order;
    const bool overdue = isOverdue(row, m_today);
    switch (role) {
    case IdRole:
        return o.id;
    case OverdueRole:
        return overdue;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case LinesColumn:
        case OutstandingColumn:
        case TotalColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == DueColumn && overdue) {
            return Theme::outOfStockText();
        }
        if (index.column() == StateColumn && o.state == Core::OrderState::Backordered) {
            return Theme::lowStockText();
        }
        if (index.column() == OutstandingColumn && o.outstanding() > 0
            && o.state == Core::OrderState::Backordered) {
            return Theme::lowStockText();
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == DueColumn && overdue) {
            return Theme::outOfStockIcon();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DueColumn && row.due) {
            const qint64 late = row.due->daysTo(m_today);
            if (overdue) {
                return tr("Overdue by %n day(s)", nullptr, int(late));
            }
            return row.terms ? row.terms->describe() : tr("Due date stated by the channel");
        }
        return {};
    default:
        break;
    }
    if (role != Qt::DisplayRole && role != SortRole) {
        return {};
    }
    const bool raw = role == SortRole;
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        return o.name;
    case ChannelColumn:
        return raw ? o.channel : channelText(o.channel);
    case CompanyColumn:
        if (o.company.isEmpty()) {
            return raw ? QString() : tr("—");
        }
        return row.locationName.isEmpty() || raw ? o.company
                                                 : tr("%1 · %2").arg(o.company, row.locationName);
    case PoColumn:
        return o.poNumber;
    case StateColumn:
        return raw ? Core::orderStateKey(o.state) : stateText(o.state);
    case LinesColumn:
        return raw ? QVariant(unitsOf(o))
                   : QVariant(tr("%1 / %2").arg(locale.toString(o.lines.size()),
                                                locale.toString(unitsOf(o))));
    case OutstandingColumn:
        // Units still to be committed; nothing is owed once an order is cancelled or returned.
        if (o.state == Core::OrderState::Cancelled || o.state == Core::OrderState::Returned) {
            return raw ? QVariant() : QVariant(tr("—"));
        }
        return raw ? QVariant(o.outstanding()) : QVariant(locale.toString(o.outstanding()));
    case TotalColumn:
        return raw ? QVariant(o.total().minorUnits()) : QVariant(o.total().toString());
    case IssuedColumn:
        return raw ? QVariant(o.issuedAt)
                   : QVariant(locale.toString(QDateTime::fromMSecsSinceEpoch(o.issuedAt).date(),
                                              QLocale::ShortFormat));
    case DueColumn:
        if (!row.due) {
            if (row.terms && row.terms->type() == Core::PaymentTerms::Type::Fulfillment) {
                return raw ? QVariant() : QVariant(tr("on fulfilment"));
            }
            return raw ? QVariant() : QVariant(tr("—"));
        }
        if (raw) {
            return *row.due;
        }
        return overdue ? tr("%1 overdue").arg(locale.toString(*row.due, QLocale::ShortFormat))
                       : locale.toString(*row.due, QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant OrderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    return tr(kHeaders[section]);
}

void OrderModel::setFilter(const Core::OrderFilter &filter)
{
    m_filter = filter;
    m_filter.limit = kLimit;
    refresh();
}

void OrderModel::refresh()
{
    m_pending = ++m_generation;
    const OrderLoadRequest request{m_pending, m_filter};
    QMetaObject::invokeMethod(
        m_loader, [loader = m_loader, request] { loader->load(request); }, Qt::QueuedConnection);
}

void OrderModel::accept(const OrderLoadResult &result)
{
    if (result.generation != m_pending) {
        return; // an older read; a newer one is on its way
    }
    m_pending = 0;
    m_error = result.error;
    m_today = QDate::currentDate();
    m_needingAction = result.needingAction;
    m_needingActionCapped = result.needingActionCapped;
    beginResetModel();
    m_rows = result.rows;
    endResetModel();
    emit refreshed();
}

const OrderRow *OrderModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int OrderModel::rowOf(Core::OrderId id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).order.id == id) {
            return i;
        }
    }
    return -1;
}

} // namespace Ledgerdesk::Ui
