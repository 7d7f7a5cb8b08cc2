// `tether token` without a service: the executable reads the registry and the keychain item with
// its own JSON reader (core/plainjson.h, cli/storedtoken.h). Either file may hold anything.
#include "cli/storedtoken.h"
#include "core/plainjson.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    // What it reads, Qt reads too (it is stricter, never looser): a registry the rest of Tether
    // would call corrupt is never the executable's to answer from.
    if (tether::plainjson::parse(text)) {
        QJsonParseError error;
        QJsonDocument::fromJson(QByteArray(text.data(), qsizetype(text.size())), &error);
        if (error.error != QJsonParseError::NoError
            && error.error != QJsonParseError::IllegalNumber)
            std::abort();
    }
    tether::plainjson::isoInstantMs(text);
    if (const auto ready = tether::storedtoken::readyAccount(text, "acct"))
        tether::storedtoken::builtInProvider(ready->provider);
    // A token it hands out is one the item holds, and never an empty one.
    if (const auto token = tether::storedtoken::goodAccessToken(text, 0, 1'780'000'000'000))
        if (token->empty() || text.find('"') == std::string_view::npos)
            std::abort();
    return 0;
}
