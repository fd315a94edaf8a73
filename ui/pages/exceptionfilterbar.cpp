#include "exceptionfilterbar.h"

#include <ui/models/exceptionmodel.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>

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

    m_cause = new QComboBox(this);
    m_cause->setObjectName(QStringLiteral("causeFilter"));
    m_cause->setAccessibleName(tr("Cause"));
    m_cause->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setCauseCounts({});
    connect(m_cause, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setCauseFilter(Core::exceptionCauseFromKey(m_cause->currentData().toString()));
        emit filtersApplied();
    });
    layout->addWidget(m_cause);

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

void ExceptionFilterBar::setCauseCounts(const QList<QPair<Core::ExceptionCause, qint64>> &counts)
{
    const QString chosen = m_cause->currentData().toString();
    const QSignalBlocker quiet(m_cause);
    m_cause->clear();
    qint64 all = 0;
    for (const auto &[cause, count] : counts) {
        all += count;
    }
    const QLocale locale;
    m_cause->addItem(tr("All causes (%1)").arg(locale.toString(all)), QString());
    for (int c = 0; c <= static_cast<int>(Core::kLastExceptionCause); ++c) {
        const auto cause = static_cast<Core::ExceptionCause>(c);
        qint64 count = 0;
        for (const auto &[counted, n] : counts) {
            if (counted == cause) {
                count = n;
            }
        }
        // A chosen cause stays in the list while it empties, so the choice is not lost.
        if (count > 0 || Core::exceptionCauseKey(cause) == chosen) {
            m_cause->addItem(
                tr("%1 (%2)").arg(ExceptionModel::causeText(cause), locale.toString(count)),
                Core::exceptionCauseKey(cause));
        }
    }
    m_cause->setCurrentIndex(std::max(0, m_cause->findData(chosen)));
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
