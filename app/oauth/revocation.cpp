#include "revocation.h"

#include "oauth/httpclient.h"

#include <QCoreApplication>

namespace tether {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Revocation)
};
} // namespace

Revocation::Revocation(HttpClient *http, const QUrl &endpoint, const ClientCredentials &client,
                       const QString &token, TokenType type, QObject *parent)
    : QObject(parent),
      m_http(http),
      m_request(buildTokenRequest(endpoint, BodyEncoding::Form, client,
                                  {{QStringLiteral("token"), token},
                                   {QStringLiteral("token_type_hint"),
                                    type == TokenType::Refresh ? QStringLiteral("refresh_token")
                                                               : QStringLiteral("access_token")}}))
{ }

void Revocation::start()
{
    HttpExchange *exchange = m_http->post(m_request);
    connect(exchange, &HttpExchange::httpFinished, this, [this](const HttpResult &result) {
        Result outcome;
        if (result.transportFailure)
            outcome.problem = result.transportFailure->message;
        else if (result.response.status != 200)
            outcome.problem = Text::tr("HTTP %1").arg(result.response.status);
        else
            outcome.confirmed = true;
        Q_EMIT revocationFinished(outcome);
        deleteLater();
    });
}

} // namespace tether
