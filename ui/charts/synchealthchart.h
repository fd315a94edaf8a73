#pragma once

#include <core/sync/synchistory.h>

#include <QWidget>

class QChart;
class QChartView;

namespace Ledgerdesk::Ui {

// The console's only Qt Charts user (Qt Charts is deprecated from Qt 6.10): applied events and
// open exceptions per time bucket. The buckets are computed in the core; this only draws them.
class SyncHealthChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncHealthChart)

public:
    explicit SyncHealthChart(QWidget *parent = nullptr);
    ~SyncHealthChart() override;

    void setHistory(const QString &title, const QList<Core::SyncHistoryBucket> &buckets);

    qsizetype pointCount() const { return m_points; }

private:
    QChartView *m_view = nullptr;
    qsizetype m_points = 0;
};

} // namespace Ledgerdesk::Ui
