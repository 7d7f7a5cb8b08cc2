#include "systemengine.h"

#include "core/clock.h"
#include "core/paths.h"
#include "oauth/tokenclient.h"
#include "refresh/heldsecretstore.h"
#include "secrets/keychainsecretstore.h"

#include <QRandomGenerator>

namespace tether {

SystemEngine::SystemEngine(bool jitter, const QStringList &extraProfiles, QObject *parent)
    : QObject(parent),
      m_catalog(ProviderCatalog::installed(extraProfiles)),
      m_registry(paths::accountsFile()),
      m_access(paths::accessFile()),
      m_keychain(new KeychainSecretStore(paths::keychainService(), this)),
      m_held(new HeldSecretStore(*m_keychain, this)),
      m_tokens(new TokenClient(this)),
      m_jitter(jitter)
{ }

SystemEngine::~SystemEngine() = default;

Engine SystemEngine::engine() const
{
    Engine engine{const_cast<AccountRegistry *>(&m_registry),
                  m_held,
                  m_tokens,
                  &m_catalog,
                  &SystemClock::instance(),
                  {}};
    engine.access = &m_access;
    if (m_jitter)
        engine.random = [] { return QRandomGenerator::global()->generateDouble(); };
    return engine;
}

} // namespace tether

// Its own moc output, not the backend library's shared one (app/CMakeLists.txt says why).
#include "moc_systemengine.cpp" // NOLINT(bugprone-suspicious-include): moc's output for this file
