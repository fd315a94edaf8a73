#pragma once

#include <ui/pages/page.h>

#include <QPointer>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace Ledgerdesk::Core {
class Store;
class SyncController;
} // namespace Ledgerdesk::Core

namespace Ledgerdesk::Ui {

class SyncHealthChart;
class SyncHealthModel;

// Per connected system: state, last success, latency, backlog, retry rate and errors, with a
// chart of the last hours. Metrics come from the ledger; state and the pause / resume / sync now
// controls come from the SyncController when the console runs one.
class SyncHealthPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncHealthPage)

public:
    static constexpr int kRefreshMs = 30'000;

    // `controller` may be null: the page then shows the ledger's metrics and disables the controls.
    explicit SyncHealthPage(Core::Store &store,
                            Core::SyncController *controller = nullptr,
                            QWidget *parent = nullptr);
    ~SyncHealthPage() override;

    QString pageId() const override;
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    void refresh() override;
    void focusSearch() override;

    SyncHealthModel *model() const { return m_model; }

    SyncHealthChart *chart() const { return m_chart; }

    QTableView *view() const { return m_view; }

    QPushButton *pauseButton() const { return m_pause; }

    QPushButton *resumeButton() const { return m_resume; }

    QPushButton *syncNowButton() const { return m_syncNow; }

    QString errorText() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QString selectedSystem() const; // empty: every system
    void updateChart();
    void updateControls();
    void pause();
    void resume();
    void syncNow();

    Core::Store &m_store;
    QPointer<Core::SyncController> m_controller;
    SyncHealthModel *m_model = nullptr;
    SyncHealthChart *m_chart = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_syncNow = nullptr;
    QTimer *m_timer = nullptr;
    QString m_summary;
};

} // namespace Ledgerdesk::Ui
