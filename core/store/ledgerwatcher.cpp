#include "ledgerwatcher.h"

#include <core/store/sql.h>
#include <core/store/store.h>

#include <QLoggingCategory>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcLedgerWatcher, "ledgerdesk.core.ledgerwatcher")

LedgerWatcher::LedgerWatcher(Store &store, std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &LedgerWatcher::check);
}

LedgerWatcher::~LedgerWatcher() = default;

void LedgerWatcher::start()
{
    m_last = readCounter();
    m_timer.start();
}

void LedgerWatcher::stop()
{
    m_timer.stop();
}

void LedgerWatcher::check()
{
    const std::optional<qint64> now = readCounter();
    if (!now) {
        return;
    }
    const bool moved = m_last && *m_last != *now;
    m_last = now;
    if (moved) {
        emit changed();
    }
}

std::optional<qint64> LedgerWatcher::readCounter() const
{
    // The one place the dialects differ. SQLite's data_version changes when another connection
    // commits and costs no I/O; PostgreSQL's next transaction id moves with every write anywhere
    // in the cluster (read-only statements take none), so a false alarm only costs a refresh.
    const QString sql = m_store.dialect().backend() == Backend::Sqlite
                            ? QStringLiteral("PRAGMA data_version")
                            : QStringLiteral("SELECT txid_snapshot_xmax(txid_current_snapshot())");
    auto q = runQuery(m_store.connection(), sql);
    if (!q || !q.value().next()) {
        if (!m_warned) {
            qCWarning(lcLedgerWatcher) << "cannot read the ledger's change counter:"
                                       << (q ? QStringLiteral("no row") : q.error().message);
        }
        m_warned = true;
        return std::nullopt;
    }
    return q.value().value(0).toLongLong();
}

} // namespace Ledgerdesk::Core
