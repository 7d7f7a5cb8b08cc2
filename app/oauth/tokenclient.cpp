#include "tokenclient.h"

namespace tether {

TokenExchange::TokenExchange(HttpExchange *exchange, QObject *parent)
    : QObject(parent), m_exchange(exchange)
{
    connect(exchange, &HttpExchange::httpFinished, this, [this](const HttpResult &result) {
        TokenOutcome outcome;
        if (result.transportFailure) {
            outcome.failure = *result.transportFailure;
            outcome.responseLost = result.responseLost;
        } else {
            outcome = interpretTokenResponse(result.response, QDateTime::currentDateTimeUtc());
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

TokenExchange *TokenClient::send(const HttpRequest &request, BeforeSending beforeSending)
{
    return new TokenExchange(m_http->post(request, std::move(beforeSending)), this);
}

} // namespace tether
