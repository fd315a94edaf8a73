#pragma once

#include <ui/pages/page.h>

#include <QList>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace Ledgerdesk::Core {
class Store;
struct SyncException;
} // namespace Ledgerdesk::Core

namespace Ledgerdesk::Ui {

class ExceptionDetailPane;
class ExceptionFilterBar;
class ExceptionModel;

// The exceptions inbox: what sync could not settle, filterable, with base / ledger / theirs side
// by side and the resolutions a person can choose. Every action goes through the core's
// ExceptionResolver or ExceptionStore; the page only shows what they answer.
class ExceptionsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExceptionsPage)

public:
    static constexpr qint64 kGoalMs = 24LL * 60 * 60 * 1000; // resolve within a day
    static constexpr int kRefreshMs = 60'000;

    explicit ExceptionsPage(Core::Store &store, QWidget *parent = nullptr);
    ~ExceptionsPage() override;

    QString pageId() const override;
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    void refresh() override;
    void focusSearch() override;

    // Who the history and audit log name for actions taken here.
    void setActor(const QString &actor);

    ExceptionModel *model() const { return m_model; }

    QTableView *view() const { return m_view; }

    QPushButton *button(const QString &objectName) const;
    QString errorText() const;
    QString oldestText() const;
    QString detailText() const; // base / ledger / theirs as shown

    QListWidget *historyList() const;

    qint64 openCount() const { return m_openCount; }

    QByteArray saveState() const override;
    void restoreState(const QByteArray &state) override;

private:
    using Action = std::function<QString(qint64 id)>; // an error message, empty on success

    QWidget *createActions();
    void updateCounts();
    void showDetail();
    void updateButtons();
    QList<qint64> selectedIds() const;
    const Core::SyncException *currentException() const;
    void runOnSelection(const Action &action, bool bulk);
    void showError(const QString &message);

    void acceptTheirs();
    void keepOurs();
    void setValue();
    void retry();
    void ignore();
    void acknowledge();
    void assign();

    Core::Store &m_store;
    QString m_actor;
    ExceptionModel *m_model = nullptr;
    qint64 m_openCount = 0;
    QString m_ageCounts;

    QLabel *m_oldest = nullptr;
    QLabel *m_counts = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_error = nullptr;
    ExceptionDetailPane *m_detail = nullptr;
    ExceptionFilterBar *m_filters = nullptr;
    QList<QPushButton *> m_buttons;
};

} // namespace Ledgerdesk::Ui
