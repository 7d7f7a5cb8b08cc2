#include "signin.h"

#include "accounts/accounteditor.h"
#include "accounts/accountendpoints.h"
#include "accounts/accountregistry.h"
#include "accounts/accountsecrets.h"
#include "core/paths.h"
#include "oauth/authorizationflow.h"
#include "oauth/endpointpolicy.h"
#include "providers/providercatalog.h"

namespace tether {

SignIn::SignIn(AccountEditor &accounts, const QString &id, Method method, BrowserOpener opener,
               QObject *parent)
    : QObject(parent), m_accounts(accounts), m_id(id), m_method(method), m_opener(std::move(opener))
{
    if (const int seconds = qEnvironmentVariableIntValue("TETHER_CONNECT_TIMEOUT_S"); seconds > 0)
        m_timeoutMs = seconds * 1000;
}

SignIn::~SignIn() = default;

void SignIn::start()
{
    const Engine &engine = m_accounts.engine();
    Account account;
    if (auto failure = engine.registry->loadAccount(m_id, &account))
        return finish(Outcome::failed(*failure));
    const ProviderProfile *profile = engine.catalog->find(account.config.provider);
    if (!profile)
        return finish(Outcome::failed(Failure::configuration(
                QStringLiteral("unknown_provider"),
                tr("account %1 uses a provider profile that is not installed").arg(m_id))));
    Failure failure;
    const auto endpoints = resolveEndpoints(*profile, account.config, &failure);
    if (!endpoints)
        return finish(Outcome::failed(failure));
    const bool device = m_method == Method::Device;
    const QUrl start = device ? endpoints->deviceAuthorization : endpoints->authorization;
    if (start.isEmpty())
        return finish(Outcome::failed(
                device ? Failure::badInput(tr("%1 offers no sign-in on another device (it has no "
                                              "device authorization endpoint)")
                                                   .arg(profile->name),
                                           QStringLiteral("endpoint_missing"))
                                 .withField(QStringLiteral("device-authorization-endpoint"))
                       : Failure::badInput(tr("%1 has no authorization endpoint to sign in at; "
                                              "set the account's authorization endpoint")
                                                   .arg(m_id),
                                           QStringLiteral("endpoint_missing"))
                                 .withField(QStringLiteral("authorization-endpoint"))));
    for (const auto &[what, url] :
         {std::pair{device ? Endpoint::DeviceAuthorization : Endpoint::Authorization, start},
          std::pair{Endpoint::Token, endpoints->token}}) {
        if (auto refused = checkEndpoint(url, account.config.allowInsecureHttp, what))
            return finish(Outcome::failed(*refused));
    }

    // One sign-in per account at a time, across processes.
    m_attempt = std::make_unique<FileLock>(paths::runtimeDir() + QStringLiteral("/connect-") + m_id
                                           + QStringLiteral(".lock"));
    if (m_attempt->tryLock() != FileLock::Result::Acquired) {
        m_attempt.reset();
        return finish(Outcome::failed(Failure::temporary(
                QStringLiteral("sign_in_under_way"),
                tr("a sign-in for %1 is already under way; finish or cancel it first").arg(m_id))));
    }

    // A sign-in repairs an item deleted from an unlocked keychain: it keeps what is left.
    readAccountSecrets(
            *engine.secrets, account, true,
            {this, [=](const SecretsRead &read) {
                 if (m_cancelled)
                     return;
                 if (read.failure)
                     return finish(Outcome::failed(*read.failure));
                 ClientCredentials client{account.config.clientId, read.bundle.clientSecret,
                                          endpoints->clientAuth, profile->basicEncoding};
                 if (client.auth != ClientAuth::None && client.clientSecret.isEmpty())
                     return finish(Outcome::failed(
                             Failure::configuration(QStringLiteral("client_secret_missing"),
                                                    tr("account %1 has no client secret; set it "
                                                       "first")
                                                            .arg(m_id))
                                     .withField(QStringLiteral("client-secret-stdin"))));
                 if (device) {
                     auto *flow = new DeviceFlow(
                             engine.tokens,
                             {start, endpoints->token, client, profile->body, account.config.scope},
                             this);
                     m_flow = flow;
                     connect(flow, &DeviceFlow::deviceCodeReceived, this,
                             [this](const DeviceCode &code) {
                                 m_progress.url = code.verificationUri;
                                 m_progress.device = code;
                                 Q_EMIT signInProgressed(m_progress);
                             });
                     connect(flow, &DeviceFlow::authorizationFinished, this, &SignIn::store);
                     flow->start();
                     return;
                 }
                 AuthorizationParameters parameters;
                 parameters.authorizationEndpoint = start;
                 parameters.tokenEndpoint = endpoints->token;
                 parameters.client = client;
                 parameters.body = profile->body;
                 parameters.scope = account.config.scope;
                 parameters.extraParameters = profile->extraAuthorizationParameters;
                 parameters.issuer = account.config.issuer;
                 parameters.issuerRequired = account.config.issuerInResponse;
                 parameters.timeoutMs = m_timeoutMs;
                 if (!account.config.redirectUri.isEmpty()) {
                     const QUrl fixed(account.config.redirectUri);
                     parameters.fixedPort = quint16(fixed.port());
                     parameters.callbackPath =
                             fixed.path().isEmpty() ? QStringLiteral("/") : fixed.path();
                 }
                 auto *flow = new AuthorizationFlow(engine.tokens, parameters, m_opener, this);
                 m_flow = flow;
                 connect(flow, &AuthorizationFlow::browserOpened, this,
                         [this](const QUrl &url, bool opened) {
                             m_progress.url = url;
                             m_progress.browserOpened = opened;
                             Q_EMIT signInProgressed(m_progress);
                         });
                 connect(flow, &AuthorizationFlow::noticed, this, [this](const QString &notice) {
                     m_progress.notice = notice;
                     Q_EMIT signInProgressed(m_progress);
                 });
                 connect(flow, &AuthorizationFlow::authorizationFinished, this, &SignIn::store);
                 flow->start();
             }});
}

void SignIn::cancel()
{
    m_cancelled = true;
    if (auto *flow = qobject_cast<AuthorizationFlow *>(m_flow))
        return flow->cancel();
    if (auto *flow = qobject_cast<DeviceFlow *>(m_flow))
        return flow->cancel();
    finish(Outcome::failed(Failure::reconnect(QStringLiteral("sign_in_cancelled"),
                                              tr("the sign-in was cancelled"))));
}

void SignIn::store(const std::optional<TokenResponse> &response, const Failure &failure)
{
    if (!response)
        return finish(Outcome::failed(failure));
    m_accounts.storeTokens(
            m_id, *response,
            {this, [this](const Outcome &outcome) {
                 finish(outcome.ok() ? Outcome::done(tr("connected %1").arg(m_id), outcome.notes)
                                     : outcome);
             }});
}

void SignIn::finish(const Outcome &outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_attempt)
        m_attempt->unlock();
    Q_EMIT signInFinished(outcome);
}

} // namespace tether
