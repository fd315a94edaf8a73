#pragma once

#include <core/domain/quantities.h>
#include <core/error.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace Ledgerdesk::Cli {

// One posting of one line as the raw baseline writes it.
struct RawPosting
{
    const char *source = "bench";
    QByteArray reference;
    const char *reason = "receipt";
    const char *actor = "bench";
    qint64 at = 0;
    qint64 variantId = 0;
    qint64 locationId = 0;
    Core::Quantities delta;
};

// The engine baseline: the app's statements on the app's schema through SQLite's C API directly,
// with statements prepared once, so the difference to the app path is the app's (and Qt's) cost.
class RawLedger final
{
public:
    RawLedger() = default;
    ~RawLedger();
    Q_DISABLE_COPY_MOVE(RawLedger)

    Core::Status open(const QString &path, const QStringList &pragmas);
    Core::Status exec(const QString &sql);

    Core::Status preparePostings();
    Core::Status begin();
    Core::Status commit();
    // Posting row + movement row + balance upsert, inside the caller's transaction.
    Core::Status post(const RawPosting &posting);

    Core::Status prepareLookup();
    // Available units of one (variant, location) balance, -1 when there is none.
    Core::Result<qint64> lookup(qint64 variantId, qint64 locationId);

    // Steps through every row of `sql`, reading every column; returns the row count.
    Core::Result<qint64> iterate(const QString &sql);
    // The first two integer columns of every row of `sql`, in order.
    Core::Result<QList<std::pair<qint64, qint64>>> keys(const QString &sql);

private:
    Core::Error error(const QString &context) const;
    Core::Status prepare(sqlite3_stmt **statement, const char *sql);
    Core::Status stepDone(sqlite3_stmt *statement, const char *context);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_begin = nullptr;
    sqlite3_stmt *m_commit = nullptr;
    sqlite3_stmt *m_insertPosting = nullptr;
    sqlite3_stmt *m_insertMovement = nullptr;
    sqlite3_stmt *m_upsertBalance = nullptr;
    sqlite3_stmt *m_lookup = nullptr;
};

} // namespace Ledgerdesk::Cli
