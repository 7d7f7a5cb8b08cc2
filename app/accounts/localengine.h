#pragma once

#include "accounts/accountregistry.h"
#include "accounts/accountservice.h"
#include "core/clock.h"
#include "providers/providercatalog.h"

#include <QObject>

namespace tether {

class KeychainSecretStore;
class TokenClient;

// The engine wired to the real world: the OS keychain, the network, the registry file in the XDG
// config directory and the installed provider profiles.
class LocalEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalEngine)

public:
    // `jitter`: spread scheduled refreshes and retries randomly (the running app does).
    // `extraProfiles`: more profile directories (the demo's).
    explicit LocalEngine(bool jitter = false, const QStringList &extraProfiles = {},
                         QObject *parent = nullptr);
    ~LocalEngine() override;

    Engine engine();
    AccountService *service() const { return m_service; }
    AccountRegistry &registry() { return m_registry; }
    const ProviderCatalog &catalog() const { return m_catalog; }
    TokenClient *tokens() const { return m_tokens; }
    KeychainSecretStore *secrets() const { return m_secrets; }

private:
    ProviderCatalog m_catalog;
    AccountRegistry m_registry;
    KeychainSecretStore *m_secrets;
    TokenClient *m_tokens;
    bool m_jitter;
    AccountService *m_service;
};

} // namespace tether
