#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct DBusConnection;

// `tether token ID` when no service runs, answered by the executable itself without loading Qt
// (main.cpp): the registry's account, the keychain item straight from the Secret Service
// (secrets/secretservice.h), and the stored access token if it is good to hand out
// (accounts/handout.h). It answers only where the full command would print that same token
// without sending or changing anything (cli/quicktoken.h, with its test); anything else (a
// token that is due, a refresh under way, a locked keychain, an item in an older format, a
// profile of another name) is left to the command module, which explains or refreshes.
namespace tether::storedtoken {

// The account in the registry's JSON when the executable may answer for it: it is there, has
// tokens, and no refresh marked itself in flight.
struct Ready
{
    std::int64_t generation = 0;
    std::string provider;
};
std::optional<Ready> readyAccount(std::string_view registry, std::string_view id);

// Whether the provider is one of Tether's own profiles, compiled in, and not replaced by one of
// the user's (whose file the command module reads and checks).
bool builtInProvider(std::string_view provider);

// The access token in a keychain item's JSON (secrets/secretbundle.h) if the item is at least
// `generation` and the token is good to hand out at nowMs.
std::optional<std::string> goodAccessToken(std::string_view bundle, std::int64_t generation,
                                           std::int64_t nowMs);

// The whole read, on a session bus connection: the environment's paths, the account lock, the
// keychain. Nothing when the command module should decide.
std::optional<std::string> read(DBusConnection *bus, const char *id);

} // namespace tether::storedtoken
