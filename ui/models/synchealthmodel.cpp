#include "synchealthmodel.h"

#include <QLocale>

namespace Ledgerdesk::Ui {

namespace {

QString stateText(const SyncHealthRow &row)
{
    if (!row.status) {
        return SyncHealthModel::tr("Not connected");
    }
    using S = Core::SyncState;
    switch (row.status->state) {
    case S::Stopped:
        return SyncHealthModel::tr("Stopped");
    case S::Starting:
        return SyncHealthModel::tr("Starting");
    case S::Idle:
        return SyncHealthModel::tr("Idle");
    case S::Syncing:
        return SyncHealthModel::tr("Syncing");
    case S::Paused:
        return SyncHealthModel::tr("Paused");
    case S::Failed:
        return SyncHealthModel::tr("Failed");
    }
    return QString();
}

qint64 backlog(const Core::SystemSyncMetrics &m)
{
    return m.pending + m.inFlight;
}

} // namespace

SyncHealthModel::SyncHealthModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SyncHealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SyncHealthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncHealthModel::durationText(std::optional<qint64> ms)
{
    if (!ms) {
        return QStringLiteral("—");
    }
    const qint64 v = qMax<qint64>(0, *ms);
    if (v < 1000) {
        return tr("%1 ms").arg(v);
    }
    if (v < 120'000) {
        return tr("%1 s").arg(QLocale().toString(double(v) / 1000.0, 'f', 1));
    }
    if (v < 2 * 3'600'000) {
        return tr("%1 min").arg(v / 60'000);
    }
    return tr("%1 h").arg(v / 3'600'000);
}

QVariant SyncHealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SyncHealthRow &r = m_rows.at(index.row());
    const Core::SystemSyncMetrics &m = r.metrics;
    if (role == Qt::TextAlignmentRole) {
        return index.column() >= LatencyP50Column
                   ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    }
    if (role == Qt::ToolTipRole && index.column() == StateColumn && r.status
        && !r.status->error.isEmpty()) {
        return r.status->error;
    }
    if (role == Qt::ToolTipRole && index.column() == BacklogColumn) {
        return tr("%1 pending, %2 in flight, %3 dead").arg(m.pending).arg(m.inFlight).arg(m.dead);
    }
    if (role != Qt::DisplayRole && role != SortRole) {
        return {};
    }
    const bool raw = role == SortRole;
    switch (index.column()) {
    case SystemColumn:
        return m.system;
    case StateColumn:
        return stateText(r);
    case LastSuccessColumn:
        if (raw) {
            return r.lastSuccess.value_or(0);
        }
        return r.lastSuccess ? tr("%1 ago").arg(durationText(m_now - *r.lastSuccess)) : tr("never");
    case LatencyP50Column:
        return raw ? QVariant(m.latencyP50Ms.value_or(-1)) : QVariant(durationText(m.latencyP50Ms));
    case LatencyP99Column:
        return raw ? QVariant(m.latencyP99Ms.value_or(-1)) : QVariant(durationText(m.latencyP99Ms));
    case BacklogColumn:
        return raw ? QVariant(backlog(m)) : QVariant(QLocale().toString(backlog(m)));
    case RetryRateColumn:
        return raw ? QVariant(m.retryRate)
                   : QVariant(
                       QStringLiteral("%1 %").arg(QLocale().toString(m.retryRate * 100.0, 'f', 1)));
    case ErrorsColumn:
        return raw ? QVariant(r.errorsLastHour) : QVariant(QLocale().toString(r.errorsLastHour));
    case OpenExceptionsColumn:
        return raw ? QVariant(m.openExceptions())
                   : QVariant(QLocale().toString(m.openExceptions()));
    default:
        return {};
    }
}

QVariant SyncHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case SystemColumn:
        return tr("System");
    case StateColumn:
        return tr("State");
    case LastSuccessColumn:
        return tr("Last success");
    case LatencyP50Column:
        return tr("Latency p50");
    case LatencyP99Column:
        return tr("Latency p99");
    case BacklogColumn:
        return tr("Backlog");
    case RetryRateColumn:
        return tr("Retry rate");
    case ErrorsColumn:
        return tr("Errors / h");
    case OpenExceptionsColumn:
        return tr("Open exceptions");
    default:
        return {};
    }
}

void SyncHealthModel::setRows(const QList<SyncHealthRow> &rows, Core::UtcMillis now)
{
    bool sameSystems = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameSystems && i < rows.size(); ++i) {
        sameSystems = rows.at(i).metrics.system == m_rows.at(i).metrics.system;
    }
    if (!sameSystems) {
        beginResetModel();
        m_rows = rows;
        m_now = now;
        endResetModel();
        return;
    }
    m_rows = rows;
    m_now = now;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, StateColumn),
                         index(rowCount() - 1, ColumnCount - 1),
                         {Qt::DisplayRole, Qt::ToolTipRole, SortRole});
    }
}

const SyncHealthRow *SyncHealthModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

} // namespace Ledgerdesk::Ui
