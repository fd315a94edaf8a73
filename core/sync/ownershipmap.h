#pragma once

#include <core/error.h>

#include <QCoreApplication>
#include <QMap>
#include <QString>

namespace Ledgerdesk::Core {

class Store;

// Which system is the record for each kind of data ("on_hand" → "wms", "price" → "erp", …).
// Only the owner's changes are accepted without question; every edit is audited.
class OwnershipMap final
{
    Q_DECLARE_TR_FUNCTIONS(OwnershipMap)

public:
    explicit OwnershipMap(Store &store);

    Result<QMap<QString, QString>> all();
    Result<QString> owner(const QString &dataKind); // empty when nobody owns it
    Status setOwner(const QString &dataKind, const QString &system, const QString &actor);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
