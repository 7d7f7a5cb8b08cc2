#pragma once

#include "oauth/tokenresponse.h"
#include "providers/providerprofile.h"
#include "secrets/secretbundle.h"

#include <QDateTime>

#include <optional>

namespace tether {

// Pure arithmetic on token sets and their lifetimes: no I/O, the current instant is always passed
// in. (When to refresh is refresh/timing.h.)
namespace lifetimes {

// The `exp` claim of a JWT, without verifying it (Tether only reads its own token's expiry).
std::optional<QDateTime> jwtExpiry(const QString &token);

// A token set from a first response (import, code exchange).
TokenSet fromResponse(const ProviderProfile &profile, const TokenResponse &response,
                      const QDateTime &now);

// The token set after a refresh response: a missing refresh token keeps the old one, except a
// single-use one, which is spent by the refresh that used it. Notes explain what was decided.
TokenSet afterRefresh(const ProviderProfile &profile, const TokenSet &previous,
                      const TokenResponse &response, const QDateTime &now, QStringList *notes);

// When the current refresh token stops working, per the profile's model; invalid if unknown.
QDateTime refreshExpiry(const ProviderProfile &profile, const TokenSet &set,
                        std::optional<qint64> announcedLifetime, const QDateTime &lastUse);

bool refreshTokenExpired(const TokenSet &set, const QDateTime &now);

// Seconds before expiry within which `tether token` refreshes first: min(60 s, lifetime / 4).
qint64 tokenSafetyMargin(const TokenSet &set);
bool accessTokenUsable(const TokenSet &set, const QDateTime &now, qint64 marginSeconds);
// What `tether token` may hand out as stored: usable beyond the safety margin.
bool accessTokenGoodToHandOut(const TokenSet &set, const QDateTime &now);

} // namespace lifetimes
} // namespace tether
