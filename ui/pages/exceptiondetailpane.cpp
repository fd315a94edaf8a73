#include "exceptiondetailpane.h"

#include <core/sync/exceptionresolver.h>
#include <ui/models/exceptionmodel.h>

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

namespace {

QString sideText(const std::optional<QString> &value)
{
    return value ? *value : QStringLiteral("—");
}

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("—"), parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    label->setFont(font);
    label->setAlignment(Qt::AlignCenter);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("000000")));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ExceptionDetailPane::ExceptionDetailPane(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_base = valueLabel(this);
    m_ledger = valueLabel(this);
    m_theirs = valueLabel(this);
    auto *sides = new QGridLayout;
    const QStringList captions{tr("Base (last agreed)"), tr("Ledger (ours)"), tr("Theirs")};
    const QList<QLabel *> values{m_base, m_ledger, m_theirs};
    for (int i = 0; i < 3; ++i) {
        auto *caption = new QLabel(captions.at(i), this);
        caption->setAlignment(Qt::AlignCenter);
        sides->addWidget(caption, 0, i);
        sides->addWidget(values.at(i), 1, i);
    }
    m_errorText = new QLabel(this);
    m_errorText->setObjectName(QStringLiteral("exceptionErrorText"));
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_history = new QListWidget(this);
    m_history->setObjectName(QStringLiteral("history"));
    m_history->setAccessibleName(tr("History"));
    m_history->setWordWrap(true);

    auto *left = new QVBoxLayout;
    left->addWidget(m_title);
    left->addLayout(sides);
    left->addWidget(m_errorText);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("History"), this));
    right->addWidget(m_history, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);
    showSelection(0);
}

void ExceptionDetailPane::showSelection(qsizetype selected)
{
    m_history->clear();
    m_title->setText(selected > 1 ? tr("%1 exceptions selected").arg(selected)
                                  : tr("Select an exception to see its values and history."));
    for (QLabel *l : {m_base, m_ledger, m_theirs}) {
        l->setText(QStringLiteral("—"));
    }
    m_errorText->clear();
}

void ExceptionDetailPane::showException(const Core::SyncException &e)
{
    m_history->clear();
    m_title->setText(tr("<b>%1</b> · %2 · %3 · %4")
                         .arg(e.entityKey.toHtmlEscaped(),
                              e.system.toHtmlEscaped(),
                              ExceptionModel::kindText(e.kind),
                              ExceptionModel::stateText(e.state)));
    m_base->setText(sideText(e.baseValue));
    m_ledger->setText(sideText(e.ledgerValue));
    m_theirs->setText(sideText(e.externalValue));
    // Where the ledger's figure cannot be sent, say what a person can do instead.
    const QString noPush = Core::ExceptionResolver::actionsFor(e).noPushReason;
    m_errorText->setText(noPush.isEmpty() ? e.errorText
                                          : tr("%1\nWhat to do: %2").arg(e.errorText, noPush));
    for (const Core::ExceptionEvent &event : e.history) {
        const QString when = QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(event.at).toLocalTime(), QLocale::ShortFormat);
        m_history->addItem(
            event.detail.isEmpty()
                ? tr("%1  %2 by %3").arg(when, event.action, event.actor)
                : tr("%1  %2 by %3: %4").arg(when, event.action, event.actor, event.detail));
    }
}

QString ExceptionDetailPane::sidesText() const
{
    return QStringLiteral("%1 / %2 / %3").arg(m_base->text(), m_ledger->text(), m_theirs->text());
}

} // namespace Ledgerdesk::Ui
