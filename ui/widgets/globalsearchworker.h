#pragma once

#include <core/catalog/globalsearch.h>

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// Runs the global search on its own thread, through that thread's connection, so typing never
// waits for the ledger. A request overtaken by a newer one is skipped unread.
class GlobalSearchWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GlobalSearchWorker)

public:
    explicit GlobalSearchWorker(Core::Store &store);

    // From any thread: the newest request; older ones still queued are skipped.
    void setLatest(quint64 generation) { m_latest.store(generation); }

    void search(quint64 generation, const QString &text, int perKind);

signals:
    void
    found(quint64 generation, const QList<Ledgerdesk::Core::SearchHit> &hits, const QString &error);

private:
    Core::Store &m_store;
    std::atomic<quint64> m_latest = 0;
};

} // namespace Ledgerdesk::Ui
