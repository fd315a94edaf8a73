#include "systemfiguresmodel.h"

#include <core/sync/inventorykey.h>
#include <ui/theme.h>

#include <QBrush>
#include <QFont>
#include <QLocale>

namespace Ledgerdesk::Ui {

namespace {

using Core::QuantityName;

QString quantityText(QuantityName name)
{
    return Core::quantityNameKey(name).replace(u'_', u' ');
}

} // namespace

SystemFiguresModel::SystemFiguresModel(Core::Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{}

SystemFiguresModel::~SystemFiguresModel() = default;

QString SystemFiguresModel::ageText(qint64 ageMs)
{
    const qint64 seconds = std::max<qint64>(0, ageMs / 1000);
    if (seconds < 60) {
        return tr("%1 s ago").arg(seconds);
    }
    if (seconds < 3600) {
        return tr("%1 min ago").arg(seconds / 60);
    }
    if (seconds < 48 * 3600) {
        return tr("%1 h ago").arg(seconds / 3600);
    }
    return tr("%1 days ago").arg(seconds / 86400);
}

QString SystemFiguresModel::systemTitle(const QString &system)
{
    if (system.isEmpty()) {
        return tr("Ledger");
    }
    // Acronyms stay in capitals ("ERP", "WMS"); names get a capital ("Shopify").
    if (system.size() <= 3) {
        return system.toUpper();
    }
    return system.left(1).toUpper() + system.mid(1);
}

int SystemFiguresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SystemFiguresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool SystemFiguresModel::differs(const Row &row) const
{
    if (row.system.isEmpty() || !row.quantity || !row.value) {
        return false;
    }
    bool numeric = false;
    const qint64 theirs = row.value->toLongLong(&numeric);
    return !numeric || theirs != m_figures.ledger.get(*row.quantity);
}

bool SystemFiguresModel::stale(const Row &row) const
{
    return !row.system.isEmpty() && row.seenAt && m_now - *row.seenAt > kStaleAfterMs;
}

QString SystemFiguresModel::statusText(const Row &row) const
{
    if (row.system.isEmpty()) {
        return m_figures.ledgerHasBalance ? QString() : tr("Never moved here");
    }
    if (!row.quantity) {
        return tr("Never reported here");
    }
    // Short enough for a narrow column; the tooltip says it in full. Staleness shows on "Seen".
    QStringList parts;
    if (row.exception) {
        QString kind = Core::exceptionKindKey(row.exception->kind).replace(u'_', u' ');
        kind[0] = kind[0].toUpper();
        parts << tr("%1 open").arg(kind);
    }
    if (differs(row)) {
        parts << tr("ledger has %1").arg(QLocale().toString(m_figures.ledger.get(*row.quantity)));
    } else if (row.value && !row.exception) {
        parts << tr("Agrees");
    }
    QString text = parts.join(QStringLiteral(" · "));
    if (!text.isEmpty()) {
        text[0] = text[0].toUpper();
    }
    return text;
}

QString SystemFiguresModel::statusToolTip(const Row &row) const
{
    QStringList lines;
    if (row.exception) {
        lines << tr("Open exception %1 (%2) since %3")
                     .arg(row.exception->id)
                     .arg(Core::exceptionKindKey(row.exception->kind).replace(u'_', u' '),
                          Core::formatIsoTimestamp(row.exception->createdAt));
        if (!row.exception->errorText.isEmpty()) {
            lines << row.exception->errorText;
        }
    }
    if (differs(row)) {
        lines << tr("%1 says %2; the ledger has %3")
                     .arg(systemTitle(row.system),
                          row.value.value_or(QString()),
                          QLocale().toString(m_figures.ledger.get(*row.quantity)));
    }
    if (stale(row)) {
        lines << tr("Not heard from for more than %1 minutes").arg(kStaleAfterMs / 60'000);
    }
    return lines.join(u'\n');
}

QVariant SystemFiguresModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    const std::optional<qint64> age
        = row.seenAt && *row.seenAt > 0 ? std::optional<qint64>(m_now - *row.seenAt) : std::nullopt;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Source:
            return systemTitle(row.system);
        case Figure:
            return row.quantity ? quantityText(*row.quantity) : QStringLiteral("—");
        case Value: {
            if (!row.value) {
                return QStringLiteral("—");
            }
            bool numeric = false;
            const qint64 n = row.value->toLongLong(&numeric);
            return numeric ? QLocale().toString(n) : *row.value;
        }
        case Seen:
            if (!age) {
                return row.system.isEmpty() ? QString() : tr("never");
            }
            return ageText(*age);
        case Status:
            return statusText(row);
        default:
            return {};
        }
    case StaleRole:
        return stale(row);
    case DiffersRole:
        return differs(row);
    case AgeRole:
        return age ? QVariant(*age) : QVariant();
    case Qt::TextAlignmentRole:
        return column == Value ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                               : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (row.system.isEmpty() && column == Source) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (row.exception && (column == Status || column == Value)) {
            return QBrush(Theme::outOfStockText());
        }
        if (differs(row) && (column == Status || column == Value)) {
            return QBrush(Theme::lowStockText());
        }
        if (stale(row) && column == Seen) {
            return QBrush(Theme::lowStockText());
        }
        return {};
    case Qt::BackgroundRole:
        if (row.exception && column == Status) {
            return QBrush(Theme::outOfStockFill());
        }
        if (stale(row) && column == Seen) {
            return QBrush(Theme::lowStockFill());
        }
        return {};
    case Qt::DecorationRole:
        if (column == Status && row.exception) {
            return Theme::outOfStockIcon();
        }
        if (column == Status && (differs(row) || stale(row))) {
            return Theme::lowStockIcon();
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Seen && row.seenAt && *row.seenAt > 0) {
            return Core::formatIsoTimestamp(*row.seenAt);
        }
        return statusToolTip(row);
    default:
        return {};
    }
}

QVariant SystemFiguresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Source:
        return tr("System");
    case Figure:
        return tr("Figure");
    case Value:
        return tr("Says");
    case Seen:
        return tr("Seen");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

void SystemFiguresModel::buildRows()
{
    m_rows.clear();
    // The ledger shows available and on hand, plus whatever a system reports beside them.
    QList<QuantityName> names = {QuantityName::Available, QuantityName::OnHand};
    for (const Core::SystemFigure &f : std::as_const(m_figures.figures)) {
        if (!names.contains(f.quantity)) {
            names << f.quantity;
        }
    }
    for (QuantityName name : std::as_const(names)) {
        Row row;
        row.quantity = name;
        row.value = QString::number(m_figures.ledger.get(name));
        if (m_figures.ledgerHasBalance) {
            row.seenAt = m_figures.ledgerUpdatedAt;
        }
        m_rows << row;
    }
    for (const QString &system : std::as_const(m_figures.systems)) {
        bool any = false;
        for (const Core::SystemFigure &f : std::as_const(m_figures.figures)) {
            if (f.system != system) {
                continue;
            }
            any = true;
            Row row;
            row.system = system;
            row.quantity = f.quantity;
            row.value = f.value;
            row.seenAt = f.seenAt;
            const QString key
                = Core::InventoryKey{m_figures.sku, m_figures.locationCode, f.quantity}.toString();
            for (const Core::SyncException &e : std::as_const(m_figures.openExceptions)) {
                if (e.system == system && e.entityKey == key) {
                    row.exception = e;
                    break;
                }
            }
            m_rows << row;
        }
        if (!any) {
            Row row;
            row.system = system;
            m_rows << row;
        }
    }
}

void SystemFiguresModel::setFigures(const Core::SystemFigures &figures, Core::UtcMillis now)
{
    beginResetModel();
    m_figures = figures;
    m_now = now;
    buildRows();
    endResetModel();
}

void SystemFiguresModel::setNow(Core::UtcMillis now)
{
    m_now = now;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, Seen), index(static_cast<int>(m_rows.size()) - 1, Status));
    }
}

bool SystemFiguresModel::load(const QString &sku, const QString &locationCode)
{
    auto figures = Core::SystemFiguresQuery(m_store).fetch(sku, locationCode);
    if (!figures) {
        clear();
        emit loadFailed(figures.error().message);
        return false;
    }
    setFigures(figures.value(), Core::nowUtcMillis());
    return true;
}

bool SystemFiguresModel::reload()
{
    return m_figures.sku.isEmpty() ? true : load(m_figures.sku, m_figures.locationCode);
}

void SystemFiguresModel::clear()
{
    beginResetModel();
    m_figures = {};
    m_rows.clear();
    endResetModel();
}

} // namespace Ledgerdesk::Ui
