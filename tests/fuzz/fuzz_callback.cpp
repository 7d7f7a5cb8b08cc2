// The loopback listener's HTTP request parsing: anything a local process or a browser sends.
#include "oauth/loopbackreceiver.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto request = tether::parseCallbackRequest(
            QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (request && !request->path.startsWith(QLatin1Char('/')))
        std::abort();
    if (request) {
        (void)request->query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
        (void)request->query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    }
    return 0;
}
