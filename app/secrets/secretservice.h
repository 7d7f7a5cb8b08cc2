#pragma once

#include <string>
#include <utility>
#include <vector>

struct DBusConnection;

// One item's secret read straight from the Secret Service over libdbus (the freedesktop Secret
// Service API: OpenSession "plain", SearchItems, GetSecrets), without Qt, QtKeychain or
// libsecret: the `tether` executable's way to the keychain when no service runs
// (cli/storedtoken.h). The secret crosses the session bus unencrypted, as between any local
// process and the Secret Service with the "plain" algorithm; the bus is the user's own.
//
// It never unlocks, prompts or creates anything: whatever is not a plain answer is left to
// QtKeychain (KeychainSecretStore), which explains it to the user.
namespace tether::secretservice {

struct Read
{
    enum class Outcome {
        Found, // `secret` holds it
        Missing, // no item has these attributes
        Locked, // the item is there but locked
        Ambiguous, // more than one unlocked item has them
        Failed, // no Secret Service, an error, or no answer within the timeout
    };
    Outcome outcome = Outcome::Failed;
    std::string secret;
};

using Attributes = std::vector<std::pair<const char *, const char *>>;

// The secret of the one item with exactly these attributes (among others), each call waiting at
// most timeoutMs. `bus` is a session bus connection.
Read readSecret(DBusConnection *bus, const Attributes &attributes, int timeoutMs);

} // namespace tether::secretservice
