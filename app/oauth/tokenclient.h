#pragma once

#include "core/clock.h"
#include "oauth/httpclient.h"

namespace tether {

// One exchange with a token endpoint: the HTTP response interpreted as a token response. Emits
// tokenExchangeFinished exactly once and deletes itself afterwards.
class TokenExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenExchange)

public:
    void abort();

Q_SIGNALS:
    void tokenExchangeFinished(const tether::TokenOutcome &outcome);

private:
    friend class TokenClient;
    TokenExchange(HttpExchange *exchange, TokenGrant grant, const Clock &clock, QObject *parent);

    QPointer<HttpExchange> m_exchange;
};

// Sends token requests (refresh, code exchange) and classifies their answers.
class TokenClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenClient)

public:
    explicit TokenClient(QObject *parent = nullptr);

    HttpClient *http() const { return m_http; }
    // The engine's clock: answers are read against it (Retry-After dates, expires_in).
    const Clock &clock() const { return *m_clock; }
    void setClock(const Clock &clock) { m_clock = &clock; }
    void setTimeout(qint64 milliseconds) { m_http->setTimeout(milliseconds); }
    void setMaxResponseBytes(qint64 bytes) { m_http->setMaxResponseBytes(bytes); }

    // The caller checks the endpoint policy first (checkEndpoint); the client only sends.
    // beforeSending: see BeforeSending.
    TokenExchange *send(const HttpRequest &request, BeforeSending beforeSending = {},
                        TokenGrant grant = TokenGrant::Refresh);

private:
    HttpClient *m_http;
    const Clock *m_clock = &SystemClock::instance();
};

} // namespace tether
