#include "exceptionfilterbar.h"

#include <ui/models/exceptionmodel.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace Ledgerdesk::Ui {

namespace {

constexpr qint64 kHourMs = 60LL * 60 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

} // namespace

ExceptionFilterBar::ExceptionFilterBar(ExceptionModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_system = new QComboBox(this);
    m_system->setObjectName(QStringLiteral("systemFilter"));
    m_system->addItem(tr("All systems"), QString());
    for (const QString &s :
         {QStringLiteral("shopify"), QStringLiteral("erp"), QStringLiteral("wms")}) {
        m_system->addItem(s, s);
    }
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindFilter"));
    m_kind->addItem(tr("All kinds"), QString());
    for (int k = 0; k <= static_cast<int>(Core::kLastExceptionKind); ++k) {
        const auto kind = static_cast<Core::ExceptionKind>(k);
        m_kind->addItem(ExceptionModel::kindText(kind), Core::exceptionKindKey(kind));
    }
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->addItem(tr("Unresolved"), QString());
    for (int s = 0; s <= static_cast<int>(Core::ExceptionState::Ignored); ++s) {
        const auto state = static_cast<Core::ExceptionState>(s);
        m_state->addItem(ExceptionModel::stateText(state), Core::exceptionStateKey(state));
    }
    m_age = new QComboBox(this);
    m_age->setObjectName(QStringLiteral("ageFilter"));
    m_age->addItem(tr("Any age"), qint64(0));
    m_age->addItem(tr("Older than 1 h"), kHourMs);
    m_age->addItem(tr("Older than 24 h"), kDayMs);
    m_assignee = new QLineEdit(this);
    m_assignee->setObjectName(QStringLiteral("assigneeFilter"));
    m_assignee->setPlaceholderText(tr("Assignee"));
    m_assignee->setClearButtonEnabled(true);

    for (QComboBox *box : {m_system, m_kind, m_state, m_age}) {
        layout->addWidget(box);
        connect(box, &QComboBox::currentIndexChanged, this, &ExceptionFilterBar::apply);
    }
    layout->addWidget(m_assignee, 1);
    connect(m_assignee, &QLineEdit::editingFinished, this, &ExceptionFilterBar::apply);
}

void ExceptionFilterBar::focusAssignee()
{
    m_assignee->setFocus(Qt::ShortcutFocusReason);
    m_assignee->selectAll();
}

void ExceptionFilterBar::apply()
{
    m_model->setFilters(m_system->currentData().toString(),
                        Core::exceptionKindFromKey(m_kind->currentData().toString()),
                        Core::exceptionStateFromKey(m_state->currentData().toString()),
                        m_assignee->text().trimmed(),
                        m_age->currentData().toLongLong());
    emit filtersApplied();
}

} // namespace Ledgerdesk::Ui
