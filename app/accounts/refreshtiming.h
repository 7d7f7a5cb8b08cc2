#pragma once

#include <QDateTime>
#include <QList>

#include <optional>

// When the service acts: the one place every refresh and retry instant is decided. `jitter` is
// uniform in [0, 1) (Engine::jitter()); 1.0 gives the plan without spreading, which is what the
// command line records. Pure arithmetic: the current instant is always passed in.
namespace tether::timing {

// No two attempts at one account, scheduled or retried, are closer than this (PRODUCT.md),
// whatever a provider's expires_in or Retry-After says.
constexpr qint64 kMinimumGapSeconds = 30;

// The next scheduled refresh of an access token: at three quarters of its lifetime, never later
// than min(5 min, a quarter of it) before it expires, brought forward by up to min(15 s, 2 %) of
// the lifetime times (1 - jitter) so that many accounts do not fire together; never sooner than
// kMinimumGapSeconds after `lastAttempt`. Invalid when the token's instants are unknown.
QDateTime nextRefresh(const QDateTime &issuedAt, const QDateTime &expiresAt, double jitter,
                      const QDateTime &lastAttempt);

// The wait before retrying after a temporary failure: the server's Retry-After when it sent one
// (spread by up to a second past it), else exponential backoff with full jitter, uniform in
// [30 s, min(15 min, 30 s · 2^(failures-1))]; never less than kMinimumGapSeconds.
qint64 retryDelayMs(int consecutiveFailures, std::optional<qint64> retryAfterSeconds,
                    double jitter);

// The notices before a known refresh-token expiry: 3 days and 1 day before it. A notice whose
// instant has passed while the expiry is still ahead is due at once (a service started inside
// the window warns then); the 3-day one is left out once the 1-day one is due. The caller
// remembers which it has given for which expiry.
struct ExpiryNotice
{
    int daysBefore = 0;
    QDateTime at;
};
QList<ExpiryNotice> expiryNotices(const QDateTime &refreshExpiresAt, const QDateTime &now);

} // namespace tether::timing
