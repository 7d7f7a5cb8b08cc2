#pragma once

#include "accounts/accesslist.h"
#include "accounts/accountregistry.h"
#include "accounts/engine.h"
#include "providers/providercatalog.h"

#include <QObject>

namespace tether {

class HeldSecretStore;
class KeychainSecretStore;
class TokenClient;

// The engine's parts wired to the real world: the registry file in the XDG config directory,
// the OS keychain (behind a HeldSecretStore, so that no token set a provider issued is dropped
// when the keychain refuses it), the network, the installed provider profiles and the clock.
class SystemEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemEngine)

public:
    // `jitter`: spread scheduled refreshes and retries (the service does). `extraProfiles`:
    // more profile directories (the demo's).
    explicit SystemEngine(bool jitter, const QStringList &extraProfiles = {},
                          QObject *parent = nullptr);
    ~SystemEngine() override;

    Engine engine() const;
    AccountRegistry &registry() { return m_registry; }
    const ProviderCatalog &catalog() const { return m_catalog; }
    HeldSecretStore *held() const { return m_held; }
    KeychainSecretStore *keychain() const { return m_keychain; }

private:
    ProviderCatalog m_catalog;
    AccountRegistry m_registry;
    mutable AccessList m_access;
    KeychainSecretStore *m_keychain;
    HeldSecretStore *m_held;
    TokenClient *m_tokens;
    bool m_jitter;
};

} // namespace tether
