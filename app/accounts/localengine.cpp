#include "localengine.h"

#include "core/paths.h"
#include "oauth/tokenclient.h"
#include "secrets/keychainsecretstore.h"

#include <QRandomGenerator>

namespace tether {

LocalEngine::LocalEngine(bool jitter, const QStringList &extraProfiles, QObject *parent)
    : QObject(parent),
      m_catalog(ProviderCatalog::fromDirectories(QStringList{QStringLiteral(":/providers")}
                                                 + extraProfiles
                                                 + QStringList{paths::userProvidersDir()})),
      m_registry(paths::accountsFile()),
      m_secrets(new KeychainSecretStore(paths::keychainService(), this)),
      m_tokens(new TokenClient(this)),
      m_jitter(jitter),
      m_service(new AccountService(engine(), this))
{ }

LocalEngine::~LocalEngine() = default;

Engine LocalEngine::engine()
{
    Engine engine{&m_registry, m_secrets, m_tokens, &m_catalog, &SystemClock::instance(), {}};
    if (m_jitter)
        engine.random = [] { return QRandomGenerator::global()->generateDouble(); };
    return engine;
}

} // namespace tether
