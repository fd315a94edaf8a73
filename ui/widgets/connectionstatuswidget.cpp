#include "connectionstatuswidget.h"

#include <core/sync/outbox.h>
#include <core/sync/synccontroller.h>
#include <core/sync/synchistory.h>
#include <ui/theme.h>

#include <QColor>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>

namespace Ledgerdesk::Ui {

namespace {

QColor colourOf(ConnectionStatusWidget::Shown shown)
{
    switch (shown) {
    case ConnectionStatusWidget::Shown::Idle:
        return QColor(0x2e, 0x7d, 0x32);
    case ConnectionStatusWidget::Shown::Syncing:
    case ConnectionStatusWidget::Shown::Starting:
        return QColor(0x15, 0x65, 0xc0);
    case ConnectionStatusWidget::Shown::Paused:
        return QColor(0x9a, 0x67, 0x00);
    case ConnectionStatusWidget::Shown::Error:
        return Theme::outOfStockText();
    case ConnectionStatusWidget::Shown::Offline:
        return QColor(0x75, 0x75, 0x75);
    }
    return QColor(0x75, 0x75, 0x75);
}

} // namespace

ConnectionStatusWidget::ConnectionStatusWidget(Core::Store &store,
                                               Core::SyncController *controller,
                                               QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_controller(controller)
    , m_layout(new QHBoxLayout(this))
    , m_summary(new QLabel(this))
    , m_tick(new QTimer(this))
    , m_backlog(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionStatus"));
    m_layout->setContentsMargins(4, 0, 4, 0);
    m_layout->setSpacing(12);
    m_summary->setObjectName(QStringLiteral("connectionSummary"));
    m_layout->addWidget(m_summary);
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, &ConnectionStatusWidget::render);
    m_backlog->setInterval(kBacklogRefreshMs);
    connect(m_backlog, &QTimer::timeout, this, &ConnectionStatusWidget::refresh);
    if (m_controller) {
        // Emitted on worker threads, delivered here queued.
        connect(m_controller,
                &Core::SyncController::stateChanged,
                this,
                &ConnectionStatusWidget::onStateChanged);
        connect(m_controller,
                &Core::SyncController::cycleFinished,
                this,
                &ConnectionStatusWidget::onCycleFinished);
        m_tick->start();
        m_backlog->start();
    }
    refresh();
}

ConnectionStatusWidget::~ConnectionStatusWidget() = default;

void ConnectionStatusWidget::setNotice(const QString &text, bool isError)
{
    m_notice = text;
    m_noticeIsError = isError && !text.isEmpty();
    render();
}

ConnectionStatusWidget::Shown ConnectionStatusWidget::shownState(const Core::SyncSystemStatus &s)
{
    switch (s.state) {
    case Core::SyncState::Idle:
        return Shown::Idle;
    case Core::SyncState::Syncing:
        return Shown::Syncing;
    case Core::SyncState::Paused:
        return Shown::Paused;
    case Core::SyncState::Starting:
        return Shown::Starting;
    case Core::SyncState::Failed:
        // Never opened, or out of reach since: offline; a system that answers but refuses
        // something is in error.
        return s.cycles == 0 || s.unreachable ? Shown::Offline : Shown::Error;
    case Core::SyncState::Stopped:
        return Shown::Offline;
    }
    return Shown::Offline;
}

QString ConnectionStatusWidget::stateText(Shown shown)
{
    switch (shown) {
    case Shown::Idle:
        return tr("idle");
    case Shown::Syncing:
        return tr("syncing");
    case Shown::Paused:
        return tr("paused");
    case Shown::Error:
        return tr("error");
    case Shown::Offline:
        return tr("offline");
    case Shown::Starting:
        return tr("connecting");
    }
    return tr("offline");
}

QString ConnectionStatusWidget::ageText(Core::UtcMillis at, Core::UtcMillis now)
{
    if (at <= 0) {
        return tr("never synced");
    }
    const qint64 seconds = std::max<qint64>(0, (now - at) / 1000);
    if (seconds < 60) {
        return tr("%1 s ago").arg(seconds);
    }
    if (seconds < 3600) {
        return tr("%1 min ago").arg(seconds / 60);
    }
    if (seconds < 48 * 3600) {
        return tr("%1 h ago").arg(seconds / 3600);
    }
    return tr("%1 d ago").arg(seconds / 86400);
}

void ConnectionStatusWidget::refresh()
{
    syncSystems();
    readBacklog();
    render();
}

void ConnectionStatusWidget::onStateChanged(const QString &system, Core::SyncState state)
{
    Q_UNUSED(state)
    syncSystems();
    Indicator &i = indicator(system);
    i.status = m_controller ? m_controller->status(system) : Core::SyncSystemStatus{};
    render();
}

void ConnectionStatusWidget::onCycleFinished(const Core::SyncCycleReport &report)
{
    syncSystems();
    Indicator &i = indicator(report.system);
    if (report.error.isEmpty()) {
        i.lastSuccess = std::max(i.lastSuccess, report.finishedAt);
    }
    if (m_controller) {
        i.status = m_controller->status(report.system);
    }
    if (report.pushed > 0 || report.failed > 0) {
        readBacklog();
    }
    render();
}

void ConnectionStatusWidget::syncSystems()
{
    if (!m_controller) {
        return;
    }
    const QStringList running = m_controller->systems();
    for (const QString &system : running) {
        if (!m_indicators.contains(system)) {
            Indicator &fresh = indicator(system);
            // The last success recorded in the ledger, from an earlier session or the CLI.
            if (const auto last = Core::SyncHistory(m_store).lastSuccess(system);
                last && last.value()) {
                fresh.lastSuccess = *last.value();
            }
        }
    }
    // Systems no longer connected (after a reconnect) disappear.
    for (const QString &system : QStringList(m_order)) {
        if (!running.contains(system)) {
            delete m_indicators.take(system).label;
            m_order.removeOne(system);
        }
    }
    for (const QString &system : std::as_const(m_order)) {
        m_indicators[system].status = m_controller->status(system);
    }
}

ConnectionStatusWidget::Indicator &ConnectionStatusWidget::indicator(const QString &system)
{
    auto it = m_indicators.find(system);
    if (it == m_indicators.end()) {
        Indicator fresh;
        fresh.label = new QLabel(this);
        fresh.label->setObjectName(QStringLiteral("connection-") + system);
        fresh.label->setTextFormat(Qt::RichText);
        m_layout->addWidget(fresh.label);
        m_order << system;
        it = m_indicators.insert(system, fresh);
    }
    return *it;
}

void ConnectionStatusWidget::readBacklog()
{
    if (m_order.isEmpty()) {
        return;
    }
    Core::Outbox outbox(m_store);
    for (const QString &system : std::as_const(m_order)) {
        if (const auto backlog = outbox.backlog(system)) {
            Indicator &i = m_indicators[system];
            i.pending = backlog.value().pending + backlog.value().inFlight;
            i.dead = backlog.value().dead;
        }
    }
}

void ConnectionStatusWidget::render()
{
    const Core::UtcMillis now = Core::nowUtcMillis();
    for (const QString &system : std::as_const(m_order)) {
        renderOne(system, m_indicators[system], now);
    }
    QString summary;
    QString colour;
    if (!m_controller) {
        summary = tr("Not connected");
        m_summary->setToolTip(tr("This console syncs with no system; open a connection file "
                                 "with --connection or start the live demo with --demo."));
    } else if (m_order.isEmpty()) {
        summary = m_notice.isEmpty() ? tr("Not connected") : m_notice;
        colour = m_noticeIsError ? Theme::outOfStockText().name() : QString();
        m_summary->setToolTip(m_notice);
    } else if (isOffline()) {
        summary = tr("Offline");
        colour = colourOf(Shown::Offline).name();
        m_summary->setToolTip(tr("No connected system can be reached; sync resumes by itself "
                                 "once they answer again."));
    } else if (m_noticeIsError) {
        summary = m_notice;
        colour = Theme::outOfStockText().name();
        m_summary->setToolTip(m_notice);
    }
    m_summary->setText(summary);
    m_summary->setStyleSheet(
        colour.isEmpty() ? QString() : QStringLiteral("color: %1; font-weight: bold;").arg(colour));
    m_summary->setVisible(!summary.isEmpty());
}

void ConnectionStatusWidget::renderOne(const QString &system,
                                       Indicator &indicator,
                                       Core::UtcMillis now)
{
    const Shown shown = shownState(indicator.status);
    QString state = stateText(shown);
    if ((shown == Shown::Offline || shown == Shown::Error) && indicator.status.failingSince > 0) {
        state = tr("%1 since %2")
                    .arg(state,
                         QLocale().toString(
                             QDateTime::fromMSecsSinceEpoch(indicator.status.failingSince)
                                 .toLocalTime()
                                 .time(),
                             QLocale::ShortFormat));
    }
    QString text = QStringLiteral("<span style=\"color:%1\">&#9679;</span> <b>%2</b> %3")
                       .arg(colourOf(shown).name(), system.toHtmlEscaped(), state);
    text += QStringLiteral(" · ") + ageText(indicator.lastSuccess, now);
    if (indicator.pending > 0) {
        text += QStringLiteral(" · ") + tr("%1 to push").arg(QLocale().toString(indicator.pending));
    }
    if (indicator.dead > 0) {
        text += QStringLiteral(" · <span style=\"color:%1\">%2</span>")
                    .arg(Theme::outOfStockText().name(),
                         tr("%1 failed").arg(QLocale().toString(indicator.dead)));
    }
    indicator.label->setText(text);

    QStringList tip;
    tip << tr("%1: %2").arg(system, stateText(shown));
    tip << (indicator.lastSuccess > 0
                ? tr("Last successful sync: %1 (%2)")
                      .arg(QLocale().toString(
                               QDateTime::fromMSecsSinceEpoch(indicator.lastSuccess).toLocalTime(),
                               QLocale::ShortFormat),
                           ageText(indicator.lastSuccess, now))
                : tr("No successful sync yet"));
    if (const auto &report = indicator.status.lastReport) {
        tip << tr("Last cycle: pulled %1, applied %2, pushed %3, conflicts %4, took %5 ms")
                   .arg(report->pulled)
                   .arg(report->applied)
                   .arg(report->pushed)
                   .arg(report->conflicts)
                   .arg(report->finishedAt - report->startedAt);
    }
    tip << tr("Waiting to be pushed: %1").arg(QLocale().toString(indicator.pending));
    if (indicator.dead > 0) {
        tip << tr("Given up after retries: %1 (see Exceptions)")
                   .arg(QLocale().toString(indicator.dead));
    }
    if (indicator.status.pollIntervalMs > 0) {
        tip << tr("Syncs every %1 s").arg(double(indicator.status.pollIntervalMs) / 1000.0);
    }
    if (!indicator.status.error.isEmpty()) {
        tip << tr("Error: %1").arg(indicator.status.error);
    }
    indicator.label->setToolTip(tip.join(u'\n'));
    indicator.label->setAccessibleName(tr("%1 %2, last sync %3, %4 to push")
                                           .arg(system,
                                                state,
                                                ageText(indicator.lastSuccess, now),
                                                QLocale().toString(indicator.pending)));
}

QString ConnectionStatusWidget::indicatorText(const QString &system) const
{
    const auto it = m_indicators.constFind(system);
    return it == m_indicators.cend() ? QString() : it->label->accessibleName();
}

QString ConnectionStatusWidget::indicatorToolTip(const QString &system) const
{
    const auto it = m_indicators.constFind(system);
    return it == m_indicators.cend() ? QString() : it->label->toolTip();
}

QString ConnectionStatusWidget::text() const
{
    QStringList parts;
    if (!m_summary->isHidden() && !m_summary->text().isEmpty()) {
        parts << m_summary->text();
    }
    for (const QString &system : m_order) {
        parts << indicatorText(system);
    }
    return parts.join(QStringLiteral(" | "));
}

bool ConnectionStatusWidget::isOffline() const
{
    if (m_order.isEmpty()) {
        return false;
    }
    return std::all_of(m_order.cbegin(), m_order.cend(), [this](const QString &system) {
        return shownState(m_indicators.value(system).status) == Shown::Offline;
    });
}

} // namespace Ledgerdesk::Ui
