#pragma once

#include "accounts/account.h"
#include "providers/providerprofile.h"

#include <QUrl>

namespace tether {

// An account's effective endpoints and client authentication: its own overrides, else the
// profile's defaults with {tenant} filled from the issuer's host.
struct AccountEndpoints
{
    QUrl token;
    QUrl authorization;
    QUrl revocation;
    QUrl deviceAuthorization;
    ClientAuth clientAuth = ClientAuth::Basic;
};

std::optional<AccountEndpoints> resolveEndpoints(const ProviderProfile &profile,
                                                 const AccountConfig &config, Failure *failure);

} // namespace tether
