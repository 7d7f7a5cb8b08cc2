#pragma once

#include <QDateTime>

#include <optional>

namespace tether::policy {

// When the background service refreshes an access token: at three quarters of its lifetime
// (never later than min(5 min, a quarter) before expiry), brought forward by up to
// min(15 s, 2 % of the lifetime) of jitter so that many accounts do not fire together.
// `random01` is uniform in [0, 1).
QDateTime scheduledRefresh(const QDateTime &issuedAt, const QDateTime &expiresAt, double random01);

// The wait before retrying after a temporary failure: the server's Retry-After when it sent one
// (never sooner, spread by up to a second), else exponential backoff with full jitter: uniform
// in [1 s, min(15 min, 5 s · 2^(failures-1))].
qint64 retryDelayMs(int consecutiveFailures, std::optional<qint64> retryAfterSeconds,
                    double random01);

// When to warn that a refresh token with a fixed expiry is about to die: 3 days and 1 day
// before. Instants already past are left out.
QList<QDateTime> expiryWarnings(const QDateTime &refreshExpiresAt, const QDateTime &now);

} // namespace tether::policy
