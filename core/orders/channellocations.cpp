#include "channellocations.h"

#include <core/audit/auditlog.h>
#include <core/catalog/catalog.h>
#include <core/domain/timestamp.h>
#include <core/store/sql.h>
#include <core/store/store.h>

namespace Ledgerdesk::Core {

namespace {

const QString kPreferredSql = QStringLiteral(
    "SELECT l.id, l.code FROM channel_locations c JOIN locations l ON l.id = c.location_id "
    "WHERE c.channel = ? ORDER BY c.rank");
const QString kDefaultSql = QStringLiteral(
    "SELECT id, code FROM locations WHERE kind IN ('warehouse', '3pl') AND active = 1 ORDER BY "
    "code");

Result<QList<QPair<LocationId, QString>>> read(QSqlDatabase db, const QString &channel)
{
    QList<QPair<LocationId, QString>> found;
    for (const bool own : {true, false}) {
        auto q = own ? runQuery(db, kPreferredSql, {channel}) : runQuery(db, kDefaultSql);
        if (!q) {
            return q.error();
        }
        while (q.value().next()) {
            found.append({q.value().value(0).toLongLong(), q.value().value(1).toString()});
        }
        if (!found.isEmpty()) {
            break;
        }
    }
    return found;
}

} // namespace

ChannelLocations::ChannelLocations(Store &store)
    : m_store(store)
{}

Result<QList<LocationId>> ChannelLocations::preferred(QSqlDatabase db, const QString &channel)
{
    auto found = read(db, channel);
    if (!found) {
        return found.error();
    }
    QList<LocationId> ids;
    for (const auto &entry : found.value()) {
        ids << entry.first;
    }
    return ids;
}

Result<QStringList> ChannelLocations::codes(const QString &channel)
{
    auto found = read(m_store.connection(), channel);
    if (!found) {
        return found.error();
    }
    QStringList codes;
    for (const auto &entry : found.value()) {
        codes << entry.second;
    }
    return codes;
}

Status ChannelLocations::set(const QString &channel,
                             const QStringList &locationCodes,
                             const QString &actor)
{
    if (channel.isEmpty() || actor.trimmed().isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("a channel's locations need the channel and the person setting them"));
    }
    QSqlDatabase db = m_store.connection();
    WriteTransaction tx(db, m_store.dialect());
    if (!tx.begun()) {
        return tx.begun();
    }
    if (auto cleared = runQuery(
            db, QStringLiteral("DELETE FROM channel_locations WHERE channel = ?"), {channel});
        !cleared) {
        return cleared.error();
    }
    Catalog catalog(m_store);
    int rank = 0;
    for (const QString &code : locationCodes) {
        const auto location = catalog.locationByCodeOrName(code);
        if (!location) {
            return location.error();
        }
        if (!location.value()) {
            return makeError(ErrorCode::NotFound, tr("no location \"%1\"").arg(code));
        }
        auto inserted = runQuery(db,
                                 QStringLiteral("INSERT INTO channel_locations (channel, "
                                                "location_id, rank) VALUES (?, ?, ?)"),
                                 {channel, location.value()->id, ++rank});
        if (!inserted) {
            return inserted.error();
        }
    }
    if (const Status audited = AuditLog::record(db,
                                                {nowUtcMillis(),
                                                 actor,
                                                 QStringLiteral("channel.locations"),
                                                 channel,
                                                 locationCodes.join(QStringLiteral(", "))});
        !audited) {
        return audited;
    }
    return tx.commit();
}

} // namespace Ledgerdesk::Core
