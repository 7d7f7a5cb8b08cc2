#include "accountedit.h"

namespace tether {

bool AccountEdit::isEmpty() const
{
    return !name && !clientId && !clientSecret && !scope && !issuer && !tokenEndpoint
           && !authorizationEndpoint && !revocationEndpoint && !deviceAuthorizationEndpoint
           && !redirectUri && !clientAuth && !allowInsecureHttp;
}

AccountConfig AccountEdit::appliedTo(const AccountConfig &config) const
{
    AccountConfig c = config;
    c.name = name.value_or(c.name);
    c.clientId = clientId.value_or(c.clientId);
    c.scope = scope.value_or(c.scope);
    c.issuer = issuer.value_or(c.issuer);
    c.tokenEndpoint = tokenEndpoint.value_or(c.tokenEndpoint);
    c.authorizationEndpoint = authorizationEndpoint.value_or(c.authorizationEndpoint);
    c.revocationEndpoint = revocationEndpoint.value_or(c.revocationEndpoint);
    c.deviceAuthorizationEndpoint =
            deviceAuthorizationEndpoint.value_or(c.deviceAuthorizationEndpoint);
    c.redirectUri = redirectUri.value_or(c.redirectUri);
    c.clientAuth = clientAuth.value_or(c.clientAuth);
    c.allowInsecureHttp = allowInsecureHttp.value_or(c.allowInsecureHttp);
    if (c.name.isEmpty())
        c.name = c.id;
    return c;
}

} // namespace tether
