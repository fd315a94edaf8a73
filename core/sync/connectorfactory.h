#pragma once

#include <core/error.h>
#include <core/sync/connector.h>

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

#include <functional>
#include <memory>

namespace Ledgerdesk::Core {

class SecretStore;
class Store;

// Builds connectors from connection settings by kind ("shopify", "wms-drop-folder", …).
class ConnectorFactory final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorFactory)

public:
    using Creator = std::function<Result<std::unique_ptr<Connector>>(
        Store &store, const ConnectionSettings &settings, SecretStore &secrets)>;

    // Knows every connector kind the core provides.
    static ConnectorFactory withBuiltInKinds();

    void registerKind(const QString &kind, Creator creator);
    QStringList kinds() const;

    bool knows(const QString &kind) const { return m_creators.contains(kind); }

    Result<std::unique_ptr<Connector>>
    create(Store &store, const ConnectionSettings &settings, SecretStore &secrets) const;

private:
    QMap<QString, Creator> m_creators;
};

} // namespace Ledgerdesk::Core
