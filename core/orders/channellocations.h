#pragma once

#include <core/catalog/product.h>
#include <core/error.h>

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace Ledgerdesk::Core {

class Store;

// Which locations each channel sells from, best first. A channel without its own list sells from
// the warehouses and the 3PL, in code order.
class ChannelLocations final
{
    Q_DECLARE_TR_FUNCTIONS(ChannelLocations)

public:
    explicit ChannelLocations(Store &store);

    // Replaces the channel's list; audited. An empty list returns the channel to the default.
    Status set(const QString &channel, const QStringList &locationCodes, const QString &actor);
    Result<QStringList> codes(const QString &channel);

    static Result<QList<LocationId>> preferred(QSqlDatabase db, const QString &channel);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
