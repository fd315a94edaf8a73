#include "qtbaseline.h"

#include <app/cli/bench/benchsql.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Ledgerdesk::Cli {

namespace {

Core::Status prepareAll(std::initializer_list<std::pair<QSqlQuery *, const char *>> statements)
{
    for (const auto &[query, sql] : statements) {
        query->setForwardOnly(true);
        if (!query->prepare(QString::fromLatin1(sql))) {
            return Core::storageError(*query, QStringLiteral("prepare"));
        }
    }
    return Core::success();
}

Core::Status postOne(QSqlQuery &p, QSqlQuery &m, QSqlQuery &b, const RawPosting &posting)
{
    static const QString source = QStringLiteral("bench");
    static const QString hash = QString::fromLatin1(kHash);
    static const QString reason = QStringLiteral("receipt");
    p.bindValue(0, source);
    p.bindValue(1, QString::fromLatin1(posting.reference));
    p.bindValue(2, hash);
    p.bindValue(3, reason);
    p.bindValue(4, source);
    p.bindValue(5, posting.at);
    p.bindValue(6, posting.at);
    p.bindValue(7, QStringLiteral(""));
    p.bindValue(8, QVariant());
    if (!p.exec() || !p.next()) {
        return Core::storageError(p, QStringLiteral("posting"));
    }
    const qint64 id = p.value(0).toLongLong();
    p.finish();
    m.bindValue(0, id);
    m.bindValue(1, posting.variantId);
    m.bindValue(2, posting.locationId);
    for (int i = 0; i < Core::kStoredQuantityCount; ++i) {
        m.bindValue(3 + i, posting.delta.values[static_cast<std::size_t>(i)]);
    }
    if (!m.exec()) {
        return Core::storageError(m, QStringLiteral("movement"));
    }
    b.bindValue(0, posting.variantId);
    b.bindValue(1, posting.locationId);
    for (int i = 0; i < Core::kStoredQuantityCount; ++i) {
        b.bindValue(2 + i, posting.delta.values[static_cast<std::size_t>(i)]);
    }
    b.bindValue(9, posting.delta.onHand());
    b.bindValue(10, posting.at);
    if (!b.exec() || !b.next()) {
        return Core::storageError(b, QStringLiteral("balance"));
    }
    bool negative = false;
    for (int i = 0; i < Core::kStoredQuantityCount; ++i) {
        negative = negative || b.value(i).toLongLong() < 0;
    }
    b.finish();
    return negative ? Core::Status(Core::makeError(Core::ErrorCode::InsufficientStock,
                                                   QStringLiteral("negative stock")))
                    : Core::success();
}

} // namespace

Core::Result<double> qtBulkSeconds(const QString &path, const BenchShape &shape, qint64 count)
{
    Core::Store store(Core::StoreConfig::sqlite(path));
    if (const Core::Status opened = store.open(); !opened) {
        return opened.error();
    }
    const QSqlDatabase db = store.connection();
    QSqlQuery p(db);
    QSqlQuery m(db);
    QSqlQuery b(db);
    if (const Core::Status prepared
        = prepareAll({{&p, kInsertPosting}, {&m, kInsertMovement}, {&b, kUpsertBalance}});
        !prepared) {
        return prepared.error();
    }
    QElapsedTimer timer;
    timer.start();
    const qint64 at = Core::nowUtcMillis();
    Core::WriteTransaction tx(db, store.dialect());
    if (!tx.begun()) {
        return tx.begun().error();
    }
    for (qint64 i = 0; i < count; ++i) {
        if (const Core::Status done = postOne(p, m, b, rawBenchPosting(shape, "bulk-", i, at));
            !done) {
            return done.error();
        }
    }
    if (const Core::Status committed = tx.commit(); !committed) {
        return committed.error();
    }
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

Core::Result<double> qtLookupMicros(const QString &path, const std::vector<BalanceKey> &keys)
{
    Core::Store store(Core::StoreConfig::sqlite(path));
    if (const Core::Status opened = store.open(); !opened) {
        return opened.error();
    }
    QSqlQuery q(store.connection());
    if (const Core::Status prepared = prepareAll({{&q, kLookup}}); !prepared) {
        return prepared.error();
    }
    QElapsedTimer timer;
    timer.start();
    for (const auto &[variant, location] : keys) {
        q.bindValue(0, variant);
        q.bindValue(1, location);
        if (!q.exec()) {
            return Core::storageError(q, QStringLiteral("lookup"));
        }
        Core::Quantities found;
        if (q.next()) {
            for (int i = 0; i < Core::kStoredQuantityCount; ++i) {
                found.values[static_cast<std::size_t>(i)] = q.value(i).toLongLong();
            }
        }
        q.finish();
        if (found.available() < 0) {
            return Core::makeError(Core::ErrorCode::Storage, QStringLiteral("negative stock"));
        }
    }
    return static_cast<double>(timer.nsecsElapsed()) / 1000.0 / static_cast<double>(keys.size());
}

Core::Result<double> qtIterateMs(const QString &path, const QString &sql)
{
    Core::Store store(Core::StoreConfig::sqlite(path));
    if (const Core::Status opened = store.open(); !opened) {
        return opened.error();
    }
    QSqlQuery q(store.connection());
    q.setForwardOnly(true);
    QElapsedTimer timer;
    timer.start();
    if (!q.exec(sql)) {
        return Core::storageError(q, QStringLiteral("report"));
    }
    const int columns = q.record().count();
    qint64 nulls = 0;
    while (q.next()) {
        for (int c = 0; c < columns; ++c) {
            nulls += q.value(c).isNull() ? 1 : 0;
        }
    }
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (nulls != 0) {
        return Core::makeError(Core::ErrorCode::Storage, QStringLiteral("NULL in the report"));
    }
    return ms;
}

} // namespace Ledgerdesk::Cli
