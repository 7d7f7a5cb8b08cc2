#include "quicktoken.h"

#include "accounts/accountlock.h"
#include "accounts/accountregistry.h"
#include "accounts/tokenlifetimes.h"
#include "core/clock.h"
#include "providers/providercatalog.h"
#include "secrets/secretstore.h"

#include <QTimer>

namespace tether {

QuickToken::QuickToken(const AccountRegistry &registry, const ProviderCatalog &catalog,
                       SecretStore &secrets, const Clock &clock, QObject *parent)
    : QObject(parent), m_registry(registry), m_catalog(catalog), m_secrets(secrets), m_clock(clock)
{ }

QuickToken::~QuickToken() = default;

void QuickToken::start(const QString &accountId)
{
    m_id = accountId;
    Account account;
    if (!isValidAccountId(accountId) || m_registry.loadAccount(m_id, &account))
        return finish(std::nullopt);
    const AccountStatus &status = account.status;
    const ProviderProfile *profile = m_catalog.find(account.config.provider);
    if (!profile || !status.hasTokens)
        return finish(std::nullopt);
    // A refresh in flight elsewhere leaves the stored access token valid, unless the provider
    // kills it the moment the refresh succeeds (Wise): then the caller waits for the new one.
    m_waitsForRefreshes = profile->previousAccessTokenDiesOnRefresh;
    if (m_waitsForRefreshes && status.inFlightGeneration >= 0)
        return finish(std::nullopt);
    m_generation = status.generation;
    SecretJob *job = m_secrets.read(m_id);
    connect(job, &SecretJob::secretJobFinished, this, &QuickToken::onSecretsRead);
}

void QuickToken::onSecretsRead(const SecretResult &result)
{
    if (result.status == SecretResult::Status::Failed)
        return finish(std::nullopt, result.failure);
    if (result.status != SecretResult::Status::Ok || !result.bundle->tokens
        || result.bundle->generation < m_generation)
        return finish(std::nullopt);
    const TokenSet &tokens = *result.bundle->tokens;
    if (!lifetimes::accessTokenGoodToHandOut(tokens, m_clock.nowUtc()))
        return finish(std::nullopt);
    // A refresh under way elsewhere would kill this token the moment it succeeds.
    if (m_waitsForRefreshes && AccountLock::heldElsewhere(m_id))
        return finish(std::nullopt);
    finish(tokens.accessToken);
}

void QuickToken::finish(const std::optional<QString> &accessToken,
                        const std::optional<Failure> &failure)
{
    if (m_finished)
        return;
    m_finished = true;
    // Always from the event loop, so that a caller may connect after start().
    QTimer::singleShot(0, this, [this, accessToken, failure] {
        Q_EMIT quickTokenFinished(accessToken, failure);
    });
}

} // namespace tether
