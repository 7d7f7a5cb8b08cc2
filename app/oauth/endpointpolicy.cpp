#include "endpointpolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace tether {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EndpointPolicy)
};
} // namespace

QString nameOf(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Token:
        return Text::tr("the token endpoint");
    case Endpoint::Authorization:
        return Text::tr("the authorization endpoint");
    case Endpoint::Revocation:
        return Text::tr("the revocation endpoint");
    case Endpoint::DeviceAuthorization:
        return Text::tr("the device authorization endpoint");
    case Endpoint::Issuer:
        return Text::tr("the issuer");
    }
    return {};
}

QString fieldOf(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Token:
        return QStringLiteral("token-endpoint");
    case Endpoint::Authorization:
        return QStringLiteral("authorization-endpoint");
    case Endpoint::Revocation:
        return QStringLiteral("revocation-endpoint");
    case Endpoint::DeviceAuthorization:
        return QStringLiteral("device-authorization-endpoint");
    case Endpoint::Issuer:
        return QStringLiteral("issuer");
    }
    return {};
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<Failure> checkEndpoint(const QUrl &url, bool allowInsecureHttp, Endpoint endpoint)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        return Failure::badInput(Text::tr("%1 %2 is not a valid http(s) URL")
                                         .arg(nameOf(endpoint), url.toDisplayString()),
                                 QStringLiteral("refused_url"))
                .withField(fieldOf(endpoint));
    }
    if (url.scheme() == QLatin1String("http") && !allowInsecureHttp
        && !isLoopbackHost(url.host())) {
        return Failure::badInput(Text::tr("%1 %2 is plain http and would expose your "
                                          "credentials; use https, or allow plain http for this "
                                          "account if you accept that")
                                         .arg(nameOf(endpoint), url.toDisplayString()),
                                 QStringLiteral("insecure_endpoint"))
                .withField(QStringLiteral("allow-insecure-http"));
    }
    return std::nullopt;
}

} // namespace tether
