#include "authorizationflow.h"

#include "core/text.h"
#include "oauth/pkce.h"
#include "oauth/tokenclient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tether {

namespace {

QString withoutTrailingSlash(QString s)
{
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}

// The claims of a JWT, unverified: the id_token came straight from the token endpoint over the
// connection Tether opened (OpenID Connect Core §3.1.3.7 lets TLS stand in for its signature).
QJsonObject jwtClaims(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    const auto payload = QByteArray::fromBase64Encoding(
            parts.at(1).toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return payload ? QJsonDocument::fromJson(*payload).object() : QJsonObject();
}

} // namespace

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
        QString message = m_parameters.timeoutMs < 60'000
                                  ? tr("the sign-in was not completed within %n second(s)", nullptr,
                                       m_parameters.timeoutMs / 1000)
                                  : tr("the sign-in was not completed within %n minute(s)", nullptr,
                                       m_parameters.timeoutMs / 60'000);
        if (m_lastRefusal)
            message += QStringLiteral("; ") + m_lastRefusal->message;
        finish(std::nullopt, Failure::reconnect(QStringLiteral("sign_in_timeout"), message));
    });
    m_noCallback.setSingleShot(true);
    connect(&m_noCallback, &QTimer::timeout, this, [this] {
        Q_EMIT noticed(tr("Nothing has come back from the provider yet. If it showed an error "
                          "about the redirect URI, it accepts only the one registered for your "
                          "application: set the account's redirect URI to it (a fixed loopback "
                          "port, such as http://127.0.0.1:8400/callback)."));
    });
    connect(m_receiver, &LoopbackReceiver::callbackSeen, &m_noCallback, &QTimer::stop);
    connect(m_receiver, &LoopbackReceiver::authorizationReceived, this, &AuthorizationFlow::onCode);
    connect(m_receiver, &LoopbackReceiver::authorizationRefused, this,
            [this](const Failure &failure) {
                m_lastRefusal = failure;
                Q_EMIT noticed(tr("%1. Still waiting: sign in again from the start, or cancel.")
                                       .arg(failure.message));
            });
}

AuthorizationFlow::~AuthorizationFlow() = default;

void AuthorizationFlow::start()
{
    QString error;
    if (!m_receiver->listen(m_parameters.fixedPort, m_parameters.callbackPath, &error))
        return finish(std::nullopt, Failure::temporary(QStringLiteral("listen_failed"), error));
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
    // OpenID Connect: a fresh nonce with every authentication request, checked in the id_token
    // that comes back (some servers refuse a request without one).
    if (m_parameters.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts)
                .contains(QLatin1String("openid"))) {
        m_nonce = pkce::newState();
        add(QStringLiteral("nonce"), QString::fromLatin1(m_nonce));
    }
    for (const auto &[key, value] : m_parameters.extraParameters)
        add(key, value);
    m_url = m_parameters.authorizationEndpoint;
    m_url.setQuery(query);

    m_timeout.start(m_parameters.timeoutMs);
    m_noCallback.start(m_parameters.noCallbackHintMs);
    const bool opened = m_opener && m_opener(m_url);
    Q_EMIT browserOpened(m_url, opened);
}

void AuthorizationFlow::cancel()
{
    if (m_exchange)
        m_exchange->abort();
    finish(std::nullopt, Failure::reconnect(QStringLiteral("sign_in_cancelled"),
                                            tr("the sign-in was cancelled")));
}

void AuthorizationFlow::onCode(const AuthorizationResponse &response)
{
    m_noCallback.stop();
    // RFC 9207: a response naming another issuer is a mix-up attack; one without the `iss` a
    // server always sends may be one too.
    const bool missing = response.iss.isEmpty() && m_parameters.issuerRequired;
    const bool other =
            !response.iss.isEmpty() && !m_parameters.issuer.isEmpty()
            && withoutTrailingSlash(response.iss) != withoutTrailingSlash(m_parameters.issuer);
    if (missing || other) {
        const Failure refused = Failure::configuration(
                QStringLiteral("issuer_mismatch"),
                missing ? tr("the sign-in response carried no issuer although %1 always sends "
                             "one; it was refused")
                                  .arg(m_parameters.issuer)
                        : tr("the sign-in response came from the issuer \"%1\", not \"%2\"; it "
                             "was refused")
                                  .arg(text::fromServer(response.iss), m_parameters.issuer));
        return finish(std::nullopt, refused);
    }
    const HttpRequest request =
            buildTokenRequest(m_parameters.tokenEndpoint, m_parameters.body, m_parameters.client,
                              {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                               {QStringLiteral("code"), response.code},
                               {QStringLiteral("redirect_uri"), m_redirectUri},
                               {QStringLiteral("code_verifier"), QString::fromLatin1(m_verifier)}});
    m_exchange = m_tokens->send(request, {}, TokenGrant::CodeExchange);
    connect(m_exchange, &TokenExchange::tokenExchangeFinished, this,
            [this](const TokenOutcome &outcome) {
                if (outcome.ok()) {
                    if (auto mismatch = checkNonce(*outcome.response))
                        return finish(std::nullopt, *mismatch);
                    return finish(outcome.response, {});
                }
                // Named for what it is: the code exchange of this sign-in (a rejected code is
                // spent: the user signs in again).
                finish(std::nullopt, outcome.failure);
            });
}

std::optional<Failure> AuthorizationFlow::checkNonce(const TokenResponse &response) const
{
    if (m_nonce.isEmpty() || response.idToken.isEmpty())
        return std::nullopt; // not an OpenID sign-in, or a server that sends no id_token
    const QJsonValue nonce = jwtClaims(response.idToken).value(QStringLiteral("nonce"));
    if (nonce.isString() && nonce.toString() == QString::fromLatin1(m_nonce))
        return std::nullopt;
    // Not the answer to this sign-in (a replayed or injected id_token): nothing is stored.
    return Failure::reconnect(
            QStringLiteral("nonce_mismatch"),
            nonce.isUndefined()
                    ? tr("the sign-in's id_token carried no nonce although Tether sent one; it "
                         "was refused: sign in again")
                    : tr("the sign-in's id_token carried another nonce than the one Tether sent; "
                         "it was refused: sign in again"));
}

void AuthorizationFlow::finish(const std::optional<TokenResponse> &response, const Failure &failure)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_noCallback.stop();
    // The browser that brought the code hears how it ended, and only then does the flow end: the
    // process may quit right after, and the page must not be lost with it.
    if (!m_receiver->browserWaiting()) {
        m_receiver->close();
        return Q_EMIT authorizationFinished(response, failure);
    }
    connect(m_receiver, &LoopbackReceiver::callbackDelivered, this, [this, response, failure] {
        m_receiver->close();
        Q_EMIT authorizationFinished(response, failure);
    });
    m_receiver->completeCallback(response.has_value(),
                                 response ? tr("Tether is connected. You can close this tab.")
                                          : failure.message);
}

} // namespace tether
