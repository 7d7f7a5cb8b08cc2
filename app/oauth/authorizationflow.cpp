#include "authorizationflow.h"

#include "oauth/pkce.h"
#include "oauth/tokenclient.h"

namespace tether {

AuthorizationFlow::AuthorizationFlow(TokenClient *tokens, const AuthorizationParameters &parameters,
                                     BrowserOpener opener, QObject *parent)
    : QObject(parent),
      m_tokens(tokens),
      m_parameters(parameters),
      m_opener(std::move(opener)),
      m_receiver(new LoopbackReceiver(this))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(std::nullopt, {FailureKind::Reconnect, QStringLiteral("sign_in_timeout"),
                              tr("the sign-in was not completed within %1 minutes; run it again")
                                      .arg(m_parameters.timeoutMs / 60000.0),
                              std::nullopt, 0});
    });
    connect(m_receiver, &LoopbackReceiver::authorizationReceived, this, &AuthorizationFlow::onCode);
    connect(m_receiver, &LoopbackReceiver::authorizationFailed, this,
            [this](const Failure &failure) { finish(std::nullopt, failure); });
}

AuthorizationFlow::~AuthorizationFlow() = default;

void AuthorizationFlow::start()
{
    QString error;
    if (!m_receiver->listen(m_parameters.fixedPort, m_parameters.callbackPath, &error)) {
        return finish(std::nullopt, {FailureKind::Temporary, QStringLiteral("listen_failed"), error,
                                     std::nullopt, 0});
    }
    m_verifier = pkce::newVerifier();
    m_state = pkce::newState();
    m_redirectUri = m_receiver->redirectUri();
    m_receiver->expectState(m_state);

    QUrlQuery query(m_parameters.authorizationEndpoint);
    auto add = [&](const QString &key, const QString &value) {
        query.removeAllQueryItems(key);
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(QStringLiteral("response_type"), QStringLiteral("code"));
    add(QStringLiteral("client_id"), m_parameters.client.clientId);
    add(QStringLiteral("redirect_uri"), m_redirectUri);
    if (!m_parameters.scope.isEmpty())
        add(QStringLiteral("scope"), m_parameters.scope);
    add(QStringLiteral("state"), QString::fromLatin1(m_state));
    add(QStringLiteral("code_challenge"), QString::fromLatin1(pkce::challenge(m_verifier)));
    add(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    for (const auto &[key, value] : m_parameters.extraParameters)
        add(key, value);
    m_url = m_parameters.authorizationEndpoint;
    m_url.setQuery(query);

    m_timeout.start(m_parameters.timeoutMs);
    const bool opened = m_opener && m_opener(m_url);
    Q_EMIT browserOpened(m_url, opened);
}

void AuthorizationFlow::cancel()
{
    if (m_exchange)
        m_exchange->abort();
    finish(std::nullopt, {FailureKind::Reconnect, QStringLiteral("sign_in_cancelled"),
                          tr("the sign-in was cancelled"), std::nullopt, 0});
}

void AuthorizationFlow::onCode(const AuthorizationResponse &response)
{
    // RFC 9207: a response naming another issuer is a mix-up attack; refuse it.
    if (!response.iss.isEmpty() && !m_parameters.issuer.isEmpty()) {
        auto trimmed = [](QString s) {
            while (s.endsWith(QLatin1Char('/')))
                s.chop(1);
            return s;
        };
        if (trimmed(response.iss) != trimmed(m_parameters.issuer))
            return finish(std::nullopt,
                          {FailureKind::Configuration, QStringLiteral("issuer_mismatch"),
                           tr("the sign-in response came from the issuer \"%1\", not \"%2\"; "
                              "it was refused")
                                   .arg(response.iss.left(200), m_parameters.issuer),
                           std::nullopt, 0});
    }
    m_receiver->close(); // open only for the attempt
    const HttpRequest request =
            buildTokenRequest(m_parameters.tokenEndpoint, m_parameters.body, m_parameters.client,
                              {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                               {QStringLiteral("code"), response.code},
                               {QStringLiteral("redirect_uri"), m_redirectUri},
                               {QStringLiteral("code_verifier"), QString::fromLatin1(m_verifier)}});
    m_exchange = m_tokens->send(request);
    connect(m_exchange, &TokenExchange::tokenExchangeFinished, this,
            [this](const TokenOutcome &outcome) {
                if (outcome.ok())
                    return finish(outcome.response, {});
                Failure failure = outcome.failure;
                // An authorization code that the server rejects is spent; the user signs in again.
                if (failure.kind == FailureKind::Reconnect)
                    failure.message =
                            tr("the provider did not accept the sign-in (%1); run it again")
                                    .arg(failure.code);
                finish(std::nullopt, failure);
            });
}

void AuthorizationFlow::finish(const std::optional<TokenResponse> &response, const Failure &failure)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_receiver->close();
    Q_EMIT authorizationFinished(response, failure);
}

} // namespace tether
