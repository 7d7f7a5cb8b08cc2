// Token endpoint answers: any status, any body. Nothing may crash, hang or read out of bounds,
// and a success must carry a non-empty access token.
#include "core/text.h"
#include "oauth/tokenresponse.h"

#include <QTimeZone>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const int statuses[] = {200, 201, 302, 400, 401, 403, 404, 429, 500, 503};
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    tether::HttpResponse answer{statuses[data[0] % 10], body, body.left(40), {}};
    const auto outcome = tether::interpretTokenResponse(
            answer, QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()));
    if (outcome.ok()
        && (!tether::text::isB64Token(outcome.response->accessToken)
            || (!outcome.response->refreshToken.isEmpty()
                && !tether::text::isB64Token(outcome.response->refreshToken))))
        std::abort();
    return 0;
}
