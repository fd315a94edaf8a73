#include "movementhistorymodel.h"

#include <ui/theme.h>

#include <QBrush>
#include <QDateTime>
#include <QLocale>

namespace Ledgerdesk::Ui {

namespace {

using Core::QuantityName;

QString signedNumber(qint64 value)
{
    if (value == 0) {
        return {};
    }
    const QString digits = QLocale().toString(value < 0 ? -value : value);
    return value < 0 ? QStringLiteral("−") + digits : QStringLiteral("+") + digits;
}

QString quantityText(QuantityName name)
{
    return Core::quantityNameKey(name).replace(u'_', u' ');
}

QString changeText(const Core::Quantities &delta)
{
    QStringList parts;
    for (int i = 0; i < Core::kStoredQuantityCount; ++i) {
        const auto name = static_cast<QuantityName>(i);
        if (delta.get(name) != 0) {
            parts << signedNumber(delta.get(name)) + u' ' + quantityText(name);
        }
    }
    return parts.join(QStringLiteral(", "));
}

QString reasonText(const QString &key)
{
    QString text = key;
    text.replace(u'-', u' ').replace(u'_', u' ');
    if (!text.isEmpty()) {
        text[0] = text[0].toUpper();
    }
    return text;
}

} // namespace

MovementHistoryModel::MovementHistoryModel(Core::Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{}

MovementHistoryModel::~MovementHistoryModel() = default;

int MovementHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int MovementHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MovementHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Core::MovementHistoryEntry &e = m_entries.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(e, column);
    case SortRole:
        return rawValue(e, column);
    case Qt::ToolTipRole:
        return toolTip(e);
    case Qt::TextAlignmentRole:
        if (column >= AvailableAfter && column <= OnHandAfter) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == Reason && e.overrideReason) {
            return QBrush(Theme::outOfStockText());
        }
        if (column == AvailableAfter && e.after.available() < 0) {
            return QBrush(Theme::outOfStockText());
        }
        return {};
    default:
        return {};
    }
}

QVariant MovementHistoryModel::displayValue(const Core::MovementHistoryEntry &e, int column) const
{
    switch (column) {
    case Time: {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(
                                 e.occurredAt > 0 ? e.occurredAt : e.recordedAt, Qt::UTC)
                                 .toLocalTime();
        // The year only when it is not this one: the column stays narrow.
        return QLocale().toString(at,
                                  at.date().year() == QDate::currentDate().year()
                                      ? QStringLiteral("MMM d, HH:mm")
                                      : QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    case Reason:
        return e.overrideReason ? tr("%1 (override)").arg(reasonText(e.reason))
                                : reasonText(e.reason);
    case Source:
        return tr("%1 · %2").arg(e.source, e.reference);
    case Actor:
        return e.actor;
    case Change:
        return changeText(e.delta);
    case AvailableAfter:
        return QLocale().toString(e.after.available());
    case OnHandAfter:
        return QLocale().toString(e.after.onHand());
    case Note:
        return e.overrideReason && e.note.isEmpty() ? *e.overrideReason : e.note;
    default:
        return {};
    }
}

QVariant MovementHistoryModel::rawValue(const Core::MovementHistoryEntry &e, int column) const
{
    switch (column) {
    case Time:
        return e.occurredAt;
    case Change:
        return e.delta.onHand();
    case AvailableAfter:
        return e.after.available();
    case OnHandAfter:
        return e.after.onHand();
    default:
        return displayValue(e, column);
    }
}

QString MovementHistoryModel::toolTip(const Core::MovementHistoryEntry &e) const
{
    QStringList lines;
    lines << tr("%1 by %2, recorded %3")
                 .arg(reasonText(e.reason), e.actor, Core::formatIsoTimestamp(e.recordedAt));
    lines << tr("Source %1, reference %2").arg(e.source, e.reference);
    // Each quantity that moved, with where it ended.
    for (int i = 0; i < Core::kStoredQuantityCount; ++i) {
        const auto name = static_cast<QuantityName>(i);
        if (e.delta.get(name) != 0) {
            lines << tr("%1 %2 → %3")
                         .arg(quantityText(name),
                              signedNumber(e.delta.get(name)),
                              QLocale().toString(e.after.get(name)));
        }
    }
    if (e.overrideReason) {
        lines << tr("Override: %1").arg(*e.overrideReason);
    }
    if (!e.note.isEmpty()) {
        lines << tr("Note: %1").arg(e.note);
    }
    return lines.join(u'\n');
}

QVariant MovementHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Time:
        return tr("When");
    case Reason:
        return tr("Reason");
    case Source:
        return tr("Source · reference");
    case Actor:
        return tr("By");
    case Change:
        return tr("Change");
    case AvailableAfter:
        return tr("Available");
    case OnHandAfter:
        return tr("On hand");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

bool MovementHistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more;
}

void MovementHistoryModel::fetchMore(const QModelIndex &parent)
{
    // Listeners of modelReset may ask for more while the reset is still being announced.
    if (m_resetting || !canFetchMore(parent)) {
        return;
    }
    auto page
        = Core::MovementHistory(m_store).fetch(m_variant, m_location, kPageSize, m_entries.size());
    if (!page) {
        m_more = false;
        emit loadFailed(page.error().message);
        return;
    }
    m_more = page.value().more;
    if (page.value().entries.isEmpty()) {
        return;
    }
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows({}, first, first + static_cast<int>(page.value().entries.size()) - 1);
    m_entries << page.value().entries;
    endInsertRows();
}

bool MovementHistoryModel::load(const QString &sku, const QString &locationCode)
{
    auto page = Core::MovementHistory(m_store).fetch(sku, locationCode, kPageSize);
    m_resetting = true;
    beginResetModel();
    m_sku = sku;
    m_locationCode = locationCode;
    m_entries.clear();
    m_more = false;
    if (page) {
        m_variant = page.value().variantId;
        m_location = page.value().locationId;
        m_entries = page.value().entries;
        m_more = page.value().more;
    }
    endResetModel();
    m_resetting = false;
    if (!page) {
        emit loadFailed(page.error().message);
        return false;
    }
    return true;
}

bool MovementHistoryModel::reload()
{
    if (m_sku.isEmpty()) {
        return true;
    }
    const qint64 wanted = std::max<qint64>(kPageSize, m_entries.size());
    auto page = Core::MovementHistory(m_store).fetch(m_sku, m_locationCode, wanted);
    if (!page) {
        emit loadFailed(page.error().message);
        return false;
    }
    m_resetting = true;
    beginResetModel();
    m_variant = page.value().variantId;
    m_location = page.value().locationId;
    m_entries = page.value().entries;
    m_more = page.value().more;
    endResetModel();
    m_resetting = false;
    return true;
}

void MovementHistoryModel::setPage(const QString &sku,
                                   const QString &locationCode,
                                   const Core::MovementHistoryPage &page)
{
    m_resetting = true;
    beginResetModel();
    m_sku = sku;
    m_locationCode = locationCode;
    m_variant = page.variantId;
    m_location = page.locationId;
    m_entries = page.entries;
    m_more = page.more;
    endResetModel();
    m_resetting = false;
}

void MovementHistoryModel::clear()
{
    m_resetting = true;
    beginResetModel();
    m_sku.clear();
    m_locationCode.clear();
    m_variant = 0;
    m_location = 0;
    m_entries.clear();
    m_more = false;
    endResetModel();
    m_resetting = false;
}

} // namespace Ledgerdesk::Ui
