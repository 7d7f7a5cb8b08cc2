#include "endpointpolicy.h"

#include <QCoreApplication>

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

namespace {

// An IPv4 address as QUrl::host() writes one: four decimal numbers, 0 to 255, no leading zeros.
bool isCanonicalIPv4(QStringView host)
{
    const QList<QStringView> parts = host.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QStringView part : parts) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.front() == u'0'))
            return false;
        int value = 0;
        for (const QChar c : part) {
            if (c < u'0' || c > u'9')
                return false;
            value = value * 10 + (c.unicode() - u'0');
        }
        if (value > 255)
            return false;
    }
    return true;
}

} // namespace

bool isLoopbackAddress(const QUrl &url)
{
    const QString host = url.host();
    if (host == QLatin1String("::1"))
        return true;
    QStringView v4(host);
    if (v4.startsWith(QLatin1String("::ffff:"))) // an IPv4-mapped IPv6 address
        v4 = v4.mid(7);
    return isCanonicalIPv4(v4) && v4.startsWith(QLatin1String("127."));
}

bool isLoopbackHost(const QUrl &url)
{
    return url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
           || isLoopbackAddress(url);
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
    if (url.scheme() == QLatin1String("http") && !allowInsecureHttp && !isLoopbackHost(url)) {
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
