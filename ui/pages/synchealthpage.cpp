#include "synchealthpage.h"

#include <core/sync/synccontroller.h>
#include <core/sync/synchistory.h>
#include <core/sync/syncmetrics.h>
#include <ui/charts/synchealthchart.h>
#include <ui/models/synchealthmodel.h>
#include <ui/theme.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace Ledgerdesk::Ui {

SyncHealthPage::SyncHealthPage(Core::Store &store,
                               Core::SyncController *controller,
                               QWidget *parent)
    : Page(parent)
    , m_store(store)
    , m_controller(controller)
    , m_model(new SyncHealthModel(this))
    , m_chart(new SyncHealthChart(this))
    , m_timer(new QTimer(this))
{
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Connected systems"));

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    m_error->hide();

    m_pause = new QPushButton(tr("&Pause"), this);
    m_resume = new QPushButton(tr("Res&ume"), this);
    m_syncNow = new QPushButton(tr("&Sync now"), this);
    m_pause->setObjectName(QStringLiteral("pause"));
    m_resume->setObjectName(QStringLiteral("resume"));
    m_syncNow->setObjectName(QStringLiteral("syncNow"));
    connect(m_pause, &QPushButton::clicked, this, &SyncHealthPage::pause);
    connect(m_resume, &QPushButton::clicked, this, &SyncHealthPage::resume);
    connect(m_syncNow, &QPushButton::clicked, this, &SyncHealthPage::syncNow);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("<b>Sync health</b>"), this));
    controls->addStretch(1);
    controls->addWidget(m_pause);
    controls->addWidget(m_resume);
    controls->addWidget(m_syncNow);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({180, 540});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(controls);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &SyncHealthPage::refresh);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &SyncHealthPage::updateChart);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &SyncHealthPage::updateControls);
    if (m_controller) {
        // Emitted on worker threads; delivered here queued.
        connect(m_controller, &Core::SyncController::stateChanged, this, &SyncHealthPage::refresh);
        connect(m_controller, &Core::SyncController::cycleFinished, this, &SyncHealthPage::refresh);
    }
    refresh();
}

SyncHealthPage::~SyncHealthPage() = default;

QString SyncHealthPage::pageId() const
{
    return QStringLiteral("sync-health");
}

QString SyncHealthPage::title() const
{
    return tr("Sync health");
}

QIcon SyncHealthPage::icon() const
{
    return style()->standardIcon(QStyle::SP_BrowserReload);
}

QString SyncHealthPage::summary() const
{
    return m_summary;
}

void SyncHealthPage::focusSearch()
{
    m_view->setFocus(Qt::ShortcutFocusReason);
}

QString SyncHealthPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SyncHealthPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    m_timer->start();
}

void SyncHealthPage::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    Page::hideEvent(event);
}

void SyncHealthPage::refresh()
{
    // A handful of small queries per system: cheap enough for the GUI thread.
    const Core::UtcMillis now = Core::nowUtcMillis();
    const QStringList running = m_controller ? m_controller->systems() : QStringList();
    const auto metrics = Core::SyncMetrics(m_store).collect(now, running);
    if (!metrics) {
        m_error->setText(metrics.error().message);
        m_error->show();
        return;
    }
    const Core::SyncHistory history(m_store);
    QList<SyncHealthRow> rows;
    qint64 backlog = 0;
    for (const Core::SystemSyncMetrics &m : metrics.value()) {
        SyncHealthRow row;
        row.metrics = m;
        backlog += m.pending + m.inFlight;
        if (m_controller && running.contains(m.system)) {
            row.status = m_controller->status(m.system);
        }
        if (const auto last = history.lastSuccess(m.system)) {
            row.lastSuccess = last.value();
        }
        // A completed cycle is a success too, even one that had nothing to apply.
        if (row.status && row.status->lastReport && row.status->lastReport->error.isEmpty()) {
            const Core::UtcMillis finished = row.status->lastReport->finishedAt;
            row.lastSuccess = std::max(row.lastSuccess.value_or(0), finished);
        }
        // Six ten-minute buckets: the last hour.
        if (const auto hour
            = history.buckets(m.system, now, Core::SyncHistory::defaultBucketMs, 6)) {
            for (const Core::SyncHistoryBucket &b : hour.value()) {
                row.errorsLastHour += b.exceptionsRaised;
            }
        }
        rows << row;
    }
    const QString keep = selectedSystem();
    m_model->setRows(rows, now);
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (!keep.isEmpty() && m_model->rowAt(r)->metrics.system == keep) {
            m_view->selectRow(r);
        }
    }
    m_error->hide();
    m_summary = tr("%n system(s), backlog %1", nullptr, static_cast<int>(rows.size()))
                    .arg(QLocale().toString(backlog));
    updateChart();
    updateControls();
    emit summaryChanged();
}

QString SyncHealthPage::selectedSystem() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return QString();
    }
    const SyncHealthRow *row = m_model->rowAt(rows.constFirst().row());
    return row ? row->metrics.system : QString();
}

void SyncHealthPage::updateChart()
{
    const QString system = selectedSystem();
    const auto buckets = Core::SyncHistory(m_store).buckets(system, Core::nowUtcMillis());
    if (!buckets) {
        m_error->setText(buckets.error().message);
        m_error->show();
        return;
    }
    m_chart->setHistory(system.isEmpty() ? tr("All systems, last 6 hours")
                                         : tr("%1, last 6 hours").arg(system),
                        buckets.value());
}

void SyncHealthPage::updateControls()
{
    const bool connected = m_controller && !m_controller->systems().isEmpty();
    const QString target = selectedSystem().isEmpty() ? tr("every system") : selectedSystem();
    for (QPushButton *b : {m_pause, m_resume, m_syncNow}) {
        b->setEnabled(connected);
        b->setToolTip(connected ? tr("Applies to %1").arg(target)
                                : tr("No connections are configured, so there is nothing to "
                                     "pause, resume or sync."));
    }
}

void SyncHealthPage::pause()
{
    if (m_controller) {
        m_controller->pause(selectedSystem());
    }
}

void SyncHealthPage::resume()
{
    if (m_controller) {
        m_controller->resume(selectedSystem());
    }
}

void SyncHealthPage::syncNow()
{
    if (m_controller) {
        m_controller->syncNow(selectedSystem());
    }
}

} // namespace Ledgerdesk::Ui
