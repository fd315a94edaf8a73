#include "erpcredentials.h"

namespace Ledgerdesk::Sandbox {

ErpCredentials ErpCredentials::demo()
{
    return {QStringLiteral("ledgerdesk-demo-consumer-key"),
            QStringLiteral("ledgerdesk-demo-consumer-secret"),
            QStringLiteral("ledgerdesk-demo-token-id"),
            QStringLiteral("ledgerdesk-demo-token-secret"),
            QStringLiteral("TSTDRV2026")};
}

Core::OAuth1Credentials ErpCredentials::toOAuth() const
{
    return {consumerKey, consumerSecret, tokenId, tokenSecret, realm};
}

} // namespace Ledgerdesk::Sandbox
