#include "localengine.h"

#include "core/paths.h"
#include "oauth/tokenclient.h"
#include "secrets/keychainsecretstore.h"

namespace tether {

LocalEngine::LocalEngine(QObject *parent)
    : QObject(parent),
      m_catalog(ProviderCatalog::load()),
      m_registry(paths::accountsFile()),
      m_secrets(new KeychainSecretStore(paths::keychainService(), this)),
      m_tokens(new TokenClient(this)),
      m_service(new AccountService(engine(), this))
{ }

LocalEngine::~LocalEngine() = default;

Engine LocalEngine::engine()
{
    return Engine{&m_registry, m_secrets, m_tokens, &m_catalog, &SystemClock::instance()};
}

} // namespace tether
