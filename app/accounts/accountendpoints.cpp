#include "accountendpoints.h"

#include <QCoreApplication>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AccountEndpoints)
};

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
    const QString tenant = profile.tenantOf(config.issuer);
    if (profile.needsTenant() && tenant.isEmpty() && config.tokenEndpoint.isEmpty()) {
        *failure = Failure::badInput(
                           Text::tr("%1 needs your tenant as its issuer, such as %2")
                                   .arg(profile.name,
                                        profile.tenantExample.isEmpty()
                                                ? QStringLiteral("https://YOUR-TENANT.example.com")
                                                : profile.tenantExample),
                           QStringLiteral("tenant_missing"))
                           .withField(QStringLiteral("issuer"));
        return std::nullopt;
    }
    AccountEndpoints endpoints;
    endpoints.token = resolve(profile.tokenEndpoint, config.tokenEndpoint, tenant);
    endpoints.authorization =
            resolve(profile.authorizationEndpoint, config.authorizationEndpoint, tenant);
    endpoints.revocation = resolve(profile.revocationEndpoint, config.revocationEndpoint, tenant);
    endpoints.deviceAuthorization = resolve(profile.deviceAuthorizationEndpoint,
                                            config.deviceAuthorizationEndpoint, tenant);
    endpoints.clientAuth = config.clientAuth.value_or(profile.clientAuth);
    if (endpoints.token.isEmpty()) {
        *failure = Failure::badInput(Text::tr("account %1 has no token endpoint").arg(config.id),
                                     QStringLiteral("endpoint_missing"))
                           .withField(QStringLiteral("token-endpoint"));
        return std::nullopt;
    }
    return endpoints;
}

} // namespace tether
