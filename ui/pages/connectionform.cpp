#include "connectionform.h"

#include <ui/theme.h>

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

namespace {

using Type = Core::ConnectionField::Type;

QLabel *problemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    label->hide();
    return label;
}

} // namespace

ConnectionForm::ConnectionForm(QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_general = problemLabel(this);
    m_general->setObjectName(QStringLiteral("formProblem"));
    m_layout = new QFormLayout;
    m_layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    outer->addLayout(m_layout);
    outer->addWidget(m_general);
}

ConnectionForm::~ConnectionForm() = default;

QWidget *ConnectionForm::makeRow(const Core::ConnectionField &field, Row &row)
{
    auto *container = new QWidget(this);
    auto *column = new QVBoxLayout(container);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *line = new QHBoxLayout;
    row.edit = new QLineEdit(container);
    row.edit->setObjectName(field.key);
    row.edit->setAccessibleName(field.label);
    row.edit->setPlaceholderText(field.hint);
    line->addWidget(row.edit, 1);
    if (field.type == Type::Secret) {
        row.edit->setEchoMode(QLineEdit::Password);
        // Typed secrets are not offered to other applications.
        row.edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData
                                      | Qt::ImhNoPredictiveText);
        row.note = new QLabel(container);
        row.note->setObjectName(field.key + QStringLiteral("Note"));
        // As wide as the longer note, so the secret fields line up.
        row.note->setMinimumWidth(
            qMax(row.note->fontMetrics().horizontalAdvance(tr("Stored in the keychain")),
                 row.note->fontMetrics().horizontalAdvance(tr("Not stored"))));
        line->addWidget(row.note);
    } else if (field.type == Type::Folder) {
        auto *browse = new QToolButton(container);
        browse->setText(tr("Choose…"));
        browse->setAccessibleName(tr("Choose the %1").arg(field.label));
        QLineEdit *edit = row.edit;
        const QString label = field.label;
        connect(browse, &QToolButton::clicked, this, [this, edit, label] {
            const QString chosen = QFileDialog::getExistingDirectory(this, label, edit->text());
            if (!chosen.isEmpty()) {
                edit->setText(QDir::toNativeSeparators(chosen));
            }
        });
        line->addWidget(browse);
    }
    column->addLayout(line);
    row.problem = problemLabel(container);
    row.problem->setObjectName(field.key + QStringLiteral("Problem"));
    column->addWidget(row.problem);
    connect(row.edit, &QLineEdit::textEdited, this, &ConnectionForm::edited);
    return container;
}

void ConnectionForm::setConnection(const Core::ConnectionKind &kind,
                                   const QJsonObject &options,
                                   const QSet<QString> &storedSecrets)
{
    while (m_layout->rowCount() > 0) {
        m_layout->removeRow(0);
    }
    m_rows.clear();
    m_kind = kind;
    m_stored = storedSecrets;
    for (const Core::ConnectionField &field : kind.fields) {
        Row row;
        QWidget *container = makeRow(field, row);
        const QString label = field.required ? tr("%1 *").arg(field.label) : field.label;
        m_layout->addRow(label, container);
        if (field.type == Type::Secret) {
            const bool stored = storedSecrets.contains(field.key);
            row.note->setText(stored ? tr("Stored in the keychain") : tr("Not stored"));
            row.edit->setPlaceholderText(stored ? tr("Stored in the keychain; type to replace")
                                                : tr("Kept in the keychain, never in a file"));
        } else {
            row.edit->setText(options.value(field.key).toString());
        }
        m_rows.insert(field.key, row);
    }
    clearProblems();
}

QJsonObject ConnectionForm::options() const
{
    QJsonObject result;
    for (const Core::ConnectionField &field : m_kind.fields) {
        if (field.type == Type::Secret) {
            continue;
        }
        const QString value = m_rows.value(field.key).edit->text().trimmed();
        if (!value.isEmpty()) {
            result.insert(field.key,
                          field.type == Type::Folder ? QDir::fromNativeSeparators(value) : value);
        }
    }
    return result;
}

QHash<QString, QString> ConnectionForm::typedSecrets() const
{
    QHash<QString, QString> result;
    for (const Core::ConnectionField &field : m_kind.fields) {
        if (field.type != Type::Secret) {
            continue;
        }
        // Secrets are taken as typed: spaces may be part of one.
        const QString value = m_rows.value(field.key).edit->text();
        if (!value.isEmpty()) {
            result.insert(field.key, value);
        }
    }
    return result;
}

void ConnectionForm::showProblems(const QList<Core::ConnectionProblem> &problems)
{
    clearProblems();
    QStringList general;
    for (const Core::ConnectionProblem &problem : problems) {
        const auto it = m_rows.constFind(problem.field);
        if (it == m_rows.constEnd()) {
            general << problem.message;
            continue;
        }
        QLabel *label = it->problem;
        label->setText(label->text().isEmpty() ? problem.message
                                               : label->text() + u'\n' + problem.message);
        label->show();
        it->edit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid %1; }")
                                    .arg(Theme::outOfStockText().name()));
    }
    if (!general.isEmpty()) {
        m_general->setText(general.join(u'\n'));
        m_general->show();
    }
}

void ConnectionForm::clearProblems()
{
    for (const Row &row : std::as_const(m_rows)) {
        row.problem->clear();
        row.problem->hide();
        row.edit->setStyleSheet({});
    }
    m_general->clear();
    m_general->hide();
}

QString ConnectionForm::problemText(const QString &field) const
{
    const auto it = m_rows.constFind(field);
    if (it == m_rows.constEnd()) {
        return m_general->isHidden() ? QString() : m_general->text();
    }
    return it->problem->isHidden() ? QString() : it->problem->text();
}

QLineEdit *ConnectionForm::edit(const QString &field) const
{
    return m_rows.value(field).edit;
}

} // namespace Ledgerdesk::Ui
