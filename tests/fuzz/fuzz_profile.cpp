// Provider profiles (a user can drop any file into the providers directory).
#include "providers/providerprofile.h"

#include <QJsonDocument>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    QString error;
    const auto profile = tether::ProviderProfile::fromJson(doc.object(), &error);
    if (!profile && error.isEmpty())
        std::abort(); // every refusal says why
    if (profile
        && (profile->id.isEmpty() || !profile->acceptedClientAuth.contains(profile->clientAuth)))
        std::abort();
    return 0;
}
