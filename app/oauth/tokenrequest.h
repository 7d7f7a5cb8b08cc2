#pragma once

#include "providers/providerprofile.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <QUrl>

namespace tether {

struct ClientCredentials
{
    QString clientId;
    QString clientSecret;
    ClientAuth auth = ClientAuth::Basic;
    BasicEncoding basicEncoding = BasicEncoding::Form;
};

// One POST to a token endpoint, as plain data, so building it is testable without a network.
struct HttpRequest
{
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    QNetworkRequest toNetworkRequest() const;
};

// The form or JSON body and the client authentication of a token request (RFC 6749 §2.3, §3.2).
HttpRequest buildTokenRequest(const QUrl &endpoint, BodyEncoding body,
                              const ClientCredentials &client, const Parameters &parameters);

// grant_type=refresh_token with the profile's extras (RFC 6749 §6).
HttpRequest buildRefreshRequest(const ProviderProfile &profile, const QUrl &endpoint,
                                const ClientCredentials &client, const QString &refreshToken,
                                const QString &scope);

QByteArray formEncode(const Parameters &parameters);

} // namespace tether
