#pragma once

#include "core/failure.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <optional>

namespace tether {

// A successful token endpoint response (RFC 6749 §5.1), after validation.
struct TokenResponse
{
    QString accessToken;
    QString tokenType; // empty when the server sent none (EdgeTag)
    QString refreshToken; // empty when the server sent none: the caller keeps the old one
    QString scope;
    QString idToken;
    std::optional<qint64> expiresIn;
    std::optional<qint64> refreshExpiresIn; // a common extension; used when present
    QStringList warnings; // tolerated oddities, for the account's history; never a secret
};

// What came back from the server, as far as it came.
struct HttpResponse
{
    int status = 0; // 0 when no HTTP response arrived
    QByteArray body;
    QByteArray retryAfter;
    QByteArray location;
};

// Which request a token endpoint answered: a refusal is named for what was refused.
enum class TokenGrant { Refresh, CodeExchange, DevicePoll };

struct TokenOutcome
{
    std::optional<TokenResponse> response;
    Failure failure;
    // The server may have acted on the request although Tether could not read its response
    // (lost, truncated or unreadable): a rotating refresh token may be spent.
    bool responseLost = false;
    // The provider refused the request with an OAuth error other than invalid_grant (or a
    // 400/401 without a recognised one). Real servers use these for a dead refresh token too;
    // whoever knows the account's history decides what it means (see RefreshOperation).
    bool refused = false;
    // For a refusal, what the server itself said, for people: its error code and description
    // ("invalid_request: no session"), or "HTTP 400 with no explanation" when it gave none.
    QString serverSaid;

    bool ok() const { return response.has_value(); }
};

// Validates the JSON of a 2xx response. Strict on what a token needs (access_token a non-empty
// b64token; token_type, refresh_token, scope strings when present, refresh_token a b64token) and
// tolerant where the providers differ: no token_type, no refresh_token, null fields, extra
// fields, and an unusable expires_in (replaced by the profile's default lifetime, with a
// warning).
std::optional<TokenResponse> parseTokenResponse(const QByteArray &body, QString *error);

// Turns any response into an outcome: success, or a failure with its kind (see FailureKind).
TokenOutcome interpretTokenResponse(const HttpResponse &response, const QDateTime &now,
                                    TokenGrant grant = TokenGrant::Refresh);

// Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), as seconds from now.
std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

} // namespace tether
