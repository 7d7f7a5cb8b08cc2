#pragma once

#include "oauth/tokenresponse.h"
#include "providers/providerprofile.h"
#include "secrets/secretbundle.h"

#include <QDateTime>

#include <optional>

namespace tether {

// Pure arithmetic on token lifetimes: no I/O, the current instant is always passed in.
namespace lifetimes {

// The `exp` claim of a JWT, without verifying it (Tether only reads its own token's expiry).
std::optional<QDateTime> jwtExpiry(const QString &token);

// A token set from a first answer (import, code exchange).
TokenSet fromAnswer(const ProviderProfile &profile, const TokenResponse &answer,
                    const QDateTime &now);

// The token set after a refresh answer: a missing refresh token keeps the old one, except a
// single-use one, which is spent by the refresh that used it. Notes explain what was decided.
TokenSet afterRefresh(const ProviderProfile &profile, const TokenSet &previous,
                      const TokenResponse &answer, const QDateTime &now, QStringList *notes);

// When the current refresh token stops working, per the profile's model; invalid if unknown.
QDateTime refreshExpiry(const ProviderProfile &profile, const TokenSet &set,
                        std::optional<qint64> announcedLifetime, const QDateTime &lastUse);

bool refreshTokenExpired(const TokenSet &set, const QDateTime &now);

// Seconds before expiry within which `tether token` refreshes first: min(60 s, lifetime / 4).
qint64 tokenSafetyMargin(const TokenSet &set);
bool accessTokenUsable(const TokenSet &set, const QDateTime &now, qint64 marginSeconds);
// What `tether token` may hand out as stored: usable beyond the safety margin.
bool accessTokenGoodToHandOut(const TokenSet &set, const QDateTime &now);

// When the background service should refresh: at three quarters of the lifetime, and never
// later than min(5 min, lifetime / 4) before expiry.
QDateTime plannedRefresh(const QDateTime &issuedAt, const QDateTime &expiresAt);

// Backoff after N consecutive temporary failures (without jitter): 5 s doubling to 15 min.
qint64 backoffSeconds(int consecutiveFailures);

} // namespace lifetimes
} // namespace tether
