#include "freshnesslabel.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>

#include <algorithm>

namespace Ledgerdesk::Ui {

FreshnessLabel::FreshnessLabel(QWidget *parent)
    : QLabel(parent)
    , m_tick(new QTimer(this))
{
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &FreshnessLabel::updateText);
    m_tick->start();
    updateText();
}

FreshnessLabel::~FreshnessLabel() = default;

void FreshnessLabel::setNewestChange(Core::UtcMillis newest)
{
    m_newest = newest;
    updateText();
}

QString FreshnessLabel::describe(Core::UtcMillis newest, Core::UtcMillis now)
{
    if (newest <= 0) {
        return tr("no stock recorded yet");
    }
    const qint64 seconds = std::max<qint64>(0, (now - newest) / 1000);
    if (seconds < 60) {
        return tr("updated %1 s ago").arg(seconds);
    }
    if (seconds < 3600) {
        return tr("updated %1 min ago").arg(seconds / 60);
    }
    if (seconds < 48 * 3600) {
        return tr("updated %1 h ago").arg(seconds / 3600);
    }
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(newest, Qt::UTC).toLocalTime();
    return tr("updated on %1").arg(QLocale().toString(at.date(), QLocale::ShortFormat));
}

void FreshnessLabel::updateText()
{
    setText(describe(m_newest, Core::nowUtcMillis()));
    setToolTip(m_newest > 0 ? tr("Newest stock change: %1").arg(Core::formatIsoTimestamp(m_newest))
                            : QString());
}

} // namespace Ledgerdesk::Ui
