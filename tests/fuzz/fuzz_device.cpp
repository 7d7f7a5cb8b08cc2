// A device authorization response (RFC 8628 §3.2) comes from a server: whatever its bytes,
// parsing ends with a usable code or an error, and what it accepts is printable and bounded.
#include "core/text.h"
#include "oauth/deviceflow.h"

#include <QTimeZone>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::utc());
    QString device, error;
    int interval = 0;
    const auto code = tether::parseDeviceAuthorization(body, now, &device, &interval, &error);
    if (!code) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    if (device.isEmpty() || code->userCode.isEmpty()
        || tether::text::fromServer(code->userCode, 64) != code->userCode
        || !code->verificationUri.isValid() || interval < 1 || interval > 300
        || code->expiresAt <= now || now.secsTo(code->expiresAt) > 3600)
        std::abort();
    return 0;
}
