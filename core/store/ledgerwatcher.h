#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

namespace Ledgerdesk::Core {

class Store;

// Tells when the ledger changed, whoever wrote it: a sync thread, a webhook, the CLI in another
// process. It asks the database for a change counter on the calling thread's connection; SQLite
// answers `PRAGMA data_version` from memory, PostgreSQL the cluster's next transaction id. Both
// count only writes made by other connections, which is what a view needs to hear about.
class LedgerWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LedgerWatcher)

public:
    static constexpr std::chrono::milliseconds defaultInterval{300};

    // Polls on the thread it was created on, through that thread's connection of `store`.
    explicit LedgerWatcher(Store &store,
                           std::chrono::milliseconds interval = defaultInterval,
                           QObject *parent = nullptr);
    ~LedgerWatcher() override;

    void start();
    void stop();

    bool isActive() const { return m_timer.isActive(); }

    // Reads the counter now; emits changed() when it moved since the last read.
    void check();

signals:
    void changed();

private:
    std::optional<qint64> readCounter() const;

    Store &m_store;
    QTimer m_timer;
    std::optional<qint64> m_last;
    mutable bool m_warned = false;
};

} // namespace Ledgerdesk::Core
