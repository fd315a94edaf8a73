#pragma once

#include <QObject>

class QSocketNotifier;

namespace Ledgerdesk::Sandbox {

// Turns SIGINT and SIGTERM into a Qt signal through a self-pipe, so shutdown runs in the
// event loop and state is saved.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signal);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Ledgerdesk::Sandbox
