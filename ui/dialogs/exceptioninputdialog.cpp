#include "exceptioninputdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace Ledgerdesk::Ui {

namespace {

QString sideText(const std::optional<QString> &value)
{
    return value ? *value : QStringLiteral("—");
}

} // namespace

ExceptionInputDialog::ExceptionInputDialog(Mode mode,
                                           const Core::SyncException &exception,
                                           QWidget *parent)
    : QDialog(parent)
{
    const QString about = tr("%1 on %2\nbase %3 · ledger %4 · theirs %5")
                              .arg(exception.entityKey,
                                   exception.system,
                                   sideText(exception.baseValue),
                                   sideText(exception.ledgerValue),
                                   sideText(exception.externalValue));
    const qint64 initial
        = exception.externalValue.value_or(exception.ledgerValue.value_or(QStringLiteral("0")))
              .toLongLong();
    build(mode, about, mode == Mode::Assign ? exception.assignee : QString(), initial);
}

ExceptionInputDialog::ExceptionInputDialog(Mode mode, int count, QWidget *parent)
    : QDialog(parent)
{
    build(mode, tr("%n exception(s) selected", nullptr, count), QString(), 0);
}

void ExceptionInputDialog::build(Mode mode,
                                 const QString &about,
                                 const QString &initialText,
                                 qint64 initialValue)
{
    auto *form = new QFormLayout;
    auto *aboutLabel = new QLabel(about, this);
    aboutLabel->setWordWrap(true);
    form->addRow(aboutLabel);
    switch (mode) {
    case Mode::SetValue:
        setWindowTitle(tr("Set value"));
        m_value = new QSpinBox(this);
        m_value->setRange(0, std::numeric_limits<int>::max());
        m_value->setValue(
            static_cast<int>(std::clamp<qint64>(initialValue, 0, m_value->maximum())));
        form->addRow(tr("True &value:"), m_value);
        break;
    case Mode::IgnoreReason:
        setWindowTitle(tr("Ignore"));
        m_text = new QLineEdit(initialText, this);
        m_text->setPlaceholderText(tr("Why this needs no action (required)"));
        form->addRow(tr("&Reason:"), m_text);
        break;
    case Mode::Assign:
        setWindowTitle(tr("Assign"));
        m_text = new QLineEdit(initialText, this);
        m_text->setPlaceholderText(tr("Who takes this on"));
        form->addRow(tr("&Assignee:"), m_text);
        break;
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

qint64 ExceptionInputDialog::value() const
{
    return m_value ? m_value->value() : 0;
}

QString ExceptionInputDialog::text() const
{
    return m_text ? m_text->text().trimmed() : QString();
}

} // namespace Ledgerdesk::Ui
