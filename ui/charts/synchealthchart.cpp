#include "synchealthchart.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QPainter>
#include <QVBoxLayout>
#include <QValueAxis>

namespace Ledgerdesk::Ui {

namespace {

qreal niceTop(qint64 largest)
{
    return largest < 4 ? 4.0 : qreal(largest) * 1.2;
}

} // namespace

SyncHealthChart::SyncHealthChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_view->chart()->setMargins(QMargins(4, 4, 4, 4));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setMinimumHeight(220);
}

SyncHealthChart::~SyncHealthChart() = default;

void SyncHealthChart::setHistory(const QString &title,
                                 const QList<Core::SyncHistoryBucket> &buckets)
{
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(title);

    auto *applied = new QLineSeries(chart);
    applied->setName(tr("Applied events per 10 min"));
    auto *open = new QLineSeries(chart);
    open->setName(tr("Open exceptions"));
    qint64 mostApplied = 0;
    qint64 mostOpen = 0;
    for (const Core::SyncHistoryBucket &b : buckets) {
        const qreal x = qreal(b.start); // plotted at the bucket's start
        applied->append(x, qreal(b.applied));
        open->append(x, qreal(b.openExceptions));
        mostApplied = qMax(mostApplied, b.applied);
        mostOpen = qMax(mostOpen, b.openExceptions);
    }
    m_points = buckets.size();
    chart->addSeries(applied);
    chart->addSeries(open);

    auto *time = new QDateTimeAxis(chart);
    time->setFormat(QStringLiteral("HH:mm"));
    time->setTickCount(7);
    if (!buckets.isEmpty()) {
        const qint64 width = buckets.size() > 1 ? buckets.at(1).start - buckets.at(0).start : 0;
        time->setRange(QDateTime::fromMSecsSinceEpoch(buckets.constFirst().start),
                       QDateTime::fromMSecsSinceEpoch(buckets.constLast().start + width));
    }
    auto *events = new QValueAxis(chart);
    events->setLabelFormat(QStringLiteral("%d"));
    events->setRange(0, niceTop(mostApplied));
    events->setTitleText(tr("events"));
    auto *exceptions = new QValueAxis(chart);
    exceptions->setLabelFormat(QStringLiteral("%d"));
    exceptions->setRange(0, niceTop(mostOpen));
    exceptions->setTitleText(tr("exceptions"));
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(events, Qt::AlignLeft);
    chart->addAxis(exceptions, Qt::AlignRight);
    applied->attachAxis(time);
    applied->attachAxis(events);
    open->attachAxis(time);
    open->attachAxis(exceptions);
}

} // namespace Ledgerdesk::Ui
