#pragma once

#include "accounts/account.h"

#include <optional>

namespace tether {

// A change to an account's settings: each field that is set replaces the stored one (an empty
// string puts an endpoint back to the profile's default).
struct AccountEdit
{
    std::optional<QString> name;
    std::optional<QString> clientId;
    std::optional<QString> clientSecret; // goes to the keychain, in the same write as the tokens
    std::optional<QString> scope;
    std::optional<QString> issuer;
    std::optional<QString> tokenEndpoint;
    std::optional<QString> authorizationEndpoint;
    std::optional<QString> revocationEndpoint;
    std::optional<QString> deviceAuthorizationEndpoint;
    std::optional<QString> redirectUri;
    std::optional<std::optional<ClientAuth>> clientAuth; // set to nullopt: the profile's
    std::optional<bool> allowInsecureHttp;

    bool isEmpty() const;
    AccountConfig appliedTo(const AccountConfig &config) const;
};

} // namespace tether
