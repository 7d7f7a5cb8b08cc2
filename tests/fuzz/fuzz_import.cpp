// `tether import`: the response on standard input becomes a token set with expiry instants.
#include "accounts/tokenlifetimes.h"
#include "providers/providercatalog.h"

#include <QTimeZone>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const tether::ProviderCatalog catalog =
            tether::ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});
    if (size < 1)
        return 0;
    const tether::ProviderProfile &profile =
            catalog.profiles().at(data[0] % catalog.profiles().size());
    QString error;
    const auto response = tether::parseTokenResponse(
            QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)), &error);
    if (!response)
        return 0;
    const QDateTime now(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    const tether::TokenSet set = tether::lifetimes::fromResponse(profile, *response, now);
    // A stored token always has an expiry, never in the past (a server's zero or less is
    // "expired now") and never beyond the ten-year cap.
    if (!set.accessExpiresAt.isValid() || set.accessExpiresAt < now
        || set.accessExpiresAt > now.addYears(11))
        std::abort();
    QStringList notes;
    tether::lifetimes::afterRefresh(profile, set, *response, now.addSecs(60), &notes);
    return 0;
}
