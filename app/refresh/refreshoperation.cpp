#include "refreshoperation.h"

#include "accounts/accountendpoints.h"
#include "accounts/accountlock.h"
#include "accounts/accountregistry.h"
#include "core/clock.h"
#include "oauth/endpointpolicy.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "refresh/refreshpolicy.h"
#include "refresh/tokenlifetimes.h"
#include "secrets/secretstore.h"

#include <QTimer>

namespace tether {

namespace {

constexpr int kLockTimeoutMs = 90'000; // longer than one exchange plus a keychain write
const int kStoreRetryDelaysMs[] = {500, 2000};

Failure reconnect(const QString &code, const QString &message)
{
    return {FailureKind::Reconnect, code, message, std::nullopt, 0};
}

} // namespace

RefreshOperation::RefreshOperation(const Engine &engine, const QString &accountId, Mode mode,
                                   QObject *parent)
    : QObject(parent),
      m_engine(engine),
      m_id(accountId),
      m_mode(mode),
      m_lock(new AccountLock(accountId, this))
{
    connect(m_lock, &AccountLock::lockAcquired, this, &RefreshOperation::onLocked);
    connect(m_lock, &AccountLock::lockFailed, this, &RefreshOperation::fail);
}

RefreshOperation::~RefreshOperation() = default;

void RefreshOperation::start()
{
    // What this process saw before it waited: if another one refreshes meanwhile, a forced
    // refresh is already done and must not spend the new refresh token again.
    Account account;
    if (auto failure = m_engine.registry->loadAccount(m_id, &account))
        return fail(*failure);
    m_generationBefore = account.status.generation;
    m_lock->acquire(kLockTimeoutMs);
}

void RefreshOperation::onLocked()
{
    if (auto failure = m_engine.registry->loadAccount(m_id, &m_account))
        return fail(*failure);
    m_profile = m_engine.catalog->find(m_account.config.provider);
    if (!m_profile)
        return fail({FailureKind::Configuration, QStringLiteral("unknown_provider"),
                     QStringLiteral("account %1 uses the provider profile \"%2\", which is not "
                                    "installed")
                             .arg(m_id, m_account.config.provider),
                     std::nullopt, 0});

    SecretJob *job = m_engine.secrets->read(m_id);
    connect(job, &SecretJob::secretJobFinished, this, &RefreshOperation::onSecretsRead);
}

void RefreshOperation::onSecretsRead(const SecretResult &result)
{
    const AccountStatus &status = m_account.status;
    if (result.status == SecretResult::Status::Failed)
        return fail(result.failure);
    if (result.status == SecretResult::Status::NotFound) {
        if (secretsExpected(status))
            return fail(keychainLocked(m_id)); // locked or unreachable, not empty: change nothing
        return fail(reconnect(QStringLiteral("not_connected"),
                              QStringLiteral("account %1 is not connected; run `tether connect "
                                             "%1` or `tether import %1`")
                                      .arg(m_id)));
    }
    m_bundle = *result.bundle;
    const QDateTime now = m_engine.clock->nowUtc();

    if (!m_bundle.tokens)
        return fail(reconnect(
                status.state == AccountState::NeedsReconnect && status.lastError
                        ? status.lastError->code
                        : QStringLiteral("not_connected"),
                QStringLiteral("account %1 has no tokens; run `tether connect %1`").arg(m_id)));
    const TokenSet &tokens = *m_bundle.tokens;

    // A single-use refresh token was sent and nothing was stored after it: the answer was lost
    // (a crash, or a keychain that refused the new set). Sending it again would be reuse.
    if (m_profile->singleUse && status.inFlightGeneration >= 0
        && status.inFlightGeneration == m_bundle.generation && !tokens.refreshToken.isEmpty()) {
        return clearTokens(reconnect(QStringLiteral("refresh_answer_lost"),
                                     QStringLiteral("a refresh of %1 was interrupted after its "
                                                    "single-use refresh token was sent; reconnect "
                                                    "the account")
                                             .arg(m_id)),
                           true);
    }

    if (m_mode == Mode::IfNeeded && lifetimes::accessTokenGoodToHandOut(tokens, now))
        return succeed(false);
    if (m_mode == Mode::Force && m_bundle.generation != m_generationBefore
        && lifetimes::accessTokenUsable(tokens, now, 0))
        return succeed(false); // another process refreshed while this one waited for the lock

    if (tokens.refreshToken.isEmpty())
        return clearTokens(reconnect(QStringLiteral("no_refresh_token"),
                                     QStringLiteral("account %1 has no refresh token; reconnect "
                                                    "it when its access token expires")
                                             .arg(m_id)),
                           true);
    if (lifetimes::refreshTokenExpired(tokens, now))
        return clearTokens(
                reconnect(QStringLiteral("refresh_token_expired"),
                          QStringLiteral("the refresh token of %1 expired on %2; "
                                         "reconnect the account")
                                  .arg(m_id, tokens.refreshExpiresAt.toString(Qt::ISODate))),
                false);
    exchange();
}

void RefreshOperation::exchange()
{
    Failure failure;
    const auto endpoints = resolveEndpoints(*m_profile, m_account.config, &failure);
    if (!endpoints)
        return fail(failure);
    if (auto refused = checkEndpoint(endpoints->token, m_account.config.allowInsecureHttp))
        return fail(*refused);
    if (endpoints->clientAuth != ClientAuth::None && m_bundle.clientSecret.isEmpty())
        return fail({FailureKind::Configuration, QStringLiteral("client_secret_missing"),
                     QStringLiteral("account %1 has no client secret; add it again with "
                                    "--client-secret-stdin")
                             .arg(m_id),
                     std::nullopt, 0});

    // A single-use token is marked "in flight" once the connection is open and just before the
    // body carrying it leaves: a run that dies after that point may have spent it, and the next
    // run must not send it again. Marking earlier would also condemn tokens that never left
    // (a kill while connecting); if the mark cannot be written, the body does not go.
    BeforeSending markInFlight;
    if (m_profile->singleUse) {
        markInFlight = [registry = m_engine.registry, id = m_id, generation = m_bundle.generation] {
            return registry->modifyAccount(
                    id, [&](Account &a) { a.status.inFlightGeneration = generation; });
        };
    }

    const ClientCredentials client{m_account.config.clientId, m_bundle.clientSecret,
                                   endpoints->clientAuth};
    const HttpRequest request =
            buildRefreshRequest(*m_profile, endpoints->token, client, m_bundle.tokens->refreshToken,
                                m_account.config.scope);
    TokenExchange *exchange = m_engine.tokens->send(request, std::move(markInFlight));
    connect(exchange, &TokenExchange::tokenExchangeFinished, this, &RefreshOperation::onAnswer);
}

void RefreshOperation::onAnswer(const TokenOutcome &outcome)
{
    const QDateTime now = m_engine.clock->nowUtc();
    if (outcome.ok()) {
        m_next = m_bundle;
        m_next.tokens = lifetimes::afterRefresh(*m_profile, *m_bundle.tokens, *outcome.response,
                                                now, &m_notes);
        m_next.generation = m_bundle.generation + 1;
        m_notes += outcome.response->warnings;
        return store(0);
    }

    const Failure &failure = outcome.failure;
    if (failure.kind == FailureKind::Reconnect)
        return clearTokens(failure, false);

    if (m_profile->singleUse && outcome.answerLost) {
        // The server may have consumed the refresh token and sent a successor we never read.
        Failure lost = reconnect(QStringLiteral("refresh_answer_lost"),
                                 QStringLiteral("the answer to a refresh of %1 was lost (%2); its "
                                                "single-use refresh token may be spent, so it is "
                                                "not sent again: reconnect the account")
                                         .arg(m_id, failure.message));
        return clearTokens(lost, true);
    }

    // Temporary or configuration trouble: every token stays; record why and when to retry.
    const bool retry = failure.kind == FailureKind::Temporary;
    m_engine.registry->modifyAccount(m_id, [&](Account &a) {
        a.status.inFlightGeneration = -1;
        a.status.lastError = failure;
        if (retry) {
            a.status.state = AccountState::Retrying;
            a.status.consecutiveFailures += 1;
            a.status.nextRefreshAt =
                    m_engine.random
                            ? now.addMSecs(policy::retryDelayMs(a.status.consecutiveFailures,
                                                                failure.retryAfterSeconds,
                                                                m_engine.random()))
                            : now.addSecs(failure.retryAfterSeconds.value_or(
                                    lifetimes::backoffSeconds(a.status.consecutiveFailures)));
        } else {
            a.status.nextRefreshAt = {};
        }
    });
    fail(failure);
}

void RefreshOperation::store(int attempt)
{
    SecretJob *job = m_engine.secrets->write(m_id, m_next);
    connect(job, &SecretJob::secretJobFinished, this, [this, attempt](const SecretResult &result) {
        if (result.status == SecretResult::Status::Ok)
            return onStored();
        if (attempt < int(std::size(kStoreRetryDelaysMs))) {
            QTimer::singleShot(kStoreRetryDelaysMs[attempt], this,
                               [this, attempt] { store(attempt + 1); });
            return;
        }
        // The new set lives only in this process now. The in-flight mark (single-use providers)
        // stays, so no later run sends the spent token.
        Failure failure = result.failure;
        failure.message = QStringLiteral("the provider issued new tokens for %1 but the keychain "
                                         "did not store them: %2")
                                  .arg(m_id, result.failure.message);
        fail(failure);
    });
}

void RefreshOperation::onStored()
{
    const QDateTime now = m_engine.clock->nowUtc();
    const TokenSet &tokens = *m_next.tokens;
    auto failure = m_engine.registry->modifyAccount(m_id, [&](Account &a) {
        mirrorBundle(a.status, m_next, m_engine.random);
        a.status.lastRefreshAt = now;
        a.status.consecutiveFailures = 0;
        a.status.inFlightGeneration = -1;
        if (tokens.refreshToken.isEmpty() && m_profile->singleUse) {
            a.status.lastError = reconnect(QStringLiteral("no_refresh_token"), m_notes.value(0));
        } else {
            a.status.lastError.reset();
        }
    });
    if (failure) // the keychain holds the truth; the next run mirrors it into the registry
        m_notes << failure->message;
    m_bundle = m_next;
    succeed(true);
}

void mirrorBundle(AccountStatus &s, const SecretBundle &bundle,
                  const std::function<double()> &random)
{
    s.generation = bundle.generation;
    s.hasClientSecret = !bundle.clientSecret.isEmpty();
    s.hasTokens = bundle.tokens.has_value();
    if (!bundle.tokens) {
        s.accessIssuedAt = s.accessExpiresAt = s.refreshExpiresAt = s.nextRefreshAt = {};
        s.hasRefreshToken = false;
        return;
    }
    const TokenSet &t = *bundle.tokens;
    s.state = AccountState::Connected;
    s.accessIssuedAt = t.accessIssuedAt;
    s.accessExpiresAt = t.accessExpiresAt;
    s.refreshExpiresAt = t.refreshExpiresAt;
    s.hasRefreshToken = !t.refreshToken.isEmpty();
    if (!s.hasRefreshToken)
        s.nextRefreshAt = {};
    else if (random)
        s.nextRefreshAt = policy::scheduledRefresh(t.accessIssuedAt, t.accessExpiresAt, random());
    else
        s.nextRefreshAt = lifetimes::plannedRefresh(t.accessIssuedAt, t.accessExpiresAt);
}

void RefreshOperation::clearTokens(const Failure &why, bool keepUsableAccessToken)
{
    // PRODUCT.md: needs_reconnect clears the stored tokens. A still-valid access token of a
    // spent or missing refresh token is kept until it expires: it still works and is the
    // user's. The client secret always stays.
    const QDateTime now = m_engine.clock->nowUtc();
    SecretBundle next = m_bundle;
    next.generation = m_bundle.generation + 1;
    if (keepUsableAccessToken && next.tokens
        && lifetimes::accessTokenUsable(*next.tokens, now, 0)) {
        next.tokens->refreshToken.clear();
        next.tokens->refreshExpiresAt = {};
    } else {
        next.tokens.reset();
    }
    SecretJob *job = m_engine.secrets->write(m_id, next);
    connect(job, &SecretJob::secretJobFinished, this,
            [this, why, next](const SecretResult &result) {
                m_engine.registry->modifyAccount(m_id, [&](Account &a) {
                    if (result.status == SecretResult::Status::Ok)
                        mirrorBundle(a.status, next, m_engine.random);
                    a.status.state = AccountState::NeedsReconnect;
                    a.status.nextRefreshAt = {};
                    a.status.lastError = why;
                    a.status.inFlightGeneration = -1;
                    a.status.consecutiveFailures = 0;
                });
                // `tether token` still gets an access token that has life left in it.
                if (result.status == SecretResult::Status::Ok && m_mode == Mode::IfNeeded
                    && next.tokens
                    && lifetimes::accessTokenGoodToHandOut(*next.tokens,
                                                           m_engine.clock->nowUtc())) {
                    m_bundle = next;
                    m_account.status.generation = next.generation;
                    m_notes << why.message;
                    return succeed(false);
                }
                fail(why);
            });
}

void RefreshOperation::succeed(bool exchanged)
{
    if (m_finished)
        return;
    if (!exchanged && m_bundle.generation > m_account.status.generation) {
        // A run that died between the keychain write and the registry write left the registry
        // behind; the keychain is the truth.
        m_engine.registry->modifyAccount(m_id, [&](Account &a) {
            mirrorBundle(a.status, m_bundle, m_engine.random);
            a.status.inFlightGeneration = -1;
        });
    }
    m_finished = true;
    m_lock->release();
    Q_EMIT refreshFinished(
            {std::nullopt, *m_bundle.tokens, exchanged, m_bundle.generation, m_notes});
}

void RefreshOperation::fail(const Failure &failure)
{
    if (m_finished)
        return;
    m_finished = true;
    m_lock->release();
    RefreshResult result;
    result.failure = failure;
    result.notes = m_notes;
    Q_EMIT refreshFinished(result);
}

} // namespace tether
