#include "tokenrequest.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tether {

QByteArray formEncode(const Parameters &parameters)
{
    QByteArray out;
    for (const auto &[name, value] : parameters) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QNetworkRequest HttpRequest::toNetworkRequest() const
{
    QNetworkRequest request(url);
    for (const auto &[key, value] : headers)
        request.setRawHeader(key, value);
    // Credentials must never follow a redirect to another place.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // HTTP/1.1 only: one request per connection attempt, no stream-level retries.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    return request;
}

HttpRequest buildTokenRequest(const QUrl &endpoint, BodyEncoding body,
                              const ClientCredentials &client, const Parameters &parameters)
{
    HttpRequest request;
    request.url = endpoint;
    Parameters all = parameters;
    switch (client.auth) {
    case ClientAuth::Basic: {
        // RFC 6749 §2.3.1: both parts form-urlencoded before they are joined and base64-encoded
        // (the profile may say its server never decodes them).
        const bool form = client.basicEncoding == BasicEncoding::Form;
        const QByteArray pair =
                (form ? QUrl::toPercentEncoding(client.clientId) : client.clientId.toUtf8()) + ':'
                + (form ? QUrl::toPercentEncoding(client.clientSecret)
                        : client.clientSecret.toUtf8());
        request.headers.append(
                qMakePair(QByteArray("Authorization"), QByteArray("Basic " + pair.toBase64())));
        break;
    }
    case ClientAuth::Post:
        all.append(qMakePair(QStringLiteral("client_id"), client.clientId));
        all.append(qMakePair(QStringLiteral("client_secret"), client.clientSecret));
        break;
    case ClientAuth::None:
        all.append(qMakePair(QStringLiteral("client_id"), client.clientId));
        break;
    }

    if (body == BodyEncoding::Json) {
        QJsonObject object;
        for (const auto &[name, value] : all)
            object.insert(name, value);
        request.headers.append(
                qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        request.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    } else {
        request.headers.append(qMakePair(QByteArray("Content-Type"),
                                         QByteArray("application/x-www-form-urlencoded")));
        request.body = formEncode(all);
    }
    request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    return request;
}

HttpRequest buildRefreshRequest(const ProviderProfile &profile, const QUrl &endpoint,
                                const ClientCredentials &client, const QString &refreshToken,
                                const QString &scope)
{
    Parameters parameters{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                          {QStringLiteral("refresh_token"), refreshToken}};
    if (profile.sendScopeOnRefresh && !scope.isEmpty())
        parameters.append({QStringLiteral("scope"), scope});
    parameters += profile.extraRefreshParameters;
    return buildTokenRequest(endpoint, profile.body, client, parameters);
}

} // namespace tether
