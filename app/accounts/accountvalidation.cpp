#include "accountvalidation.h"

#include "accounts/accountendpoints.h"
#include "oauth/endpointpolicy.h"
#include "providers/providercatalog.h"

#include <QCoreApplication>

namespace tether {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AccountValidation)
};

// Whether a setting holds a character that would change what a terminal, a log or a request
// shows: C0 and C1 controls, DEL, and Unicode format characters (bidirectional overrides).
bool hasControl(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

// RFC 6749 §3.3: scope tokens of NQCHAR (%x21 / %x23-5B / %x5D-7E), separated by spaces.
bool isScope(const QString &scope)
{
    for (const QChar c : scope) {
        const char16_t u = c.unicode();
        if (u != u' ' && (u < 0x21 || u > 0x7e || u == u'"' || u == u'\\'))
            return false;
    }
    return true;
}

std::optional<Failure> tooLong(const QString &text, qsizetype limit, const QString &what,
                               const char *field)
{
    if (text.size() <= limit)
        return std::nullopt;
    return Failure::badInput(
                   Text::tr("the %1 is longer than %n characters", nullptr, int(limit)).arg(what),
                   QStringLiteral("too_long"))
            .withField(QString::fromLatin1(field));
}

} // namespace

std::optional<Failure> checkClientSecret(const QString &secret)
{
    if (auto failure =
                tooLong(secret, kMaxSecretLength, Text::tr("client secret"), "client-secret-stdin"))
        return failure;
    if (hasControl(secret))
        return Failure::badInput(Text::tr("the client secret contains control characters; "
                                          "give it without a line break"),
                                 QStringLiteral("bad_text"))
                .withField(QStringLiteral("client-secret-stdin"));
    return std::nullopt;
}

std::optional<Failure> checkLoopbackRedirect(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    // An address, not the name "localhost", which a resolver could send elsewhere (RFC 8252 8.3).
    if (!url.isValid() || url.scheme() != QLatin1String("http") || !isLoopbackAddress(url)
        || url.port() <= 0 || !url.query().isEmpty() || !url.fragment().isEmpty())
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
    // Lengths and characters: the same rules for the command line, the window and D-Bus.
    for (const auto &[text, limit, what, field] :
         {std::tuple{config.name, qsizetype(200), Text::tr("name"), "name"},
          std::tuple{config.clientId, kMaxClientIdLength, Text::tr("client id"), "client-id"},
          std::tuple{config.scope, kMaxScopeLength, Text::tr("scope"), "scope"},
          std::tuple{config.issuer, kMaxUrlLength, Text::tr("issuer"), "issuer"},
          std::tuple{config.tokenEndpoint, kMaxUrlLength, Text::tr("token endpoint"),
                     "token-endpoint"},
          std::tuple{config.authorizationEndpoint, kMaxUrlLength,
                     Text::tr("authorization endpoint"), "authorization-endpoint"},
          std::tuple{config.revocationEndpoint, kMaxUrlLength, Text::tr("revocation endpoint"),
                     "revocation-endpoint"},
          std::tuple{config.deviceAuthorizationEndpoint, kMaxUrlLength,
                     Text::tr("device sign-in endpoint"), "device-authorization-endpoint"},
          std::tuple{config.redirectUri, kMaxUrlLength, Text::tr("redirect URI"),
                     "redirect-uri"}}) {
        if (auto failure = tooLong(text, limit, what, field))
            return failure;
        if (hasControl(text))
            return Failure::badInput(Text::tr("the %1 contains control characters").arg(what),
                                     QStringLiteral("bad_text"))
                    .withField(QString::fromLatin1(field));
    }
    if (!isScope(config.scope))
        return Failure::badInput(Text::tr("the scope must be scope names separated by spaces, "
                                          "each of printable ASCII without quotes or "
                                          "backslashes"),
                                 QStringLiteral("bad_scope"))
                .withField(QStringLiteral("scope"));
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
