#pragma once

#include <core/error.h>
#include <core/sync/syncexception.h>

#include <QCoreApplication>

namespace Ledgerdesk::Core {

class Store;

// What a person may do with one exception. A button the console shows for an action that
// cannot reach its target would promise a change that never happens, so it is not offered.
struct ExceptionActions
{
    bool acceptTheirs = false;
    bool keepOurs = false; // and "set value": both push the ledger's figure
    bool retry = false;
    bool ignore = false;
    QString noPushReason; // why keepOurs is false for an open inventory exception
};

// The resolutions a person can choose. Each is one transaction that writes the ledger, the
// outbox, the exception's history and the audit log together; the console calls exactly these.
class ExceptionResolver final
{
    Q_DECLARE_TR_FUNCTIONS(ExceptionResolver)

public:
    explicit ExceptionResolver(Store &store);

    static ExceptionActions actionsFor(const SyncException &exception);

    // The ledger takes the external system's value.
    Status acceptTheirs(qint64 exceptionId, const QString &actor);
    // The ledger keeps its value and pushes it, expecting the external value it saw.
    Status keepOursAndPush(qint64 exceptionId, const QString &actor);
    // A person states the true value: the ledger takes it and it is pushed.
    Status setValue(qint64 exceptionId, qint64 value, const QString &actor);
    // The failed push is sent again with its original idempotency key.
    Status retry(qint64 exceptionId, const QString &actor);
    Status ignore(qint64 exceptionId, const QString &reason, const QString &actor);

private:
    Status resolveInventory(qint64 exceptionId,
                            const QString &actor,
                            std::optional<qint64> ledgerTarget,
                            bool push,
                            const QString &resolution);

    Store &m_store;
};

} // namespace Ledgerdesk::Core
