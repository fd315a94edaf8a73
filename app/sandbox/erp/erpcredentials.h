#pragma once

#include <core/net/oauth1signer.h>

#include <QString>

namespace Ledgerdesk::Sandbox {

// Token-based-authentication secrets the ERP stand-in accepts; realm is the account id.
struct ErpCredentials
{
    QString consumerKey;
    QString consumerSecret;
    QString tokenId;
    QString tokenSecret;
    QString realm;

    // Fixed, published demo values: the sandbox is loopback-only and holds no real secrets.
    static ErpCredentials demo();
    Core::OAuth1Credentials toOAuth() const;
};

} // namespace Ledgerdesk::Sandbox
