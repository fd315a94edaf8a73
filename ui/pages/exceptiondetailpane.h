#pragma once

#include <core/sync/syncexception.h>

#include <QWidget>

class QLabel;
class QListWidget;

namespace Ledgerdesk::Ui {

// One exception in full: base / ledger / theirs side by side, the error text and the history.
// Shows the value it is given; reads nothing itself.
class ExceptionDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExceptionDetailPane)

public:
    explicit ExceptionDetailPane(QWidget *parent = nullptr);

    // `exception` with its history, or how many are selected when not exactly one.
    void showException(const Core::SyncException &exception);
    void showSelection(qsizetype selected);

    QString sidesText() const; // "base / ledger / theirs" as shown

    QListWidget *historyList() const { return m_history; }

private:
    QLabel *m_title = nullptr;
    QLabel *m_base = nullptr;
    QLabel *m_ledger = nullptr;
    QLabel *m_theirs = nullptr;
    QLabel *m_errorText = nullptr;
    QListWidget *m_history = nullptr;
};

} // namespace Ledgerdesk::Ui
