#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace Ledgerdesk::Bench {

// A 1 ms timer on the GUI thread: the longest gap between two of its ticks is the longest time
// the window could not have answered a click or a key. Gaps are kept per phase of the run.
class StallProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallProbe)

public:
    StallProbe();

    void start();
    void stop();
    void setPhase(const QString &phase);

    double longestMs() const { return m_longestNs / 1e6; }

    const QString &longestPhase() const { return m_longestPhase; }

    // The longest gap since the last call, in ms; for one action's own figure.
    double takePhaseLongestMs();

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestNs = 0;
    qint64 m_phaseLongestNs = 0;
    QString m_phase;
    QString m_longestPhase;
};

} // namespace Ledgerdesk::Bench
