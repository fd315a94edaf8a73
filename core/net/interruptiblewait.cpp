#include "interruptiblewait.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

namespace Ledgerdesk::Core {

namespace {

constexpr int kStopPollMs = 50;

// Runs `loop` for at most `ms`, leaving early when the thread is asked to stop.
bool runUnlessStopped(QEventLoop &loop, qint64 ms)
{
    bool interrupted = false;
    QTimer poll;
    poll.setInterval(kStopPollMs);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&loop, &interrupted] {
        if (stopRequested()) {
            interrupted = true;
            loop.quit();
        }
    });
    QTimer::singleShot(std::chrono::milliseconds(ms), &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    // QThread::quit() also ends nested loops, so the request to stop may have ended this one.
    return !interrupted && !stopRequested();
}

} // namespace

bool stopRequested()
{
    return QThread::currentThread()->isInterruptionRequested();
}

WaitEnd waitForReply(QNetworkReply *reply, qint64 timeoutMs)
{
    if (reply->isFinished()) {
        return WaitEnd::Finished;
    }
    if (stopRequested()) {
        return WaitEnd::Interrupted;
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!runUnlessStopped(loop, timeoutMs)) {
        return reply->isFinished() ? WaitEnd::Finished : WaitEnd::Interrupted;
    }
    return reply->isFinished() ? WaitEnd::Finished : WaitEnd::TimedOut;
}

bool pauseUnlessStopped(qint64 ms)
{
    if (stopRequested()) {
        return false;
    }
    if (ms <= 0) {
        return true;
    }
    QEventLoop loop;
    return runUnlessStopped(loop, ms);
}

} // namespace Ledgerdesk::Core
