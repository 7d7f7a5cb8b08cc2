#pragma once

#include <functional>

namespace tether {

class AccessList;
class AccountRegistry;
class Clock;
class ProviderCatalog;
class SecretStore;
class TokenClient;

// The parts an operation on accounts works with, owned elsewhere and outliving the operation:
// the real ones (SystemEngine) or a test's (a registry in a temporary directory, an in-memory
// keychain, a manual clock).
struct Engine
{
    AccountRegistry *registry = nullptr;
    SecretStore *secrets = nullptr;
    TokenClient *tokens = nullptr;
    const ProviderCatalog *catalog = nullptr;
    const Clock *clock = nullptr;
    // Uniform in [0, 1): spreads scheduled refreshes and retries so that many accounts do not
    // fire together. The command line has none and plans without spreading.
    std::function<double()> random;

    // Which programs may take which account's token (the service decides with it; the
    // command line records and forgets decisions). Null where nobody asks (unit tests).
    AccessList *access = nullptr;

    double jitter() const { return random ? random() : 1.0; }
};

} // namespace tether
