#pragma once

#include <core/ledger/availability.h>

#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class MovementHistoryModel;
class SkuDetailReader;
class SystemFiguresModel;
struct SkuDetailResult;

// One SKU at one location: what the ledger and each connected system say about it, with how old
// each figure is, beside its movement history. Reads on the reader's thread and only while
// shown, so a hidden tab costs nothing when the selection moves.
class SkuDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkuDetailPane)

public:
    SkuDetailPane(Core::Store &store, SkuDetailReader &reader, QWidget *parent = nullptr);
    ~SkuDetailPane() override;

    void showRow(const Core::AvailabilityRow &row);
    void clear();
    // Re-reads the figures and the history of the row shown.
    void refresh();
    // True from a new row or refresh until its details are shown.
    bool isLoading() const;

    std::optional<Core::AvailabilityRow> row() const { return m_row; }

    SystemFiguresModel *figuresModel() const { return m_figures; }

    MovementHistoryModel *historyModel() const { return m_history; }

    QTableView *figuresView() const { return m_figuresView; }

    QTableView *historyView() const { return m_historyView; }

signals:
    void detailShown();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void load();
    void acceptDetail(const SkuDetailResult &result);
    void updateHeader();
    void showError(const QString &message);
    void configureViews();

    SkuDetailReader &m_reader;
    std::optional<Core::AvailabilityRow> m_row;
    bool m_stale = false; // the row changed while hidden
    SystemFiguresModel *m_figures = nullptr;
    MovementHistoryModel *m_history = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_exceptions = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_header = nullptr;
    QWidget *m_body = nullptr;
    QLabel *m_placeholder = nullptr;
    QStackedWidget *m_content = nullptr;
    QTableView *m_figuresView = nullptr;
    QTableView *m_historyView = nullptr;
    QTimer *m_ageTick = nullptr; // keeps "3 min ago" true while shown
};

} // namespace Ledgerdesk::Ui
