#include "connector.h"

#include <core/store/store.h>
#include <core/sync/secretstore.h>

#include <QCoreApplication>

namespace Ledgerdesk::Core {

bool ConnectionSettings::isSecretField(const QString &field)
{
    const QString lower = field.toLower();
    return (lower.contains(QLatin1String("secret")) || lower.contains(QLatin1String("token"))
            || lower.contains(QLatin1String("password")))
           && !field.endsWith(QLatin1String("Id"));
}

Result<ConnectionSettings> ConnectionSettings::fromConnectionFile(const QJsonObject &file,
                                                                  const QString &system,
                                                                  SecretStore &secrets)
{
    if (file.value(QStringLiteral("format")).toString() != QLatin1String("ledgerdesk-connection")) {
        return makeError(ErrorCode::Validation,
                         QCoreApplication::translate("Ledgerdesk::Core::ConnectionSettings",
                                                     "this is not a Ledgerdesk connection file"));
    }
    const QJsonObject entry
        = file.value(QStringLiteral("systems")).toObject().value(system).toObject();
    if (entry.isEmpty()) {
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Ledgerdesk::Core::ConnectionSettings",
                                                     "the connection file has no \"%1\" system")
                             .arg(system));
    }
    ConnectionSettings settings;
    settings.system = system;
    settings.kind = entry.value(QStringLiteral("kind")).toString();
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        if (isSecretField(it.key())) {
            const Status saved
                = secrets.write(system + u'/' + it.key(), it.value().toString().toUtf8());
            if (!saved) {
                return saved.error();
            }
        } else if (it.key() != QLatin1String("kind")) {
            settings.options.insert(it.key(), it.value());
        }
    }
    return settings;
}

Connector::Connector(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

Connector::~Connector() = default;

void Connector::close()
{
    m_store.closeThreadConnection();
}

} // namespace Ledgerdesk::Core
