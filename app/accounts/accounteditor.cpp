#include "accounteditor.h"

#include "accounts/accesslist.h"
#include "accounts/accountendpoints.h"
#include "accounts/accountlock.h"
#include "accounts/accountregistry.h"
#include "accounts/accountsecrets.h"
#include "accounts/accountvalidation.h"
#include "accounts/statusmirror.h"
#include "accounts/tokenlifetimes.h"
#include "core/clock.h"
#include "core/humantime.h"
#include "oauth/discovery.h"
#include "oauth/endpointpolicy.h"
#include "oauth/revocation.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AccountEditor)
};

Failure unknownProfile(const Account &account)
{
    return Failure::configuration(QStringLiteral("unknown_provider"),
                                  Text::tr("account %1 uses the provider profile \"%2\", which "
                                           "is not installed")
                                          .arg(account.config.id, account.config.provider));
}

// Endpoints a discovery document gives an account that did not set its own.
void adoptDiscovery(AccountConfig &config, const DiscoveryDocument &document,
                    bool keepExplicitEndpoints)
{
    auto adopt = [&](QString &field, const QUrl &url) {
        if (!keepExplicitEndpoints || field.isEmpty())
            field = url.toString();
    };
    adopt(config.tokenEndpoint, document.tokenEndpoint);
    adopt(config.authorizationEndpoint, document.authorizationEndpoint);
    adopt(config.revocationEndpoint, document.revocationEndpoint);
    adopt(config.deviceAuthorizationEndpoint, document.deviceAuthorizationEndpoint);
    config.issuerInResponse = document.issuerParameterSupported;
}

} // namespace

AccountEditor::AccountEditor(const Engine &engine, QObject *parent)
    : QObject(parent), m_engine(engine)
{ }

void AccountEditor::withLock(const QString &id, const Done &done,
                             const std::function<void(const Finish &)> &body)
{
    auto *lock = new AccountLock(id, this);
    auto finish = [lock, done](const Outcome &outcome) {
        lock->release();
        lock->deleteLater();
        done(outcome);
    };
    connect(lock, &AccountLock::lockFailed, this,
            [finish](const Failure &f) { finish(Outcome::failed(f)); });
    connect(lock, &AccountLock::lockAcquired, this, [body, finish] { body(finish); });
    lock->acquire(kLockTimeoutMs);
}

void AccountEditor::addAccount(const AccountConfig &given,
                               const std::optional<QString> &clientSecret, const Done &done)
{
    const bool hasSecret = clientSecret && !clientSecret->isEmpty();
    if (clientSecret) {
        if (auto invalid = checkClientSecret(*clientSecret))
            return done(Outcome::failed(*invalid));
    }
    const ProviderProfile *profile = m_engine.catalog->find(given.provider);
    const bool discover = profile && profile->discovery && given.tokenEndpoint.isEmpty();
    if (!discover)
        return store(given, clientSecret, {}, done);
    if (auto invalid = validateAccount(*m_engine.catalog, given, hasSecret, true))
        return done(Outcome::failed(*invalid));
    // A generic provider: its endpoints and client authentication come from its metadata.
    auto *discovery =
            new Discovery(m_engine.tokens->http(), given.issuer, given.allowInsecureHttp, this);
    connect(discovery, &Discovery::discoveryFinished, this,
            [=](const std::optional<DiscoveryDocument> &document, const Failure &failure) {
                if (!document)
                    return done(Outcome::failed(failure));
                AccountConfig config = given;
                adoptDiscovery(config, *document, true);
                QStringList notes;
                QString warning;
                config.clientAuth =
                        chooseClientAuth(*document, hasSecret, given.clientAuth, &warning);
                if (!warning.isEmpty())
                    notes << warning;
                store(config, clientSecret, notes, done);
            });
    discovery->start();
}

void AccountEditor::store(const AccountConfig &given, const std::optional<QString> &clientSecret,
                          const QStringList &notes, const Done &done)
{
    AccountConfig config = given;
    if (config.name.isEmpty())
        config.name = config.id;
    const bool hasSecret = clientSecret && !clientSecret->isEmpty();
    if (auto invalid = validateAccount(*m_engine.catalog, config, hasSecret))
        return done(Outcome::failed(*invalid, notes));
    auto exists = [id = config.id] {
        return Failure::badInput(Text::tr("an account \"%1\" exists already; remove it first to "
                                          "replace it")
                                         .arg(id),
                                 QStringLiteral("account_exists"))
                .withField(QStringLiteral("id"));
    };
    withLock(config.id, done, [=](const Finish &finish) {
        QList<Account> accounts;
        if (auto failure = m_engine.registry->load(&accounts))
            return finish(Outcome::failed(*failure));
        if (findAccount(accounts, config.id))
            return finish(Outcome::failed(exists(), notes));
        // Whatever a removed account of the same id left in the keychain is replaced here.
        SecretBundle bundle;
        bundle.clientSecret = clientSecret.value_or(QString());
        SecretJob *job = m_engine.secrets->write(config.id, bundle);
        connect(job, &SecretJob::secretJobFinished, this, [=](const SecretResult &result) {
            if (result.status != SecretResult::Status::Ok)
                return finish(Outcome::failed(result.failure, notes));
            const auto failure =
                    m_engine.registry->modify([&](QList<Account> &list) -> std::optional<Failure> {
                        if (findAccount(list, config.id))
                            return exists();
                        Account account;
                        account.config = config;
                        account.status.hasClientSecret = hasSecret;
                        list.append(account);
                        return std::nullopt;
                    });
            if (!failure)
                return finish(Outcome::done(Text::tr("added %1").arg(config.id), notes));
            // Do not leave an orphaned secret behind: the account was not registered.
            SecretJob *cleanup = m_engine.secrets->remove(config.id);
            connect(cleanup, &SecretJob::secretJobFinished, this,
                    [=](const SecretResult &) { finish(Outcome::failed(*failure, notes)); });
        });
    });
}

void AccountEditor::editAccount(const QString &id, const AccountEdit &edit, const Done &done)
{
    if (edit.isEmpty())
        return done(Outcome::failed(Failure::badInput(Text::tr("nothing to change"))));
    if (edit.clientSecret) {
        if (auto invalid = checkClientSecret(*edit.clientSecret))
            return done(Outcome::failed(*invalid));
    }
    Account account;
    if (auto failure = m_engine.registry->loadAccount(id, &account))
        return done(Outcome::failed(*failure));
    const ProviderProfile *profile = m_engine.catalog->find(account.config.provider);
    const bool newIssuer = edit.issuer && *edit.issuer != account.config.issuer;
    if (!profile || !profile->discovery || !newIssuer)
        return applyEdit(id, edit, {}, done);
    // Another issuer: its discovery document gives the endpoints the edit did not set.
    const AccountConfig merged = edit.appliedTo(account.config);
    auto *discovery =
            new Discovery(m_engine.tokens->http(), merged.issuer, merged.allowInsecureHttp, this);
    connect(discovery, &Discovery::discoveryFinished, this,
            [=](const std::optional<DiscoveryDocument> &document, const Failure &failure) {
                if (!document)
                    return done(Outcome::failed(failure));
                AccountEdit full = edit;
                AccountConfig discovered;
                adoptDiscovery(discovered, *document, false);
                auto keepOrTake = [](std::optional<QString> &field, const QString &found) {
                    if (!field)
                        field = found;
                };
                keepOrTake(full.tokenEndpoint, discovered.tokenEndpoint);
                keepOrTake(full.authorizationEndpoint, discovered.authorizationEndpoint);
                keepOrTake(full.revocationEndpoint, discovered.revocationEndpoint);
                keepOrTake(full.deviceAuthorizationEndpoint,
                           discovered.deviceAuthorizationEndpoint);
                applyEdit(id, full, {}, done);
            });
    discovery->start();
}

void AccountEditor::applyEdit(const QString &id, const AccountEdit &edit, const QStringList &notes,
                              const Done &done)
{
    withLock(id, done, [=](const Finish &finish) {
        Account account;
        if (auto failure = m_engine.registry->loadAccount(id, &account))
            return finish(Outcome::failed(*failure));
        const AccountConfig config = edit.appliedTo(account.config);
        const bool hasSecret =
                edit.clientSecret ? !edit.clientSecret->isEmpty() : account.status.hasClientSecret;
        if (auto invalid = validateAccount(*m_engine.catalog, config, hasSecret))
            return finish(Outcome::failed(*invalid, notes));
        const QString summary = Text::tr("changed the settings of %1").arg(id);
        auto registerConfig = [=](std::optional<bool> storedSecret) {
            const auto failure = m_engine.registry->modifyAccount(id, [&](Account &a) {
                a.config = config;
                if (storedSecret)
                    a.status.hasClientSecret = *storedSecret;
                // A refused refresh may have been the old settings' fault: let it be tried.
                if (a.status.lastError && a.status.lastError->kind == FailureKind::Configuration)
                    a.status.lastError.reset();
            });
            finish(failure ? Outcome::failed(*failure, notes) : Outcome::done(summary, notes));
        };
        if (!edit.clientSecret)
            return registerConfig(std::nullopt);
        // A new client secret: one write of the whole item, tokens as they are.
        readAccountSecrets(*m_engine.secrets, account, true,
                           {this, [=](const SecretsRead &read) {
                                if (read.failure)
                                    return finish(Outcome::failed(*read.failure, notes));
                                SecretBundle next = read.bundle;
                                next.clientSecret = *edit.clientSecret;
                                SecretJob *job = m_engine.secrets->write(id, next);
                                connect(job, &SecretJob::secretJobFinished, this,
                                        [=](const SecretResult &result) {
                                            if (result.status != SecretResult::Status::Ok)
                                                return finish(
                                                        Outcome::failed(result.failure, notes));
                                            registerConfig(!next.clientSecret.isEmpty());
                                        });
                            }});
    });
}

void AccountEditor::importTokens(const QString &id, const QByteArray &response, const Done &done)
{
    QString error;
    const auto parsed = parseTokenResponse(response, &error);
    if (!parsed)
        return done(Outcome::failed(
                Failure::badInput(Text::tr("the token response is not usable: %1").arg(error),
                                  QStringLiteral("malformed_json"))));
    storeTokens(id, *parsed, done);
}

void AccountEditor::storeTokens(const QString &id, const TokenResponse &response, const Done &done)
{
    withLock(id, done, [=](const Finish &finish) {
        Account account;
        if (auto failure = m_engine.registry->loadAccount(id, &account))
            return finish(Outcome::failed(*failure));
        const ProviderProfile *profile = m_engine.catalog->find(account.config.provider);
        if (!profile)
            return finish(Outcome::failed(unknownProfile(account)));
        const ProviderProfile profileCopy = *profile;
        // Storing new tokens repairs an item deleted from an unlocked keychain.
        readAccountSecrets(
                *m_engine.secrets, account, true,
                {this, [=](const SecretsRead &read) {
                     if (read.failure)
                         return finish(Outcome::failed(*read.failure));
                     SecretBundle next = read.bundle;
                     next.generation =
                             std::max(read.bundle.generation, account.status.generation) + 1;
                     next.tokens = lifetimes::fromResponse(profileCopy, response,
                                                           m_engine.clock->nowUtc());
                     SecretJob *job = m_engine.secrets->write(id, next);
                     connect(job, &SecretJob::secretJobFinished, this,
                             [=](const SecretResult &result) {
                                 if (result.status != SecretResult::Status::Ok)
                                     return finish(Outcome::failed(result.failure));
                                 const auto failure =
                                         m_engine.registry->modifyAccount(id, [&](Account &a) {
                                             mirrorBundle(a.status, next, m_engine);
                                             a.status.lastError.reset();
                                             a.status.consecutiveFailures = 0;
                                             a.status.inFlightGeneration = -1;
                                             a.status.refreshTokenRotates = false;
                                         });
                                 finish(failure ? Outcome::failed(*failure, response.warnings)
                                                : Outcome::done(Text::tr("stored new tokens for %1")
                                                                        .arg(id),
                                                                response.warnings));
                             });
                 }});
    });
}

void AccountEditor::disconnectAccount(const QString &id, const Done &done)
{
    forget(id, false, done);
}

void AccountEditor::removeAccount(const QString &id, const Done &done)
{
    forget(id, true, done);
}

void AccountEditor::forget(const QString &id, bool remove, const Done &done)
{
    withLock(id, done, [=](const Finish &finish) {
        Account account;
        if (auto failure = m_engine.registry->loadAccount(id, &account))
            return finish(Outcome::failed(*failure));
        // A keychain that cannot be read (locked) keeps everything: a removed account's item
        // would be orphaned, a disconnected one's tokens could not be revoked.
        readAccountSecrets(*m_engine.secrets, account, true,
                           {this, [=](const SecretsRead &read) {
                                if (read.failure)
                                    return finish(Outcome::failed(*read.failure));
                                revokeThenForget(account, read.bundle, remove, finish);
                            }});
    });
}

std::optional<Failure> AccountEditor::accessDecisions(const QString &id,
                                                      QList<AccessDecision> *decisions) const
{
    Account account;
    if (auto failure = m_engine.registry->loadAccount(id, &account))
        return failure;
    *decisions = m_engine.access ? m_engine.access->decisions(id) : QList<AccessDecision>();
    return std::nullopt;
}

Outcome AccountEditor::decideAccess(const QString &id, const QString &program,
                                    std::optional<AccessDecision::Verdict> verdict,
                                    const QString &reason)
{
    Account account;
    if (auto failure = m_engine.registry->loadAccount(id, &account))
        return Outcome::failed(*failure);
    if (auto bad = AccessList::checkProgram(program))
        return Outcome::failed(*bad);
    if (!m_engine.access)
        return Outcome::failed(Failure::unexpected(Text::tr("this process keeps no access list")));
    if (auto failure =
                m_engine.access->decide(id, program, verdict, reason, m_engine.clock->nowUtc()))
        return Outcome::failed(*failure);
    if (!verdict)
        return Outcome::done(
                Text::tr("%1 will be asked before it takes the token of %2").arg(program, id));
    return Outcome::done(
            *verdict == AccessDecision::Verdict::Allow
                    ? Text::tr("%1 may take the token of %2 without a question").arg(program, id)
                    : Text::tr("%1 is refused the token of %2 without a question")
                              .arg(program, id));
}

void AccountEditor::revokeThenForget(const Account &account, const SecretBundle &stored,
                                     bool remove, const Finish &finish)
{
    const QString id = account.config.id;
    auto forget = [=](const QString &summary, const QStringList &notes) {
        if (remove) {
            SecretJob *job = m_engine.secrets->remove(id);
            connect(job, &SecretJob::secretJobFinished, this, [=](const SecretResult &result) {
                // Keep the account while its secrets could not be deleted, so none is orphaned.
                if (result.status != SecretResult::Status::Ok)
                    return finish(Outcome::failed(result.failure, notes));
                const auto failure = m_engine.registry->modify([&](QList<Account> &list)
                                                                       -> std::optional<Failure> {
                    list.erase(std::remove_if(list.begin(), list.end(),
                                              [&](const Account &a) { return a.config.id == id; }),
                               list.end());
                    return std::nullopt;
                });
                if (failure)
                    return finish(Outcome::failed(*failure, notes));
                QStringList more = notes;
                // The decisions about a removed account go with it: an account added later under
                // the same id starts with nobody allowed.
                if (m_engine.access) {
                    if (const auto kept = m_engine.access->forgetAccount(id))
                        more << Text::tr("the programs allowed to take its token are still "
                                         "listed: %1")
                                        .arg(kept->message);
                }
                finish(Outcome::done(Text::tr("removed %1; %2").arg(id, summary), more));
            });
            return;
        }
        SecretBundle next = stored;
        next.tokens.reset();
        next.generation = std::max(stored.generation, account.status.generation) + 1;
        SecretJob *job = m_engine.secrets->write(id, next);
        connect(job, &SecretJob::secretJobFinished, this, [=](const SecretResult &result) {
            if (result.status != SecretResult::Status::Ok)
                return finish(Outcome::failed(result.failure, notes));
            const auto failure = m_engine.registry->modifyAccount(id, [&](Account &a) {
                mirrorBundle(a.status, next, m_engine);
                a.status.state = AccountState::NotConnected;
                a.status.lastError.reset();
                a.status.lastRefreshAt = {};
                a.status.consecutiveFailures = 0;
                a.status.inFlightGeneration = -1;
                a.status.refreshTokenRotates = false;
            });
            finish(failure ? Outcome::failed(*failure, notes)
                           : Outcome::done(Text::tr("disconnected %1; %2").arg(id, summary),
                                           notes));
        });
    };

    if (!stored.tokens)
        return forget(Text::tr("it held no tokens"), {});
    const ProviderProfile *profile = m_engine.catalog->find(account.config.provider);
    Failure unused;
    const auto endpoints =
            profile ? resolveEndpoints(*profile, account.config, &unused) : std::nullopt;
    const QString provider = profile ? profile->name : account.config.provider;
    if (!endpoints || endpoints->revocation.isEmpty())
        return forget(Text::tr("%1 offers no revocation, so its tokens stay valid there until "
                               "they expire")
                              .arg(provider),
                      {});
    if (auto refused = checkEndpoint(endpoints->revocation, account.config.allowInsecureHttp,
                                     Endpoint::Revocation))
        return forget(Text::tr("its tokens were only forgotten here and stay valid at %1 until "
                               "they expire")
                              .arg(provider),
                      {refused->message});
    // RFC 7009: revoke the refresh token and the access token, each with its type hint (a
    // server need not end a grant's access tokens with its refresh token), then say exactly
    // which the provider took and which may stay valid there.
    const TokenSet tokens = *stored.tokens;
    const ClientCredentials client{account.config.clientId, stored.clientSecret,
                                   endpoints->clientAuth, profile->basicEncoding};
    const bool accessLive = tokens.accessExpiresAt.isValid()
                            && tokens.accessExpiresAt > m_engine.clock->nowUtc()
                            && !tokens.accessToken.isEmpty();
    auto revoke = [this, url = endpoints->revocation,
                   client](const QString &token, Revocation::TokenType type,
                           const std::function<void(const Revocation::Result &)> &then) {
        auto *revocation = new Revocation(m_engine.tokens->http(), url, client, token, type, this);
        connect(revocation, &Revocation::revocationFinished, this, then);
        revocation->start();
    };
    auto summarize = [=](const std::optional<Revocation::Result> &refresh,
                         const std::optional<Revocation::Result> &access) {
        const bool refreshDone = refresh && refresh->confirmed;
        const bool accessDone = access && access->confirmed;
        QStringList notes;
        for (const auto &result : {refresh, access}) {
            if (result && !result->confirmed)
                notes << Text::tr("the provider could not be told to revoke a token (%1)")
                                 .arg(result->problem);
        }
        notes.removeDuplicates(); // the same trouble with both tokens is said once
        const QString until = humantime::instant(tokens.accessExpiresAt);
        QString summary;
        if (refreshDone && (accessDone || !accessLive))
            summary = accessDone ? Text::tr("%1 revoked its refresh token and its access token")
                                           .arg(provider)
                                 : Text::tr("%1 revoked its refresh token; its access token had "
                                            "expired already")
                                           .arg(provider);
        else if (refreshDone)
            summary = Text::tr("%1 revoked its refresh token; its access token may stay valid "
                               "there until %2")
                              .arg(provider, until);
        else if (accessDone && !refresh)
            summary =
                    Text::tr("%1 revoked its access token (it had no refresh token)").arg(provider);
        else if (accessDone)
            summary = Text::tr("%1 revoked its access token, but not its refresh token, which may "
                               "stay valid there")
                              .arg(provider);
        else
            summary = Text::tr("its tokens were forgotten here, but may stay valid at %1 until "
                               "they expire")
                              .arg(provider);
        forget(summary, notes);
    };
    auto revokeAccess = [=](const std::optional<Revocation::Result> &refresh) {
        if (!accessLive)
            return summarize(refresh, std::nullopt);
        revoke(tokens.accessToken, Revocation::TokenType::Access,
               [=](const Revocation::Result &access) { summarize(refresh, access); });
    };
    if (tokens.refreshToken.isEmpty())
        return revokeAccess(std::nullopt);
    revoke(tokens.refreshToken, Revocation::TokenType::Refresh,
           [=](const Revocation::Result &refresh) { revokeAccess(refresh); });
}

} // namespace tether
