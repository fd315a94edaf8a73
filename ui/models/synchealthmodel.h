#pragma once

#include <core/sync/syncmetrics.h>
#include <core/sync/syncstatus.h>

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Ledgerdesk::Ui {

// One connected system as the sync health page shows it.
struct SyncHealthRow
{
    Core::SystemSyncMetrics metrics;
    std::optional<Core::SyncSystemStatus> status; // none without a running controller
    std::optional<Core::UtcMillis> lastSuccess;
    qint64 errorsLastHour = 0;
};

// Per-system sync health: state, last success, latency, backlog, retry rate and errors.
class SyncHealthModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncHealthModel)

public:
    enum Column {
        SystemColumn,
        StateColumn,
        LastSuccessColumn,
        LatencyP50Column,
        LatencyP99Column,
        BacklogColumn,
        RetryRateColumn,
        ErrorsColumn,
        OpenExceptionsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value: QString, qint64 or double
    };

    explicit SyncHealthModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Rows for the same systems in the same order change in place; otherwise the model resets.
    void setRows(const QList<SyncHealthRow> &rows, Core::UtcMillis now);
    const SyncHealthRow *rowAt(int row) const;

    static QString durationText(std::optional<qint64> ms);

private:
    QList<SyncHealthRow> m_rows;
    Core::UtcMillis m_now = 0;
};

} // namespace Ledgerdesk::Ui
