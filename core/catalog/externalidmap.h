#pragma once

#include <core/error.h>

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

class Store;

// Maps local integer keys to each system's own ids: (system, entity, local id) ↔ external id.
class ExternalIdMap final
{
    Q_DECLARE_TR_FUNCTIONS(ExternalIdMap)

public:
    explicit ExternalIdMap(Store &store);

    // Links the two; relinking a local id to a new external id replaces the old link.
    Status
    link(const QString &system, const QString &entity, qint64 localId, const QString &externalId);
    Result<std::optional<qint64>>
    localId(const QString &system, const QString &entity, const QString &externalId);
    Result<std::optional<QString>>
    externalId(const QString &system, const QString &entity, qint64 localId);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
