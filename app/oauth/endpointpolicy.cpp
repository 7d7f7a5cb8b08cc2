#include "endpointpolicy.h"

#include <QHostAddress>

namespace tether {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<Failure> checkEndpoint(const QUrl &url, bool allowInsecureHttp, const QString &what)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        return Failure::badInput(QStringLiteral("the %1 %2 is not a valid http(s) URL")
                                         .arg(what, url.toDisplayString()),
                                 QStringLiteral("refused_url"));
    }
    if (url.scheme() == QLatin1String("http") && !allowInsecureHttp
        && !isLoopbackHost(url.host())) {
        return Failure::badInput(
                QStringLiteral(
                        "the %1 %2 is plain http and would expose your credentials; use "
                        "https, or add the account with --allow-insecure-http if you accept that")
                        .arg(what, url.toDisplayString()),
                QStringLiteral("insecure_endpoint"));
    }
    return std::nullopt;
}

} // namespace tether
