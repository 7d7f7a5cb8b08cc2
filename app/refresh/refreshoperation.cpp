#include "refreshoperation.h"

#include "accounts/accountendpoints.h"
#include "accounts/accountlock.h"
#include "accounts/accountregistry.h"
#include "accounts/accountsecrets.h"
#include "accounts/refreshtiming.h"
#include "accounts/statusmirror.h"
#include "accounts/tokenlifetimes.h"
#include "core/clock.h"
#include "core/humantime.h"
#include "oauth/endpointpolicy.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "secrets/secretstore.h"

namespace tether {

namespace {

// Characters that RFC 6749 §2.3.1's form encoding changes: a server that never decodes the
// Basic credentials reads such a secret wrongly.
bool hasReservedCharacters(const QString &secret)
{
    return QUrl::toPercentEncoding(secret) != secret.toUtf8();
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

bool RefreshOperation::rotates() const
{
    return m_profile->refreshTokenRotates() || m_account.status.refreshTokenRotates;
}

bool RefreshOperation::marksInFlight() const
{
    return rotates() || m_profile->previousAccessTokenDiesOnRefresh;
}

void RefreshOperation::start()
{
    // What this process saw before it waited: if another one refreshes meanwhile, a forced
    // refresh is already done and must not spend the new refresh token again.
    if (auto failure = m_engine.registry->loadAccount(m_id, &m_account))
        return fail(*failure);
    m_generationBefore = m_account.status.generation;
    m_profile = m_engine.catalog->find(m_account.config.provider);
    // `token` with a stored access token good to hand out needs no lock: it changes nothing. A
    // refresh in flight elsewhere (or one interrupted, which the next refresh sorts out) leaves
    // that token valid, unless the provider kills it when a refresh succeeds (Wise).
    const bool refreshKillsToken = m_profile && m_profile->previousAccessTokenDiesOnRefresh;
    if (m_mode == Mode::IfNeeded && m_profile
        && !(refreshKillsToken && m_account.status.inFlightGeneration >= 0)) {
        readAccountSecrets(*m_engine.secrets, m_account, false,
                           {this, [this](const SecretsRead &read) { lockFree(read); }});
        return;
    }
    m_lock->acquire(kLockTimeoutMs);
}

void RefreshOperation::lockFree(const SecretsRead &read)
{
    if (read.failure && read.failure->kind == FailureKind::Keychain)
        return fail(*read.failure); // reading again under the lock would only wait again
    if (!read.failure && read.bundle.tokens && read.bundle.generation >= m_account.status.generation
        && lifetimes::accessTokenGoodToHandOut(*read.bundle.tokens, m_engine.clock->nowUtc())
        && !(m_profile->previousAccessTokenDiesOnRefresh && AccountLock::heldElsewhere(m_id))) {
        m_bundle = read.bundle;
        return succeed(false);
    }
    m_lock->acquire(kLockTimeoutMs);
}

void RefreshOperation::onLocked()
{
    if (auto failure = m_engine.registry->loadAccount(m_id, &m_account))
        return fail(*failure);
    m_profile = m_engine.catalog->find(m_account.config.provider);
    if (!m_profile)
        return fail(Failure::configuration(
                QStringLiteral("unknown_provider"),
                tr("account %1 uses the provider profile \"%2\", which is not installed")
                        .arg(m_id, m_account.config.provider)));
    readAccountSecrets(*m_engine.secrets, m_account, false,
                       {this, [this](const SecretsRead &read) { decide(read); }});
}

void RefreshOperation::decide(const SecretsRead &read)
{
    const AccountStatus &status = m_account.status;
    if (read.failure) {
        if (read.failure->code == QLatin1String("secrets_missing")) {
            // The item went from an unlocked keychain: only a new sign-in (and, for a client
            // with a secret, an edit) brings the account back. Say so where the user looks.
            record([&](Account &a) {
                a.status.state = AccountState::NeedsReconnect;
                a.status.lastError = *read.failure;
                a.status.nextRefreshAt = {};
            });
        }
        return fail(*read.failure); // a locked keychain: change nothing
    }
    m_bundle = read.bundle;
    const QDateTime now = m_engine.clock->nowUtc();

    if (!m_bundle.tokens)
        return fail(
                Failure::reconnect(status.state == AccountState::NeedsReconnect && status.lastError
                                           ? status.lastError->code
                                           : QStringLiteral("not_connected"),
                                   tr("account %1 is not connected; sign in to it").arg(m_id)));
    const TokenSet &tokens = *m_bundle.tokens;

    // A refresh was sent and nothing was stored after it: its response was lost (a crash, or a
    // keychain that would not take the new set before the process ended).
    if (status.inFlightGeneration >= 0 && status.inFlightGeneration == m_bundle.generation
        && !tokens.refreshToken.isEmpty()) {
        if (rotates())
            return clearRefreshToken(Failure::reconnect(
                    QStringLiteral("refresh_answer_lost"),
                    tr("a refresh of %1 was interrupted after its refresh token was sent; the "
                       "provider may have spent it, so it is not sent again: reconnect the "
                       "account")
                            .arg(m_id)));
        // The refresh token still works; the access token may have died with that refresh.
        return exchange();
    }

    if (m_mode == Mode::IfNeeded && lifetimes::accessTokenGoodToHandOut(tokens, now))
        return succeed(false);
    if (m_mode == Mode::Force && m_bundle.generation != m_generationBefore
        && lifetimes::accessTokenUsable(tokens, now, 0))
        return succeed(false); // another process refreshed while this one waited for the lock

    if (tokens.refreshToken.isEmpty())
        return clearRefreshToken(Failure::reconnect(
                QStringLiteral("no_refresh_token"),
                tr("account %1 has no refresh token; reconnect it when its access token "
                   "expires")
                        .arg(m_id)));
    if (lifetimes::refreshTokenExpired(tokens, now))
        return clearRefreshToken(Failure::reconnect(
                QStringLiteral("refresh_token_expired"),
                tr("the refresh token of %1 expired on %2; reconnect the "
                   "account")
                        .arg(m_id, humantime::instant(tokens.refreshExpiresAt))));
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
        return fail(Failure::configuration(
                            QStringLiteral("client_secret_missing"),
                            tr("account %1 has no client secret; set it again").arg(m_id))
                            .withField(QStringLiteral("client-secret-stdin")));

    // The in-flight mark goes to the registry once the connection is open and just before the
    // body carrying the token leaves: a run that dies after that point may have spent a
    // rotating token, and the next run must not send it again. Marking earlier would also
    // condemn tokens that never left (a kill while connecting). For a rotating token, a mark
    // that cannot be written stops the request; for a provider that only kills the previous
    // access token it is best effort.
    BeforeSending markInFlight;
    if (marksInFlight()) {
        markInFlight = [registry = m_engine.registry, id = m_id, generation = m_bundle.generation,
                        required = rotates()]() -> std::optional<Failure> {
            auto failure = registry->modifyAccount(
                    id, [&](Account &a) { a.status.inFlightGeneration = generation; });
            return required ? failure : std::nullopt;
        };
    }

    const ClientCredentials client{m_account.config.clientId, m_bundle.clientSecret,
                                   endpoints->clientAuth, m_profile->basicEncoding};
    const HttpRequest request =
            buildRefreshRequest(*m_profile, endpoints->token, client, m_bundle.tokens->refreshToken,
                                m_account.config.scope);
    TokenExchange *exchange = m_engine.tokens->send(request, std::move(markInFlight));
    connect(exchange, &TokenExchange::tokenExchangeFinished, this, &RefreshOperation::onResponse);
}

void RefreshOperation::onResponse(const TokenOutcome &outcome)
{
    const QDateTime now = m_engine.clock->nowUtc();
    if (outcome.ok()) {
        m_next = m_bundle;
        m_next.tokens = lifetimes::afterRefresh(*m_profile, *m_bundle.tokens, *outcome.response,
                                                now, &m_notes);
        m_next.generation = m_bundle.generation + 1;
        m_notes += outcome.response->warnings;
        m_rotated = !outcome.response->refreshToken.isEmpty()
                    && outcome.response->refreshToken != m_bundle.tokens->refreshToken;
        return store();
    }

    const Failure &failure = outcome.failure;
    if (failure.kind == FailureKind::Reconnect)
        return clearRefreshToken(failure); // invalid_grant
    if (outcome.responseLost && rotates()) {
        // The server may have rotated and sent a successor this process never read.
        return clearRefreshToken(Failure::reconnect(
                QStringLiteral("refresh_answer_lost"),
                tr("the response to a refresh of %1 was lost (%2); the provider may have spent "
                   "its refresh token, so it is not sent again: reconnect the account")
                        .arg(m_id, failure.message)));
    }
    if (outcome.refused)
        return refused(failure, outcome.serverSaid);
    retryLater(failure);
}

void RefreshOperation::refused(const Failure &failure, const QString &serverSaid)
{
    // PRODUCT.md: real servers refuse a dead refresh token with other codes than invalid_grant
    // too. The account asks the user to act, keeps every token (a successful reconnect replaces
    // them) and is not retried on its own. Whether the user must sign in again or fix the
    // settings depends on whether this account has refreshed before.
    const bool refreshedBefore = m_account.status.lastRefreshAt.isValid();
    Failure f = failure;
    if (failure.code == QLatin1String("invalid_client")) {
        f.kind = FailureKind::Configuration;
        const bool basic =
                m_account.config.clientAuth.value_or(m_profile->clientAuth) == ClientAuth::Basic;
        if (basic && m_profile->basicEncoding == BasicEncoding::Form
            && hasReservedCharacters(m_bundle.clientSecret)) {
            f.message += QStringLiteral("; ")
                         + tr("the client secret has characters that servers which do not "
                              "decode HTTP Basic credentials read wrongly: try sending it in the "
                              "request body (client authentication \"post\")");
            f.field = QStringLiteral("client-auth");
        } else {
            f.field = QStringLiteral("client-secret-stdin");
        }
    } else if (refreshedBefore) {
        f.kind = FailureKind::Reconnect;
        f.message = tr("%1: the provider refused to refresh it (%2), as servers do when the "
                       "sign-in has ended; reconnect the account")
                            .arg(m_id, serverSaid);
    } else {
        // It never refreshed: its settings may be wrong, or its sign-in may have ended already
        // (a disabled or expired refresh token is refused the same way). Both remedies, in
        // that order of likelihood the server cannot tell us.
        f.kind = FailureKind::Configuration;
        f.message = tr("%1: the provider refused to refresh it (%2); check the account's client "
                       "id, secret, scopes and endpoints; if they are right, its sign-in has "
                       "ended: reconnect it")
                            .arg(m_id, serverSaid);
    }
    record([&](Account &a) {
        a.status.state = AccountState::NeedsReconnect;
        a.status.lastError = f;
        a.status.nextRefreshAt = {};
        a.status.inFlightGeneration = -1;
        a.status.consecutiveFailures = 0;
    });
    fail(f);
}

void RefreshOperation::retryLater(const Failure &failure)
{
    // Network, timeout, 5xx, 429, a malformed response: every token stays, and the next attempt
    // is always scheduled.
    const QDateTime now = m_engine.clock->nowUtc();
    record([&](Account &a) {
        a.status.inFlightGeneration = -1;
        a.status.lastError = failure;
        a.status.state = AccountState::Retrying;
        a.status.consecutiveFailures += 1;
        a.status.nextRefreshAt = now.addMSecs(timing::retryDelayMs(
                a.status.consecutiveFailures, failure.retryAfterSeconds, m_engine.jitter()));
    });
    fail(failure);
}

void RefreshOperation::store()
{
    SecretJob *job = m_engine.secrets->writeIssued(m_id, m_next);
    connect(job, &SecretJob::secretJobFinished, this, &RefreshOperation::onStored);
}

void RefreshOperation::onStored(const SecretResult &result)
{
    if (result.status != SecretResult::Status::Ok) {
        // Nowhere to hold it: the new set dies with this operation. The in-flight mark (rotating
        // tokens) stays, so the spent token is never sent again.
        Failure failure = result.failure;
        failure.message = tr("the provider issued new tokens for %1 but the keychain did not "
                             "store them: %2")
                                  .arg(m_id, result.failure.message);
        return fail(failure);
    }
    const QDateTime now = m_engine.clock->nowUtc();
    const TokenSet &tokens = *m_next.tokens;
    record([&](Account &a) {
        mirrorBundle(a.status, m_next, m_engine, now);
        a.status.lastRefreshAt = now;
        a.status.consecutiveFailures = 0;
        a.status.refreshTokenRotates = a.status.refreshTokenRotates || m_rotated;
        if (result.held) {
            // The keychain has the old set; the mark says so to a run after a crash.
            a.status.inFlightGeneration = m_bundle.generation;
            a.status.lastError = Failure::keychain(
                    QStringLiteral("tokens_held"),
                    tr("the keychain did not take the new tokens of %1 (%2); they are held in "
                       "memory and stored as soon as it is unlocked")
                            .arg(m_id, result.failure.message));
        } else if (tokens.refreshToken.isEmpty() && m_profile->singleUse) {
            a.status.inFlightGeneration = -1;
            a.status.lastError =
                    Failure::reconnect(QStringLiteral("no_refresh_token"), m_notes.value(0));
        } else {
            a.status.inFlightGeneration = -1;
            a.status.lastError.reset();
        }
    });
    if (m_unsaved) // the keychain holds the truth; the next run mirrors it into the registry
        m_notes << m_unsaved->message;
    m_held = result.held;
    if (result.held)
        m_notes << tr("the keychain did not take the new tokens; they are held in memory until "
                      "it is unlocked");
    m_bundle = m_next;
    succeed(true);
}

void RefreshOperation::clearRefreshToken(const Failure &why)
{
    // The refresh token is gone (invalid_grant, spent, expired, missing): needs_reconnect. A
    // still-valid access token is kept and handed out until it expires — except where the
    // provider killed it by issuing another that was lost, or says a refused refresh ends the
    // whole grant. The client secret always stays.
    const QDateTime now = m_engine.clock->nowUtc();
    const bool lost = why.code == QLatin1String("refresh_answer_lost");
    const bool revoked = why.code == QLatin1String("invalid_grant");
    SecretBundle next = m_bundle;
    next.generation = m_bundle.generation + 1;
    if (next.tokens && lifetimes::accessTokenUsable(*next.tokens, now, 0)
        && !(lost && m_profile->previousAccessTokenDiesOnRefresh)
        && !(revoked && m_profile->invalidGrantEndsAccess)) {
        next.tokens->refreshToken.clear();
        next.tokens->refreshExpiresAt = {};
    } else {
        next.tokens.reset();
    }
    SecretJob *job = m_engine.secrets->write(m_id, next);
    connect(job, &SecretJob::secretJobFinished, this,
            [this, why, next](const SecretResult &result) {
                record([&](Account &a) {
                    if (result.status == SecretResult::Status::Ok)
                        mirrorBundle(a.status, next, m_engine);
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

void RefreshOperation::record(const std::function<void(Account &)> &change)
{
    auto failure = m_engine.registry->modifyAccount(m_id, change);
    // An account removed meanwhile has no state to keep; anything else is a write that failed.
    if (failure && failure->code != QLatin1String("unknown_account") && !m_unsaved)
        m_unsaved = failure;
}

void RefreshOperation::succeed(bool exchanged)
{
    if (m_finished)
        return;
    if (!exchanged && m_lock->isHeld() && m_bundle.generation > m_account.status.generation) {
        // A run that died between the keychain write and the registry write left the registry
        // behind; the keychain is the truth.
        record([&](Account &a) {
            mirrorBundle(a.status, m_bundle, m_engine);
            a.status.inFlightGeneration = -1;
        });
    }
    m_finished = true;
    m_lock->release();
    RefreshResult result;
    result.tokens = *m_bundle.tokens;
    result.exchanged = exchanged;
    result.generation = m_bundle.generation;
    result.notes = m_notes;
    result.held = m_held;
    result.unsaved = m_unsaved;
    Q_EMIT refreshFinished(result);
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
    result.unsaved = m_unsaved;
    Q_EMIT refreshFinished(result);
}

} // namespace tether
