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
    int timeoutMs = 5 * 60 * 1000;
};

// The authorization code flow of a native app (RFC 8252) with PKCE (RFC 7636): a fresh verifier
// and state, a loopback listener open only for this attempt, the user's browser, the code
// exchanged with the same verifier and redirect_uri. Ends with authorizationFinished, once.
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
    void authorizationFinished(const std::optional<tether::TokenResponse> &response,
                               const tether::Failure &failure);

private:
    void onCode(const AuthorizationResponse &response);
    void finish(const std::optional<TokenResponse> &response, const Failure &failure);

    TokenClient *m_tokens;
    AuthorizationParameters m_parameters;
    BrowserOpener m_opener;
    LoopbackReceiver *m_receiver;
    QTimer m_timeout;
    QByteArray m_verifier;
    QByteArray m_state;
    QString m_redirectUri;
    QUrl m_url;
    QPointer<TokenExchange> m_exchange;
    bool m_finished = false;
};

} // namespace tether
