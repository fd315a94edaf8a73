#include "connectorfactory.h"

#include <core/connectors/erp/erpconnector.h>
#include <core/connectors/shopify/shopifyconnector.h>
#include <core/connectors/wms/wmsconnector.h>

namespace Ledgerdesk::Core {

ConnectorFactory ConnectorFactory::withBuiltInKinds()
{
    ConnectorFactory factory;
    factory.registerKind(QStringLiteral("shopify"),
                         [](Store &store,
                            const ConnectionSettings &settings,
                            SecretStore &secrets) -> Result<std::unique_ptr<Connector>> {
                             return std::unique_ptr<Connector>(
                                 std::make_unique<ShopifyConnector>(store, secrets, settings));
                         });
    factory.registerKind(QStringLiteral("wms-drop-folder"),
                         [](Store &store,
                            const ConnectionSettings &settings,
                            SecretStore &) -> Result<std::unique_ptr<Connector>> {
                             return std::unique_ptr<Connector>(
                                 std::make_unique<WmsConnector>(store, settings));
                         });
    factory.registerKind(QStringLiteral("netsuite"),
                         [](Store &store,
                            const ConnectionSettings &settings,
                            SecretStore &secrets) -> Result<std::unique_ptr<Connector>> {
                             return std::unique_ptr<Connector>(
                                 std::make_unique<ErpConnector>(store, secrets, settings));
                         });
    return factory;
}

void ConnectorFactory::registerKind(const QString &kind, Creator creator)
{
    m_creators.insert(kind, std::move(creator));
}

QStringList ConnectorFactory::kinds() const
{
    return m_creators.keys();
}

Result<std::unique_ptr<Connector>> ConnectorFactory::create(Store &store,
                                                            const ConnectionSettings &settings,
                                                            SecretStore &secrets) const
{
    const auto it = m_creators.constFind(settings.kind);
    if (it == m_creators.constEnd()) {
        return makeError(ErrorCode::Validation,
                         tr("no connector for %1 (kind \"%2\"); known kinds: %3")
                             .arg(settings.system,
                                  settings.kind,
                                  kinds().isEmpty() ? tr("none") : kinds().join(u", ")));
    }
    return it.value()(store, settings, secrets);
}

} // namespace Ledgerdesk::Core
