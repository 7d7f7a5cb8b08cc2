// Discovery documents: whatever an issuer serves.
#include "oauth/discovery.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const auto document = tether::parseDiscovery(
            QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)),
            QStringLiteral("https://id.example"), &error);
    if (document
        && (!document->codeChallengeMethods.contains(QStringLiteral("S256"))
            || document->tokenEndpoint.scheme() != QStringLiteral("https")))
        std::abort(); // never accepted without PKCE S256 or with a plain-http token endpoint
    if (document) {
        QString why;
        tether::chooseClientAuth(*document, size % 2, std::nullopt, &why);
    }
    return 0;
}
