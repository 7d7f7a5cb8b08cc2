#include "deviceflow.h"

#include "core/text.h"
#include "oauth/endpointpolicy.h"
#include "oauth/httpclient.h"
#include "oauth/tokenclient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tether {

namespace {

const QString kGrantType = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

} // namespace

std::optional<DeviceCode> parseDeviceAuthorization(const QByteArray &body, const QDateTime &now,
                                                   QString *deviceCode, int *interval,
                                                   QString *error)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString device = o.value(QStringLiteral("device_code")).toString();
    const QString user = o.value(QStringLiteral("user_code")).toString();
    // RFC 8628 names it verification_uri; some servers (Google) say verification_url.
    QString uri = o.value(QStringLiteral("verification_uri")).toString();
    if (uri.isEmpty())
        uri = o.value(QStringLiteral("verification_url")).toString();
    const QUrl verification(uri, QUrl::StrictMode);
    const QUrl complete(o.value(QStringLiteral("verification_uri_complete")).toString(),
                        QUrl::StrictMode);
    const double expiresIn = o.value(QStringLiteral("expires_in")).toDouble(0);
    if (device.isEmpty() || device.size() > 4096 || user.isEmpty() || user.size() > 64
        || text::fromServer(user, 64) != user || !verification.isValid()
        || (verification.scheme() != QLatin1String("https")
            && !(verification.scheme() == QLatin1String("http") && isLoopbackHost(verification)))
        || expiresIn < 1) {
        *error = DeviceFlow::tr("the device authorization response is not usable");
        return std::nullopt;
    }
    DeviceCode code;
    code.userCode = user;
    code.verificationUri = verification;
    if (complete.isValid() && complete.scheme() == verification.scheme()
        && complete.host() == verification.host())
        code.verificationUriComplete = complete;
    code.expiresAt = now.addSecs(qint64(std::min(expiresIn, 3600.0)));
    *deviceCode = device;
    const double seconds = o.value(QStringLiteral("interval")).toDouble(0);
    *interval = seconds >= 1 && seconds <= 300 ? int(seconds) : DeviceFlow::kDefaultIntervalSeconds;
    return code;
}

DeviceFlow::DeviceFlow(TokenClient *tokens, const DeviceParameters &parameters, QObject *parent)
    : QObject(parent), m_tokens(tokens), m_parameters(parameters)
{
    m_next.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, &DeviceFlow::poll);
}

void DeviceFlow::start()
{
    Parameters parameters;
    if (!m_parameters.scope.isEmpty())
        parameters.append({QStringLiteral("scope"), m_parameters.scope});
    ClientCredentials client = m_parameters.client;
    // §3.1: the client identifies itself; a confidential client authenticates as it would at
    // the token endpoint.
    const HttpRequest request = buildTokenRequest(m_parameters.deviceAuthorizationEndpoint,
                                                  BodyEncoding::Form, client, parameters);
    m_request = m_tokens->http()->post(request);
    connect(m_request, &HttpExchange::httpFinished, this, [this](const HttpResult &result) {
        if (result.transportFailure) { // named for the step: the code was never received
            Failure failure = *result.transportFailure;
            failure.message = tr("could not get a sign-in code: %1").arg(failure.message);
            return finish(std::nullopt, failure);
        }
        if (result.response.status != 200) {
            // The same reading as a token endpoint's error (§3.2 refers to RFC 6749 §5.2).
            TokenOutcome outcome = interpretTokenResponse(
                    result.response, m_tokens->clock().nowUtc(), TokenGrant::DevicePoll);
            if (outcome.ok()) // a 2xx that is not 200
                outcome.failure =
                        Failure::temporary(QStringLiteral("malformed_answer"),
                                           tr("the device authorization endpoint answered HTTP %1")
                                                   .arg(result.response.status));
            if (outcome.failure.kind == FailureKind::Reconnect)
                outcome.failure.kind = FailureKind::Configuration;
            return finish(std::nullopt, outcome.failure);
        }
        QString error;
        const auto code = parseDeviceAuthorization(result.response.body, m_tokens->clock().nowUtc(),
                                                   &m_deviceCode, &m_intervalSeconds, &error);
        if (!code)
            return finish(std::nullopt,
                          Failure::temporary(QStringLiteral("malformed_answer"), error));
        m_expiresAt = code->expiresAt;
        Q_EMIT deviceCodeReceived(*code);
        m_next.start(pollWaitMs());
    });
}

void DeviceFlow::poll()
{
    if (m_tokens->clock().nowUtc() >= m_expiresAt)
        return finish(std::nullopt,
                      Failure::reconnect(QStringLiteral("expired_token"),
                                         tr("the code expired before the sign-in was approved; "
                                            "start again")));
    const HttpRequest request =
            buildTokenRequest(m_parameters.tokenEndpoint, m_parameters.body, m_parameters.client,
                              {{QStringLiteral("grant_type"), kGrantType},
                               {QStringLiteral("device_code"), m_deviceCode}});
    m_exchange = m_tokens->send(request, {}, TokenGrant::DevicePoll);
    connect(m_exchange, &TokenExchange::tokenExchangeFinished, this,
            [this](const TokenOutcome &outcome) {
                if (outcome.ok())
                    return finish(outcome.response, {});
                const QString code = outcome.failure.code;
                const int wait = pollWaitMs();
                if (code == QLatin1String("authorization_pending"))
                    return m_next.start(wait);
                if (code == QLatin1String("slow_down")) {
                    m_intervalSeconds += 5; // §3.5: for this and every later request
                    return m_next.start(pollWaitMs());
                }
                if (code == QLatin1String("access_denied"))
                    return finish(std::nullopt,
                                  Failure::reconnect(code, tr("the sign-in was denied on the "
                                                              "other device")));
                if (code == QLatin1String("expired_token"))
                    return finish(std::nullopt,
                                  Failure::reconnect(code, tr("the code expired before the "
                                                              "sign-in was approved; start "
                                                              "again")));
                if (outcome.failure.kind == FailureKind::Temporary && !outcome.responseLost)
                    return m_next.start(wait); // a network hiccup: the code is still good
                Failure failure = outcome.failure;
                failure.message = tr("could not learn whether the sign-in was approved: %1")
                                          .arg(failure.message);
                finish(std::nullopt, failure);
            });
}

int DeviceFlow::pollWaitMs() const
{
    return m_pollWaitMs >= 0 ? m_pollWaitMs : m_intervalSeconds * 1000;
}

void DeviceFlow::cancel()
{
    if (m_request)
        m_request->abort();
    if (m_exchange)
        m_exchange->abort();
    finish(std::nullopt, Failure::reconnect(QStringLiteral("sign_in_cancelled"),
                                            tr("the sign-in was cancelled")));
}

void DeviceFlow::finish(const std::optional<TokenResponse> &response, const Failure &failure)
{
    if (m_finished)
        return;
    m_finished = true;
    m_next.stop();
    Q_EMIT authorizationFinished(response, failure);
}

} // namespace tether
