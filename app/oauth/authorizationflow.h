#pragma once

#include "oauth/loopbackreceiver.h"
#include "oauth/tokenrequest.h"
#include "oauth/tokenresponse.h"
#include "system/browser.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tether {

class TokenClient;
class TokenExchange;

struct AuthorizationParameters
{
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    ClientCredentials client;
    BodyEncoding body = BodyEncoding::Form;
    QString scope;
    Parameters extraParameters; // the profile's, e.g. prompt=consent
    quint16 fixedPort = 0; // the account's registered loopback port, 0 for any free one
    QString callbackPath = QStringLiteral("/callback");
    QString issuer; // checked against an `iss` in the response (RFC 9207)
    bool issuerRequired = false; // the server says it always sends `iss`: refuse a response without
    int timeoutMs = 5 * 60 * 1000;
    // With no request at the callback after this long, a hint about the usual cause (a redirect
    // URI the server does not accept) is given.
    int noCallbackHintMs = 60 * 1000;
};

// The authorization code flow of a native app (RFC 8252) with PKCE (RFC 7636): a fresh verifier
// and state, a loopback listener open only for this attempt, the user's browser, the code
// exchanged with the same verifier and redirect_uri; for an OpenID sign-in, a fresh nonce that
// the returned id_token must carry. Ends with authorizationFinished, once:
// on success, on cancel(), on an exchange that failed, or at the timeout. A refusal that comes
// back through the browser only produces a notice (see LoopbackReceiver).
class AuthorizationFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationFlow)

public:
    AuthorizationFlow(TokenClient *tokens, const AuthorizationParameters &parameters,
                      BrowserOpener opener, QObject *parent = nullptr);
    ~AuthorizationFlow() override;

    void start();
    void cancel();
    QUrl authorizationUrl() const { return m_url; }

Q_SIGNALS:
    // The URL the user signs in at; `opened` says whether a browser was started for it.
    void browserOpened(const QUrl &url, bool opened);
    // Something the person should know while the flow waits (it goes on waiting).
    void noticed(const QString &notice);
    void authorizationFinished(const std::optional<tether::TokenResponse> &response,
                               const tether::Failure &failure);

private:
    void onCode(const AuthorizationResponse &response);
    std::optional<Failure> checkNonce(const TokenResponse &response) const;
    void finish(const std::optional<TokenResponse> &response, const Failure &failure);

    TokenClient *m_tokens;
    AuthorizationParameters m_parameters;
    BrowserOpener m_opener;
    LoopbackReceiver *m_receiver;
    QTimer m_timeout;
    QTimer m_noCallback;
    QByteArray m_verifier;
    QByteArray m_state;
    QByteArray m_nonce; // sent when the scope asks for OpenID Connect (`openid`)
    QString m_redirectUri;
    QUrl m_url;
    std::optional<Failure> m_lastRefusal;
    QPointer<TokenExchange> m_exchange;
    bool m_finished = false;
};

} // namespace tether
