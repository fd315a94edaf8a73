#include "rawstatement.h"

#include <QElapsedTimer>

#include <sqlite3.h>

namespace Ledgerdesk::Bench {

RawStatement::~RawStatement()
{
    sqlite3_close(m_db);
}

Core::Status RawStatement::open(const QString &path)
{
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr)
        != SQLITE_OK) {
        return Core::makeError(Core::ErrorCode::Storage,
                               QStringLiteral("cannot open %1: %2")
                                   .arg(path, QString::fromUtf8(sqlite3_errmsg(m_db))));
    }
    return Core::success();
}

Core::Result<qint64> RawStatement::run(const Core::AvailabilityStatement &statement)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray sql = statement.sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, sql.constData(), static_cast<int>(sql.size()), &stmt, nullptr)
        != SQLITE_OK) {
        return Core::makeError(Core::ErrorCode::Storage,
                               QStringLiteral("cannot prepare %1: %2")
                                   .arg(statement.sql, QString::fromUtf8(sqlite3_errmsg(m_db))));
    }
    int index = 1;
    for (const QVariant &value : statement.values) {
        if (value.typeId() == QMetaType::QString) {
            const QByteArray text = value.toString().toUtf8();
            sqlite3_bind_text(
                stmt, index, text.constData(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_int64(stmt, index, value.toLongLong());
        }
        ++index;
    }
    qint64 first = 0;
    qint64 rows = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const int columns = sqlite3_column_count(stmt);
        for (int c = 0; c < columns; ++c) {
            if (sqlite3_column_type(stmt, c) == SQLITE_TEXT) {
                sqlite3_column_text(stmt, c);
            } else {
                const qint64 value = sqlite3_column_int64(stmt, c);
                if (rows == 0 && c == 0) {
                    first = value;
                }
            }
        }
        ++rows;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        return Core::makeError(Core::ErrorCode::Storage,
                               QStringLiteral("cannot run %1: %2")
                                   .arg(statement.sql, QString::fromUtf8(sqlite3_errmsg(m_db))));
    }
    return first;
}

Core::Result<double> RawStatement::time(const Core::AvailabilityStatement &statement, int runs)
{
    double best = -1;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        if (const auto done = run(statement); !done) {
            return done.error();
        }
        const double ms = clock.nsecsElapsed() / 1e6;
        best = best < 0 ? ms : std::min(best, ms);
    }
    return best;
}

Core::Result<qint64> RawStatement::scalar(const Core::AvailabilityStatement &statement)
{
    return run(statement);
}

} // namespace Ledgerdesk::Bench
