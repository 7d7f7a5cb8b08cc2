#pragma once

#include "oauth/tokenrequest.h"
#include "oauth/tokenresponse.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tether {

class TokenClient;
class HttpExchange;
class TokenExchange;

struct DeviceParameters
{
    QUrl deviceAuthorizationEndpoint;
    QUrl tokenEndpoint;
    ClientCredentials client;
    BodyEncoding body = BodyEncoding::Form; // of the token requests; RFC 8628 §3.1 is always form
    QString scope;
};

// What the person is shown while signing in on another device (RFC 8628 §3.2).
struct DeviceCode
{
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete; // with the code in it, for a link or a QR code; may be empty
    QDateTime expiresAt;
};

// The device authorization grant (RFC 8628): asks for a device and user code, then polls the
// token endpoint at the server's interval until the person has approved on another device —
// authorization_pending waits, slow_down adds 5 s (§3.5), access_denied and expired_token end
// it. For machines whose browser cannot reach a loopback listener (SSH, headless).
class DeviceFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceFlow)

public:
    static constexpr int kDefaultIntervalSeconds = 5;

    DeviceFlow(TokenClient *tokens, const DeviceParameters &parameters, QObject *parent = nullptr);
    void start();
    void cancel();

    // The interval the server asked for, in seconds (§3.5: slow_down adds 5 to it).
    int intervalSeconds() const { return m_intervalSeconds; }
    // For tests: polls after `milliseconds` instead of the server's interval (which is still
    // kept, and raised by slow_down).
    void setPollWaitForTests(int milliseconds) { m_pollWaitMs = milliseconds; }

Q_SIGNALS:
    void deviceCodeReceived(const tether::DeviceCode &code);
    void authorizationFinished(const std::optional<tether::TokenResponse> &response,
                               const tether::Failure &failure);

private:
    void poll();
    int pollWaitMs() const;
    void finish(const std::optional<TokenResponse> &response, const Failure &failure);

    TokenClient *m_tokens;
    DeviceParameters m_parameters;
    QString m_deviceCode;
    QDateTime m_expiresAt;
    int m_intervalSeconds = kDefaultIntervalSeconds;
    int m_pollWaitMs = -1;
    QTimer m_next;
    QPointer<HttpExchange> m_request;
    QPointer<TokenExchange> m_exchange;
    bool m_finished = false;
};

// Parses a device authorization response (RFC 8628 §3.2); nullopt with `error` when unusable.
std::optional<DeviceCode> parseDeviceAuthorization(const QByteArray &body, const QDateTime &now,
                                                   QString *deviceCode, int *interval,
                                                   QString *error);

} // namespace tether
