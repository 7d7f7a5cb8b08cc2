#include "accountvalidation.h"

#include "accounts/accountendpoints.h"
#include "oauth/endpointpolicy.h"
#include "providers/providercatalog.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace tether {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AccountValidation)
};
} // namespace

std::optional<Failure> checkLoopbackRedirect(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QHostAddress host(url.host());
    if (!url.isValid() || url.scheme() != QLatin1String("http") || host.isNull()
        || !host.isLoopback() || url.port() <= 0 || !url.query().isEmpty()
        || !url.fragment().isEmpty())
        return Failure::badInput(Text::tr("the redirect URI must be a loopback address with a "
                                          "port, such as http://127.0.0.1:8400/callback"),
                                 QStringLiteral("refused_url"))
                .withField(QStringLiteral("redirect-uri"));
    return std::nullopt;
}

std::optional<Failure> validateAccount(const ProviderCatalog &catalog, const AccountConfig &config,
                                       bool hasClientSecret, bool discoveryPending)
{
    if (!isValidAccountId(config.id))
        return Failure::badInput(Text::tr("\"%1\" is not a valid account id: use 1 to 64 letters, "
                                          "digits, '.', '_', '@' or '-'")
                                         .arg(config.id.left(80)),
                                 QStringLiteral("bad_account_id"))
                .withField(QStringLiteral("id"));
    const ProviderProfile *profile = catalog.find(config.provider);
    if (!profile)
        return Failure::badInput(Text::tr("there is no provider \"%1\"; the provider list shows "
                                          "the ones there are")
                                         .arg(config.provider.left(80)),
                                 QStringLiteral("unknown_provider"))
                .withField(QStringLiteral("provider"));
    if (config.clientId.trimmed().isEmpty())
        return Failure::badInput(Text::tr("the client id is required: the id the provider "
                                          "registered for your application"),
                                 QStringLiteral("client_id_missing"))
                .withField(QStringLiteral("client-id"));
    if (config.name.size() > 200)
        return Failure::badInput(Text::tr("the name is longer than 200 characters"))
                .withField(QStringLiteral("name"));
    for (const auto &[endpoint, text] :
         {std::pair{Endpoint::Issuer, config.issuer},
          std::pair{Endpoint::Token, config.tokenEndpoint},
          std::pair{Endpoint::Authorization, config.authorizationEndpoint},
          std::pair{Endpoint::Revocation, config.revocationEndpoint},
          std::pair{Endpoint::DeviceAuthorization, config.deviceAuthorizationEndpoint}}) {
        if (text.isEmpty())
            continue;
        if (auto refused =
                    checkEndpoint(QUrl(text, QUrl::StrictMode), config.allowInsecureHttp, endpoint))
            return refused;
    }
    if (!config.redirectUri.isEmpty()) {
        if (auto refused = checkLoopbackRedirect(config.redirectUri))
            return refused;
    }
    if (profile->discovery && config.tokenEndpoint.isEmpty() && config.issuer.isEmpty())
        return Failure::badInput(Text::tr("%1 needs the issuer's URL, where its discovery "
                                          "document is")
                                         .arg(profile->name),
                                 QStringLiteral("issuer_missing"))
                .withField(QStringLiteral("issuer"));
    if (discoveryPending)
        return std::nullopt;

    Failure failure;
    const auto endpoints = resolveEndpoints(*profile, config, &failure);
    if (!endpoints)
        return failure;
    // The profile's own endpoints obey the same rule (EdgeTag documents a plain-http one).
    for (const auto &[endpoint, url] :
         {std::pair{Endpoint::Token, endpoints->token},
          std::pair{Endpoint::Authorization, endpoints->authorization},
          std::pair{Endpoint::Revocation, endpoints->revocation},
          std::pair{Endpoint::DeviceAuthorization, endpoints->deviceAuthorization}}) {
        if (url.isEmpty())
            continue;
        if (auto refused = checkEndpoint(url, config.allowInsecureHttp, endpoint))
            return refused;
    }
    if (endpoints->clientAuth != ClientAuth::None && !hasClientSecret)
        return Failure::badInput(Text::tr("%1 authenticates the client with a secret (client "
                                          "authentication \"%2\"): give the client secret")
                                         .arg(profile->name, nameOf(endpoints->clientAuth)),
                                 QStringLiteral("client_secret_missing"))
                .withField(QStringLiteral("client-secret-stdin"));
    return std::nullopt;
}

} // namespace tether
