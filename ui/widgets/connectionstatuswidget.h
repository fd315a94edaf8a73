#pragma once

#include <core/domain/timestamp.h>
#include <core/sync/syncstatus.h>

#include <QHash>
#include <QPointer>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QTimer;

namespace Ledgerdesk::Core {
class Store;
class SyncController;
} // namespace Ledgerdesk::Core

namespace Ledgerdesk::Ui {

// The status bar's view of the connections: per connected system its state (colour and word),
// the age of its last successful sync and the outbox rows waiting for it; "Offline" when no
// system can be reached; "Not connected" without a controller. Tooltips give the detail.
class ConnectionStatusWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionStatusWidget)

public:
    static constexpr int kBacklogRefreshMs = 3000; // one small indexed query per system
    static constexpr int kTickMs = 1000;           // ages tick without asking anyone

    enum class Shown { Idle, Syncing, Paused, Error, Offline, Starting };

    // `controller` may be null: the widget then says "Not connected".
    explicit ConnectionStatusWidget(Core::Store &store,
                                    Core::SyncController *controller,
                                    QWidget *parent = nullptr);
    ~ConnectionStatusWidget() override;

    // Shown in place of the indicators while nothing is connected, e.g. "Starting demo…";
    // an error notice is shown in red. An empty text clears it.
    void setNotice(const QString &text, bool isError = false);

    QString noticeText() const { return m_notice; }

    QStringList systems() const { return m_order; }

    QString indicatorText(const QString &system) const;
    QString indicatorToolTip(const QString &system) const;
    // Everything the widget says, for the window's accessible text and for tests.
    QString text() const;
    bool isOffline() const;

    static Shown shownState(const Core::SyncSystemStatus &status);
    static QString stateText(Shown shown);
    static QString ageText(Core::UtcMillis at, Core::UtcMillis now);

public slots:
    // Reads the controller's snapshot and the outbox backlog now.
    void refresh();

private:
    struct Indicator
    {
        QLabel *label = nullptr;
        Core::SyncSystemStatus status;
        Core::UtcMillis lastSuccess = 0;
        qint64 pending = 0;
        qint64 dead = 0;
    };

    void onStateChanged(const QString &system, Core::SyncState state);
    void onCycleFinished(const Core::SyncCycleReport &report);
    void syncSystems();
    Indicator &indicator(const QString &system);
    void readBacklog();
    void render();
    void renderOne(const QString &system, Indicator &indicator, Core::UtcMillis now);

    Core::Store &m_store;
    QPointer<Core::SyncController> m_controller;
    QHBoxLayout *m_layout = nullptr;
    QLabel *m_summary = nullptr; // "Not connected", "Offline", or the notice
    QTimer *m_tick = nullptr;
    QTimer *m_backlog = nullptr;
    QStringList m_order;
    QHash<QString, Indicator> m_indicators;
    QString m_notice;
    bool m_noticeIsError = false;
};

} // namespace Ledgerdesk::Ui
