#pragma once

#include <core/sync/syncexception.h>

#include <QDialog>

class QLineEdit;
class QSpinBox;

namespace Ledgerdesk::Ui {

// Asks a person for the one value a resolution needs: the true value, the reason to ignore, or
// the assignee. It shows the exception it is about and returns the value; it never touches the
// ledger.
class ExceptionInputDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExceptionInputDialog)

public:
    enum class Mode { SetValue, IgnoreReason, Assign };

    ExceptionInputDialog(Mode mode,
                         const Core::SyncException &exception,
                         QWidget *parent = nullptr);
    // For bulk actions: about `count` exceptions at once.
    ExceptionInputDialog(Mode mode, int count, QWidget *parent = nullptr);

    qint64 value() const;
    QString text() const;

private:
    void build(Mode mode, const QString &about, const QString &initialText, qint64 initialValue);

    QSpinBox *m_value = nullptr;
    QLineEdit *m_text = nullptr;
};

} // namespace Ledgerdesk::Ui
