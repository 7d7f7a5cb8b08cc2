#include "tokenclient.h"

namespace tether {

TokenExchange::TokenExchange(HttpExchange *exchange, TokenGrant grant, const Clock &clock,
                             QObject *parent)
    : QObject(parent), m_exchange(exchange)
{
    connect(exchange, &HttpExchange::httpFinished, this,
            [this, grant, &clock](const HttpResult &result) {
                TokenOutcome outcome;
                if (result.transportFailure) {
                    outcome.failure = *result.transportFailure;
                    outcome.responseLost = result.responseLost;
                } else {
                    outcome = interpretTokenResponse(result.response, clock.nowUtc(), grant);
                }
                Q_EMIT tokenExchangeFinished(outcome);
                deleteLater();
            });
}

void TokenExchange::abort()
{
    if (m_exchange)
        m_exchange->abort();
}

TokenClient::TokenClient(QObject *parent) : QObject(parent), m_http(new HttpClient(this)) { }

TokenExchange *TokenClient::send(const HttpRequest &request, BeforeSending beforeSending,
                                 TokenGrant grant)
{
    return new TokenExchange(m_http->post(request, std::move(beforeSending)), grant, *m_clock,
                             this);
}

} // namespace tether
