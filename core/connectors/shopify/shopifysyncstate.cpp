#include "shopifysyncstate.h"

#include <core/store/sql.h>
#include <core/store/store.h>

#include <QDateTime>

#include <algorithm>

namespace Ledgerdesk::Core {

namespace {

constexpr qint64 kSettleMs = 5000; // covers clock differences between here and Shopify

QString metaKey(const QString &name)
{
    return QStringLiteral("sync.shopify.") + name;
}

} // namespace

Result<QString> ShopifySyncState::read(Store &store, const QString &name)
{
    auto q = runQuery(store.connection(),
                      QStringLiteral("SELECT value FROM meta WHERE key = ?"),
                      {metaKey(name)});
    if (!q) {
        return q.error();
    }
    return q.value().next() ? q.value().value(0).toString() : QString();
}

Status ShopifySyncState::write(Store &store, const QString &name, const QString &value)
{
    auto q = runQuery(store.connection(),
                      QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT "
                                     "(key) DO UPDATE SET value = excluded.value"),
                      {metaKey(name), nonNull(value)});
    return q ? success() : Status(q.error());
}

QString ShopifySyncState::searchTerm(const QString &cursor)
{
    return cursor.isEmpty() ? QString() : QStringLiteral("updated_at:>='%1'").arg(cursor);
}

QString ShopifySyncState::cursorAfter(const QString &previous,
                                      const QString &seenNewest,
                                      UtcMillis readStart)
{
    const auto at = parseIsoTimestamp(seenNewest);
    if (!at.ok()) {
        return previous;
    }
    // A source clock running ahead of ours must not carry the cursor past changes still to come.
    const UtcMillis newest = std::min(at.value(), readStart);
    const auto format = [](UtcMillis millis) {
        return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC).toString(Qt::ISODate);
    };
    if (newest + kSettleMs >= readStart) {
        return newest == at.value() ? seenNewest : format(newest);
    }
    return format(newest + 1000);
}

} // namespace Ledgerdesk::Core
