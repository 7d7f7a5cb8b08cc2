#pragma once

#include "accounts/account.h"
#include "secrets/secretbundle.h"

namespace tether {

struct Engine;

// Mirrors what the keychain now holds into the registry's non-secret status: expiries, flags,
// generation, and the planned next refresh (refreshtiming.h): never within the minimum gap of
// `lastAttempt`, the refresh that produced the set (none for a sign-in or an import).
void mirrorBundle(AccountStatus &status, const SecretBundle &bundle, const Engine &engine,
                  const QDateTime &lastAttempt = {});

} // namespace tether
