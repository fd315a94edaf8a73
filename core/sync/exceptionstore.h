#pragma once

#include <core/error.h>
#include <core/sync/exceptioncause.h>
#include <core/sync/syncexception.h>

#include <QCoreApplication>
#include <QSqlDatabase>

namespace Ledgerdesk::Core {

class Store;

struct ExceptionFilter
{
    std::optional<QString> system;
    std::optional<ExceptionKind> kind;
    std::optional<ExceptionCause> cause; // any of its kinds
    std::optional<ExceptionState> state;
    std::optional<QString> assignee;
    std::optional<UtcMillis> olderThan; // created before this instant
    bool openOnly = false;              // open or acknowledged
    int limit = 500;

    static ExceptionFilter unresolved()
    {
        ExceptionFilter filter;
        filter.openOnly = true;
        return filter;
    }
};

// Exceptions and their history. Every change a person makes is one transaction with its
// history row and its audit-log row.
class ExceptionStore final
{
    Q_DECLARE_TR_FUNCTIONS(ExceptionStore)

public:
    explicit ExceptionStore(Store &store);

    // Inside the caller's transaction. An open exception for the same kind, system and entity
    // is not duplicated: met again with the same values only its last-seen time moves; with new
    // values they replace the old ones under one "changed" history line. Returns its id.
    static Result<qint64> raise(QSqlDatabase db, const SyncException &exception, UtcMillis now);
    static Status appendHistory(QSqlDatabase db, qint64 id, const ExceptionEvent &event);
    // Closes an exception inside the caller's transaction, with history and audit rows.
    static Status close(QSqlDatabase db,
                        qint64 id,
                        ExceptionState state,
                        const QString &actor,
                        const QString &resolution,
                        UtcMillis now);

    // Raises `exception` in its own transaction unless one was ever raised for the same kind,
    // system, entity and key (a person resolves or ignores it; later passes stay quiet).
    // Returns whether it was raised now.
    Result<bool> raiseOnce(const SyncException &exception);

    Status acknowledge(qint64 id, const QString &actor);
    Status assign(qint64 id, const QString &assignee, const QString &actor);
    Status addNote(qint64 id, const QString &note, const QString &actor);

    Result<std::optional<SyncException>> get(qint64 id);
    Result<QList<SyncException>> list(const ExceptionFilter &filter);
    // Unresolved exceptions per cause (causes with none are left out); one grouped read.
    Result<QList<QPair<ExceptionCause, qint64>>> openByCause();

private:
    Status changeWithHistory(qint64 id,
                             const QString &sqlSet,
                             const QVariantList &values,
                             const ExceptionEvent &event);

    Store &m_store;
};

} // namespace Ledgerdesk::Core
