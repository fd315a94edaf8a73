#pragma once

#include <core/sync/exceptioncause.h>

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace Ledgerdesk::Ui {

class ExceptionModel;

// The inbox's filters: system, kind, state, age and assignee, applied to the model at once.
class ExceptionFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExceptionFilterBar)

public:
    explicit ExceptionFilterBar(ExceptionModel *model, QWidget *parent = nullptr);

    void focusAssignee();
    // Each cause with its count of unresolved exceptions, so one cause is picked in one step.
    void setCauseCounts(const QList<QPair<Core::ExceptionCause, qint64>> &counts);

signals:
    void filtersApplied();

private:
    void apply();

    ExceptionModel *m_model = nullptr;
    QComboBox *m_cause = nullptr;
    QComboBox *m_system = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_age = nullptr;
    QLineEdit *m_assignee = nullptr;
};

} // namespace Ledgerdesk::Ui
