#include "accountendpoints.h"

namespace tether {

namespace {

QUrl resolve(const QString &templ, const QString &override, const QString &tenant)
{
    if (!override.isEmpty())
        return QUrl(override, QUrl::StrictMode);
    if (templ.isEmpty() || (tenant.isEmpty() && templ.contains(QLatin1String("{tenant}"))))
        return {};
    QString text = templ;
    text.replace(QStringLiteral("{tenant}"), tenant);
    return QUrl(text, QUrl::StrictMode);
}

} // namespace

std::optional<AccountEndpoints> resolveEndpoints(const ProviderProfile &profile,
                                                 const AccountConfig &config, Failure *failure)
{
    const QString tenant = QUrl(config.issuer).host();
    if (profile.needsTenant() && tenant.isEmpty() && config.tokenEndpoint.isEmpty()) {
        *failure = Failure::badInput(
                QStringLiteral("%1 needs your tenant domain: add the account with --issuer "
                               "https://YOUR-TENANT.example.com (or --token-endpoint URL)")
                        .arg(profile.name),
                QStringLiteral("tenant_missing"));
        return std::nullopt;
    }
    AccountEndpoints endpoints;
    endpoints.token = resolve(profile.tokenEndpoint, config.tokenEndpoint, tenant);
    endpoints.authorization =
            resolve(profile.authorizationEndpoint, config.authorizationEndpoint, tenant);
    endpoints.revocation = resolve(profile.revocationEndpoint, config.revocationEndpoint, tenant);
    endpoints.clientAuth = config.clientAuth.value_or(profile.clientAuth);
    if (endpoints.token.isEmpty()) {
        *failure = Failure::badInput(
                QStringLiteral("account %1 has no token endpoint; add it with --token-endpoint URL")
                        .arg(config.id),
                QStringLiteral("endpoint_missing"));
        return std::nullopt;
    }
    return endpoints;
}

} // namespace tether
