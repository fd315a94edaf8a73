#pragma once

#include <QtGlobal>

class QNetworkReply;

namespace Ledgerdesk::Core {

// Sync workers wait in local event loops (for a reply, for a backoff). Each wait also ends when
// the worker's thread is asked to stop, so stopping a system never waits out a timeout or a
// retry budget.

enum class WaitEnd { Finished, TimedOut, Interrupted };

// Until `reply` finishes, `timeoutMs` pass, or the thread is asked to stop.
WaitEnd waitForReply(QNetworkReply *reply, qint64 timeoutMs);
// Sleeps `ms` in the event loop; false when the thread was asked to stop meanwhile.
bool pauseUnlessStopped(qint64 ms);
// Whether the current thread was asked to stop.
bool stopRequested();

} // namespace Ledgerdesk::Core
