#pragma once

#include "core/failure.h"
#include "providers/providerprofile.h"

#include <QObject>
#include <QUrl>

#include <optional>

namespace tether {

class HttpClient;

// The parts of an OpenID Provider / OAuth Authorization Server metadata document Tether uses.
struct DiscoveryDocument
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint;
    QUrl deviceAuthorizationEndpoint; // RFC 8628 §4
    QUrl userinfoEndpoint;
    QStringList codeChallengeMethods;
    QStringList tokenEndpointAuthMethods;
    bool issuerParameterSupported =
            false; // RFC 9207 authorization_response_iss_parameter_supported
};

// Where to look, in order: OpenID Connect Discovery 1.0 §4 (appended), then RFC 8414 §3
// (inserted between host and path).
QList<QUrl> discoveryUrls(const QUrl &issuer);

// Validates a metadata document: a JSON object whose issuer is the one asked for, with https
// (or loopback) authorization and token endpoints and S256 among the PKCE methods.
std::optional<DiscoveryDocument> parseDiscovery(const QByteArray &json,
                                                const QString &expectedIssuer, QString *error);

// The client authentication to use with this server. The document's list is advice, not a fence
// (several real servers serve public clients with PKCE without listing "none"): an explicit
// request always wins; otherwise basic, then post when the client has a secret, none when it
// has not. `warning` says when the choice is one the document does not list.
ClientAuth chooseClientAuth(const DiscoveryDocument &document, bool hasSecret,
                            std::optional<ClientAuth> requested, QString *warning);

// Fetches and validates the document for an issuer. Emits discoveryFinished once, then deletes
// itself.
class Discovery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Discovery)

public:
    Discovery(HttpClient *http, const QString &issuer, bool allowInsecureHttp,
              QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void discoveryFinished(const std::optional<tether::DiscoveryDocument> &document,
                           const tether::Failure &failure);

private:
    void tryNext();
    void finish(const std::optional<DiscoveryDocument> &document, const Failure &failure);

    HttpClient *m_http;
    QString m_issuer;
    bool m_allowInsecureHttp;
    QList<QUrl> m_candidates;
    QStringList m_problems;
};

} // namespace tether
