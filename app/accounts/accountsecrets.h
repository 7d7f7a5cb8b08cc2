#pragma once

#include "accounts/account.h"
#include "core/callback.h"
#include "secrets/secretbundle.h"

namespace tether {

class SecretStore;

// What reading an account's keychain item came to.
struct SecretsRead
{
    std::optional<Failure> failure;
    SecretBundle bundle; // empty when nothing is stored
};

// Whether the registry says Tether stored secrets for the account (then a missing item is not
// "nothing stored").
bool secretsExpected(const AccountStatus &status);

// Reads an account's secrets, telling the cases apart by what the registry says was stored and
// by what the keychain says of its collection:
//   found                                     → the bundle
//   nothing, and nothing was stored           → an empty bundle
//   nothing, collection locked or unknown     → Keychain "locked" (exit 5): change nothing
//   nothing, collection unlocked              → Reconnect "secrets_missing" (exit 3): the item
//                                               was deleted (a reset keyring, a registry copied
//                                               from another machine) — or, with `repairing`
//                                               (sign-in, import), an empty bundle to start over
void readAccountSecrets(SecretStore &store, const Account &account, bool repairing,
                        const Callback<const SecretsRead &> &done);

Failure keychainLocked(const QString &id);
Failure secretsMissing(const QString &id);

} // namespace tether
