#include "discovery.h"

#include "core/text.h"
#include "oauth/endpointpolicy.h"
#include "oauth/httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Discovery)
};

QString withoutTrailingSlash(QString text)
{
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray items = value.toArray();
    for (const auto &v : items) {
        if (v.isString())
            out << v.toString();
    }
    return out;
}

} // namespace

QList<QUrl> discoveryUrls(const QUrl &issuer)
{
    const QString path = withoutTrailingSlash(issuer.path());
    QUrl openid = issuer;
    openid.setPath(path + QStringLiteral("/.well-known/openid-configuration"));
    QUrl oauth = issuer;
    oauth.setPath(QStringLiteral("/.well-known/oauth-authorization-server") + path);
    return {openid, oauth};
}

std::optional<DiscoveryDocument> parseDiscovery(const QByteArray &json,
                                                const QString &expectedIssuer, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = Text::tr("the discovery document is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    DiscoveryDocument d;
    d.issuer = o.value(QStringLiteral("issuer")).toString();
    // OpenID Connect Discovery §4.3 / RFC 8414 §3.3: the issuer must be the one asked for, or
    // the document may be an attacker's.
    if (d.issuer.isEmpty()
        || withoutTrailingSlash(d.issuer) != withoutTrailingSlash(expectedIssuer)) {
        *error = Text::tr("the discovery document names the issuer \"%1\", not \"%2\"")
                         .arg(text::fromServer(d.issuer), expectedIssuer);
        return std::nullopt;
    }
    const bool loopbackIssuer = isLoopbackHost(QUrl(d.issuer));
    auto endpoint = [&](const char *key, bool required, QUrl *out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                *error = Text::tr("the discovery document has no %1").arg(QLatin1String(key));
            return !required;
        }
        const QUrl url(v.toString(), QUrl::StrictMode);
        // Endpoints follow the issuer's security: https, or plain http only on a loopback issuer.
        if (!v.isString() || checkEndpoint(url, loopbackIssuer && isLoopbackHost(url))) {
            *error = Text::tr("the discovery document's %1 is not an acceptable URL")
                             .arg(QLatin1String(key));
            return false;
        }
        *out = url;
        return true;
    };
    if (!endpoint("authorization_endpoint", true, &d.authorizationEndpoint)
        || !endpoint("token_endpoint", true, &d.tokenEndpoint)
        || !endpoint("revocation_endpoint", false, &d.revocationEndpoint)
        || !endpoint("device_authorization_endpoint", false, &d.deviceAuthorizationEndpoint)
        || !endpoint("userinfo_endpoint", false, &d.userinfoEndpoint))
        return std::nullopt;
    d.codeChallengeMethods = strings(o.value(QStringLiteral("code_challenge_methods_supported")));
    if (!d.codeChallengeMethods.contains(QLatin1String("S256"))) {
        *error = QStringLiteral(
                "the server does not offer PKCE with S256 "
                "(code_challenge_methods_supported); Tether will not sign in without it");
        return std::nullopt;
    }
    d.tokenEndpointAuthMethods =
            strings(o.value(QStringLiteral("token_endpoint_auth_methods_supported")));
    if (d.tokenEndpointAuthMethods.isEmpty())
        d.tokenEndpointAuthMethods = {QStringLiteral("client_secret_basic")}; // the default
    d.issuerParameterSupported =
            o.value(QStringLiteral("authorization_response_iss_parameter_supported")).toBool();
    return d;
}

ClientAuth chooseClientAuth(const DiscoveryDocument &document, bool hasSecret,
                            std::optional<ClientAuth> requested, QString *warning)
{
    auto method = [](ClientAuth auth) {
        switch (auth) {
        case ClientAuth::Basic:
            return QStringLiteral("client_secret_basic");
        case ClientAuth::Post:
            return QStringLiteral("client_secret_post");
        case ClientAuth::None:
            return QStringLiteral("none");
        }
        return QString();
    };
    auto offered = [&](ClientAuth auth) {
        return document.tokenEndpointAuthMethods.contains(method(auth));
    };
    ClientAuth chosen = ClientAuth::None;
    if (requested)
        chosen = *requested;
    else if (hasSecret)
        chosen = offered(ClientAuth::Basic) || !offered(ClientAuth::Post) ? ClientAuth::Basic
                                                                          : ClientAuth::Post;
    if (!offered(chosen))
        *warning = Text::tr("the server's discovery document lists the client authentication "
                            "methods %1, not %2; using %2 as this client needs it")
                           .arg(document.tokenEndpointAuthMethods.join(QStringLiteral(", ")),
                                method(chosen));
    return chosen;
}

Discovery::Discovery(HttpClient *http, const QString &issuer, bool allowInsecureHttp,
                     QObject *parent)
    : QObject(parent), m_http(http), m_issuer(issuer), m_allowInsecureHttp(allowInsecureHttp)
{ }

void Discovery::start()
{
    const QUrl issuer(m_issuer, QUrl::StrictMode);
    if (auto refused = checkEndpoint(issuer, m_allowInsecureHttp, Endpoint::Issuer))
        return finish(std::nullopt, *refused);
    if (issuer.hasQuery() || issuer.hasFragment())
        return finish(std::nullopt,
                      Failure::badInput(Text::tr("the issuer URL must not have a query or "
                                                 "fragment"),
                                        QStringLiteral("refused_url")));
    m_candidates = discoveryUrls(issuer);
    tryNext();
}

void Discovery::tryNext()
{
    if (m_candidates.isEmpty()) {
        return finish(
                std::nullopt,
                Failure::temporary(QStringLiteral("discovery_failed"),
                                   Text::tr("could not read the discovery document of %1: %2")
                                           .arg(m_issuer, m_problems.join(QStringLiteral("; ")))));
    }
    const QUrl url = m_candidates.takeFirst();
    HttpExchange *exchange = m_http->get(url);
    connect(exchange, &HttpExchange::httpFinished, this, [this, url](const HttpResult &result) {
        if (result.transportFailure) {
            m_problems << result.transportFailure->message;
        } else if (result.response.status != 200) {
            m_problems
                    << Text::tr("%1 answered HTTP %2").arg(url.path()).arg(result.response.status);
        } else {
            QString error;
            if (const auto document = parseDiscovery(result.response.body, m_issuer, &error))
                return finish(document, {});
            // A document that is there but wrong is a response, not a reason to look elsewhere.
            return finish(std::nullopt, Failure::badInput(error, QStringLiteral("bad_discovery")));
        }
        tryNext();
    });
}

void Discovery::finish(const std::optional<DiscoveryDocument> &document, const Failure &failure)
{
    Q_EMIT discoveryFinished(document, failure);
    deleteLater();
}

} // namespace tether
