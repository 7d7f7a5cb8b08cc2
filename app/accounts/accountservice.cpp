#include "accountservice.h"

#include "accounts/accountendpoints.h"
#include "accounts/accountlock.h"
#include "accounts/accountregistry.h"
#include "core/clock.h"
#include "core/paths.h"
#include "oauth/authorizationflow.h"
#include "oauth/discovery.h"
#include "oauth/endpointpolicy.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "refresh/tokenlifetimes.h"
#include "secrets/secretstore.h"

#include <QHostAddress>
#include <QLockFile>

namespace tether {

namespace {

constexpr int kLockTimeoutMs = 90'000;

std::optional<Failure> checkLoopbackRedirect(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    // RFC 8252 §7.3: a loopback IP literal, plain http, a port.
    const QHostAddress host(url.host());
    if (!url.isValid() || url.scheme() != QLatin1String("http") || host.isNull()
        || !host.isLoopback() || url.port() <= 0 || !url.query().isEmpty()
        || !url.fragment().isEmpty())
        return Failure::badInput(QStringLiteral("--redirect-uri must be a loopback URL such as "
                                                "http://127.0.0.1:8400/callback"),
                                 QStringLiteral("refused_url"));
    return std::nullopt;
}

} // namespace

AccountService::AccountService(const Engine &engine, QObject *parent)
    : QObject(parent), m_engine(engine)
{ }

RefreshOperation *AccountService::createRefresh(const QString &id, RefreshOperation::Mode mode)
{
    return new RefreshOperation(m_engine, id, mode, this);
}

void AccountService::refresh(const QString &id, RefreshOperation::Mode mode, QObject *context,
                             const RefreshDone &done)
{
    RefreshOperation *operation = createRefresh(id, mode);
    connect(operation, &RefreshOperation::refreshFinished, context,
            [operation, done](const RefreshResult &result) {
                operation->deleteLater();
                done(result);
            });
    operation->start();
}

std::optional<Failure> AccountService::loadAccounts(QList<Account> *accounts) const
{
    return m_engine.registry->load(accounts);
}

std::optional<Failure> AccountService::validate(const AccountConfig &config,
                                                bool hasClientSecret) const
{
    if (!isValidAccountId(config.id))
        return Failure::badInput(QStringLiteral("\"%1\" is not a valid account id: use 1-64 "
                                                "letters, digits, '.', '_', '@' or '-'")
                                         .arg(config.id.left(80)));
    const ProviderProfile *profile = m_engine.catalog->find(config.provider);
    if (!profile)
        return Failure::badInput(QStringLiteral("unknown provider \"%1\"; `tether providers` "
                                                "lists them")
                                         .arg(config.provider.left(80)),
                                 QStringLiteral("unknown_provider"));
    if (config.clientId.isEmpty())
        return Failure::badInput(QStringLiteral("--client-id is required: the client id the "
                                                "provider registered for your application"));
    for (const auto &[label, text] :
         {std::pair{QStringLiteral("--issuer"), config.issuer},
          std::pair{QStringLiteral("--token-endpoint"), config.tokenEndpoint},
          std::pair{QStringLiteral("--authorization-endpoint"), config.authorizationEndpoint},
          std::pair{QStringLiteral("--revocation-endpoint"), config.revocationEndpoint}}) {
        if (text.isEmpty())
            continue;
        if (auto refused = checkEndpoint(QUrl(text, QUrl::StrictMode), config.allowInsecureHttp,
                                         label.mid(2).replace(QLatin1Char('-'), QLatin1Char(' '))))
            return refused;
    }
    if (!config.redirectUri.isEmpty()) {
        if (auto refused = checkLoopbackRedirect(config.redirectUri))
            return refused;
    }
    if (profile->discovery && config.tokenEndpoint.isEmpty())
        return Failure::badInput(
                QStringLiteral("--provider %1 needs --issuer URL").arg(profile->id));

    Failure failure;
    const auto endpoints = resolveEndpoints(*profile, config, &failure);
    if (!endpoints)
        return failure;
    // The profile's own endpoints obey the same rule (EdgeTag documents a plain-http one).
    for (const auto &[what, url] :
         {std::pair{QStringLiteral("token endpoint"), endpoints->token},
          std::pair{QStringLiteral("authorization endpoint"), endpoints->authorization},
          std::pair{QStringLiteral("revocation endpoint"), endpoints->revocation}}) {
        if (url.isEmpty())
            continue;
        if (auto refused = checkEndpoint(url, config.allowInsecureHttp, what))
            return refused;
    }
    if (endpoints->clientAuth != ClientAuth::None && !hasClientSecret)
        return Failure::badInput(QStringLiteral("%1 authenticates the client with a secret "
                                                "(client auth \"%2\"): pass it on standard input "
                                                "with --client-secret-stdin")
                                         .arg(profile->name, nameOf(endpoints->clientAuth)));
    return std::nullopt;
}

void AccountService::withLock(const QString &id, const Done &done,
                              const std::function<void(const Finish &)> &body)
{
    auto *lock = new AccountLock(id, this);
    auto finish = [lock, done](const std::optional<Failure> &failure) {
        lock->release();
        lock->deleteLater();
        done(failure);
    };
    connect(lock, &AccountLock::lockFailed, this, [finish](const Failure &f) { finish(f); });
    connect(lock, &AccountLock::lockAcquired, this, [body, finish] { body(finish); });
    lock->acquire(kLockTimeoutMs);
}

void AccountService::readBundle(
        const Account &account,
        const std::function<void(const std::optional<Failure> &, const SecretBundle &)> &next)
{
    const QString id = account.config.id;
    const bool expected = secretsExpected(account.status);
    SecretJob *job = m_engine.secrets->read(id);
    connect(job, &SecretJob::secretJobFinished, this, [=](const SecretResult &result) {
        switch (result.status) {
        case SecretResult::Status::Ok:
            return next(std::nullopt, *result.bundle);
        case SecretResult::Status::NotFound:
            if (expected)
                return next(keychainLocked(id), {});
            return next(std::nullopt, SecretBundle{});
        case SecretResult::Status::Failed:
            break;
        }
        next(result.failure, {});
    });
}

void AccountService::addAccount(const AccountConfig &given,
                                const std::optional<QString> &clientSecret, const Done &done)
{
    const bool hasSecret = clientSecret.has_value() && !clientSecret->isEmpty();
    const ProviderProfile *profile = m_engine.catalog->find(given.provider);
    if (profile && profile->discovery && given.tokenEndpoint.isEmpty() && !given.issuer.isEmpty()
        && isValidAccountId(given.id) && !given.clientId.isEmpty()) {
        // A generic provider: its endpoints and client authentication come from its metadata.
        auto *discovery =
                new Discovery(m_engine.tokens->http(), given.issuer, given.allowInsecureHttp, this);
        connect(discovery, &Discovery::discoveryFinished, this,
                [=](const std::optional<DiscoveryDocument> &document, const Failure &failure) {
                    if (!document)
                        return done(failure);
                    AccountConfig config = given;
                    config.tokenEndpoint = document->tokenEndpoint.toString();
                    config.authorizationEndpoint = document->authorizationEndpoint.toString();
                    if (config.revocationEndpoint.isEmpty())
                        config.revocationEndpoint = document->revocationEndpoint.toString();
                    QString error;
                    config.clientAuth =
                            chooseClientAuth(*document, hasSecret, given.clientAuth, &error);
                    if (!config.clientAuth)
                        return done(Failure::badInput(error,
                                                      QStringLiteral("client_auth_unsupported")));
                    store(config, clientSecret, done);
                });
        discovery->start();
        return;
    }
    store(given, clientSecret, done);
}

void AccountService::store(const AccountConfig &config, const std::optional<QString> &clientSecret,
                           const Done &done)
{
    if (auto invalid = validate(config, clientSecret.has_value() && !clientSecret->isEmpty()))
        return done(invalid);
    withLock(config.id, done, [this, config, clientSecret](const Finish &finish) {
        QList<Account> accounts;
        if (auto failure = m_engine.registry->load(&accounts))
            return finish(failure);
        if (findAccount(accounts, config.id))
            return finish(Failure::badInput(QStringLiteral("an account \"%1\" exists already; "
                                                           "`tether remove %1` first to replace it")
                                                    .arg(config.id),
                                            QStringLiteral("account_exists")));
        auto registerAccount = [this, config, finish](bool storedSecret) {
            auto failure = m_engine.registry->modify([&](QList<Account> &list)
                                                             -> std::optional<Failure> {
                if (findAccount(list, config.id))
                    return Failure::badInput(
                            QStringLiteral("an account \"%1\" exists already").arg(config.id),
                            QStringLiteral("account_exists"));
                Account account;
                account.config = config;
                if (account.config.name.isEmpty())
                    account.config.name = config.id;
                account.status.hasClientSecret = storedSecret;
                list.append(account);
                return std::nullopt;
            });
            if (!failure)
                return finish(failure);
            // Do not leave an orphaned secret behind: the account was not registered.
            SecretJob *cleanup = m_engine.secrets->remove(config.id);
            connect(cleanup, &SecretJob::secretJobFinished, this,
                    [finish, failure](const SecretResult &) { finish(failure); });
        };
        // Whatever a removed account of the same id left in the keychain is replaced here.
        SecretBundle bundle;
        bundle.clientSecret = clientSecret.value_or(QString());
        SecretJob *job = m_engine.secrets->write(config.id, bundle);
        connect(job, &SecretJob::secretJobFinished, this,
                [registerAccount, finish,
                 storedSecret = !bundle.clientSecret.isEmpty()](const SecretResult &result) {
                    if (result.status != SecretResult::Status::Ok)
                        return finish(result.failure);
                    registerAccount(storedSecret);
                });
    });
}

void AccountService::importTokens(const QString &id, const QByteArray &answer,
                                  QStringList *warnings, const Done &done)
{
    QString error;
    const auto response = parseTokenResponse(answer, &error);
    if (!response)
        return done(Failure::badInput(QStringLiteral("the token answer on standard input is not "
                                                     "usable: %1")
                                              .arg(error),
                                      QStringLiteral("malformed_json")));
    *warnings = response->warnings;
    storeTokens(id, *response, done);
}

void AccountService::storeTokens(const QString &id, const TokenResponse &response, const Done &done)
{
    withLock(id, done, [this, id, response](const Finish &finish) {
        Account account;
        if (auto failure = m_engine.registry->loadAccount(id, &account))
            return finish(failure);
        const ProviderProfile *profile = m_engine.catalog->find(account.config.provider);
        if (!profile)
            return finish(Failure::badInput(QStringLiteral("account %1 uses an unknown provider "
                                                           "profile \"%2\"")
                                                    .arg(id, account.config.provider)));
        const ProviderProfile profileCopy = *profile;
        readBundle(account, [=](const std::optional<Failure> &failure, const SecretBundle &stored) {
            if (failure)
                return finish(failure);
            SecretBundle next = stored;
            next.generation = stored.generation + 1;
            next.tokens = lifetimes::fromAnswer(profileCopy, response, m_engine.clock->nowUtc());
            SecretJob *job = m_engine.secrets->write(id, next);
            connect(job, &SecretJob::secretJobFinished, this, [=](const SecretResult &result) {
                if (result.status != SecretResult::Status::Ok)
                    return finish(result.failure);
                finish(m_engine.registry->modifyAccount(id, [&](Account &a) {
                    mirrorBundle(a.status, next, m_engine.random);
                    a.status.lastError.reset();
                    a.status.consecutiveFailures = 0;
                    a.status.inFlightGeneration = -1;
                }));
            });
        });
    });
}

void AccountService::connectAccount(const QString &id, const BrowserOpener &opener,
                                    const std::function<void(const QUrl &, bool)> &browserOpened,
                                    const Done &done)
{
    Account account;
    if (auto failure = m_engine.registry->loadAccount(id, &account))
        return done(failure);
    const ProviderProfile *profile = m_engine.catalog->find(account.config.provider);
    if (!profile)
        return done(Failure::badInput(
                QStringLiteral("account %1 uses an unknown provider profile").arg(id)));
    Failure failure;
    const auto endpoints = resolveEndpoints(*profile, account.config, &failure);
    if (!endpoints)
        return done(failure);
    if (endpoints->authorization.isEmpty())
        return done(
                Failure::badInput(QStringLiteral("%1 has no authorization endpoint to sign in at; "
                                                 "remove the account and add it again with "
                                                 "--authorization-endpoint URL")
                                          .arg(id),
                                  QStringLiteral("endpoint_missing")));
    for (const auto &[what, url] :
         {std::pair{QStringLiteral("authorization endpoint"), endpoints->authorization},
          std::pair{QStringLiteral("token endpoint"), endpoints->token}}) {
        if (auto refused = checkEndpoint(url, account.config.allowInsecureHttp, what))
            return done(refused);
    }

    // One sign-in per account at a time, across processes.
    auto attempt = std::make_shared<QLockFile>(paths::runtimeDir() + QStringLiteral("/connect-")
                                               + id + QStringLiteral(".lock"));
    attempt->setStaleLockTime(0);
    if (!attempt->tryLock(0))
        return done(
                Failure{FailureKind::Temporary, QStringLiteral("sign_in_under_way"),
                        QStringLiteral("a sign-in for %1 is already under way; finish or cancel "
                                       "it first")
                                .arg(id),
                        std::nullopt, 0});

    AuthorizationParameters parameters;
    parameters.authorizationEndpoint = endpoints->authorization;
    parameters.tokenEndpoint = endpoints->token;
    parameters.client = {account.config.clientId, {}, endpoints->clientAuth};
    parameters.body = profile->body;
    parameters.scope = account.config.scope;
    parameters.extraParameters = profile->extraAuthorizationParameters;
    parameters.issuer = account.config.issuer;
    if (!account.config.redirectUri.isEmpty()) {
        const QUrl fixed(account.config.redirectUri);
        parameters.fixedPort = quint16(fixed.port());
        parameters.callbackPath = fixed.path().isEmpty() ? QStringLiteral("/") : fixed.path();
    }
    if (const int seconds = qEnvironmentVariableIntValue("TETHER_CONNECT_TIMEOUT_S"); seconds > 0)
        parameters.timeoutMs = seconds * 1000;

    readBundle(account, [=](const std::optional<Failure> &failure, const SecretBundle &stored) {
        if (failure)
            return done(failure);
        AuthorizationParameters withSecret = parameters;
        withSecret.client.clientSecret = stored.clientSecret;
        if (withSecret.client.auth != ClientAuth::None && stored.clientSecret.isEmpty())
            return done(Failure{FailureKind::Configuration, QStringLiteral("client_secret_missing"),
                                QStringLiteral("account %1 has no client secret; add it again with "
                                               "--client-secret-stdin")
                                        .arg(id),
                                std::nullopt, 0});
        auto *flow = new AuthorizationFlow(m_engine.tokens, withSecret, opener, this);
        m_flows.insert(id, flow);
        connect(flow, &AuthorizationFlow::browserOpened, this, browserOpened);
        connect(flow, &AuthorizationFlow::authorizationFinished, this,
                [this, flow, id, done, attempt](const std::optional<TokenResponse> &response,
                                                const Failure &failure) {
                    flow->deleteLater();
                    if (!response) {
                        attempt->unlock();
                        return done(failure);
                    }
                    storeTokens(id, *response, [attempt, done](const std::optional<Failure> &f) {
                        attempt->unlock();
                        done(f);
                    });
                });
        flow->start();
    });
}

void AccountService::cancelConnect(const QString &id)
{
    if (const QPointer<AuthorizationFlow> flow = m_flows.take(id))
        flow->cancel();
}

void AccountService::disconnect(const QString &id, QStringList *warnings, const Done &done)
{
    withLock(id, done, [this, id, warnings](const Finish &finish) {
        Account account;
        if (auto failure = m_engine.registry->loadAccount(id, &account))
            return finish(failure);
        readBundle(account, [=](const std::optional<Failure> &failure, const SecretBundle &stored) {
            if (failure)
                return finish(failure);
            auto forget = [=] {
                SecretBundle next = stored;
                next.tokens.reset();
                next.generation = stored.generation + 1;
                SecretJob *job = m_engine.secrets->write(id, next);
                connect(job, &SecretJob::secretJobFinished, this, [=](const SecretResult &result) {
                    if (result.status != SecretResult::Status::Ok)
                        return finish(result.failure);
                    finish(m_engine.registry->modifyAccount(id, [&](Account &a) {
                        mirrorBundle(a.status, next);
                        a.status.state = AccountState::NotConnected;
                        a.status.lastError.reset();
                        a.status.lastRefreshAt = {};
                        a.status.consecutiveFailures = 0;
                        a.status.inFlightGeneration = -1;
                    }));
                });
            };
            const ProviderProfile *profile = m_engine.catalog->find(account.config.provider);
            Failure unused;
            const auto endpoints =
                    profile ? resolveEndpoints(*profile, account.config, &unused) : std::nullopt;
            if (!stored.tokens || !endpoints || endpoints->revocation.isEmpty())
                return forget();
            if (auto refused =
                        checkEndpoint(endpoints->revocation, account.config.allowInsecureHttp,
                                      QStringLiteral("revocation endpoint"))) {
                warnings->append(refused->message
                                 + QStringLiteral("; the tokens were only forgotten here"));
                return forget();
            }
            // RFC 7009: revoking the refresh token ends the grant (and its access tokens, where the
            // server ties them together); without one, revoke the access token.
            const bool refresh = !stored.tokens->refreshToken.isEmpty();
            const HttpRequest request = buildTokenRequest(
                    endpoints->revocation, BodyEncoding::Form,
                    {account.config.clientId, stored.clientSecret, endpoints->clientAuth},
                    {{QStringLiteral("token"),
                      refresh ? stored.tokens->refreshToken : stored.tokens->accessToken},
                     {QStringLiteral("token_type_hint"),
                      refresh ? QStringLiteral("refresh_token") : QStringLiteral("access_token")}});
            HttpExchange *exchange = m_engine.tokens->http()->post(request);
            connect(exchange, &HttpExchange::httpFinished, this, [=](const HttpResult &result) {
                if (result.transportFailure)
                    warnings->append(QStringLiteral("the provider could not be told to revoke the "
                                                    "tokens (%1); they were forgotten here")
                                             .arg(result.transportFailure->message));
                else if (result.answer.status != 200)
                    warnings->append(QStringLiteral("the provider did not confirm the revocation "
                                                    "(HTTP %1); the tokens were forgotten here")
                                             .arg(result.answer.status));
                forget();
            });
        });
    });
}

void AccountService::remove(const QString &id, const Done &done)
{
    withLock(id, done, [this, id](const Finish &finish) {
        Account account;
        if (auto failure = m_engine.registry->loadAccount(id, &account))
            return finish(failure);
        SecretJob *job = m_engine.secrets->remove(id);
        connect(job, &SecretJob::secretJobFinished, this, [=](const SecretResult &result) {
            // Keep the account while its secrets could not be deleted, so none is orphaned.
            if (result.status != SecretResult::Status::Ok)
                return finish(result.failure);
            finish(m_engine.registry->modify([&](QList<Account> &list) -> std::optional<Failure> {
                list.erase(std::remove_if(list.begin(), list.end(),
                                          [&](const Account &a) { return a.config.id == id; }),
                           list.end());
                return std::nullopt;
            }));
        });
    });
}

} // namespace tether
