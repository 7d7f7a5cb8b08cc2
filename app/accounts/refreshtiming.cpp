#include "refreshtiming.h"

namespace tether::timing {

QDateTime nextRefresh(const QDateTime &issuedAt, const QDateTime &expiresAt, double jitter,
                      const QDateTime &lastAttempt)
{
    if (!issuedAt.isValid() || !expiresAt.isValid())
        return {};
    const qint64 lifetimeMs = std::max<qint64>(0, issuedAt.msecsTo(expiresAt));
    const qint64 margin = std::min<qint64>(5 * 60 * 1000, lifetimeMs / 4);
    const QDateTime planned =
            std::min(issuedAt.addMSecs(lifetimeMs * 3 / 4), expiresAt.addMSecs(-margin));
    const qint64 spread = std::min<qint64>(15'000, lifetimeMs / 50);
    QDateTime spreadOut =
            planned.addMSecs(-qint64((1.0 - std::clamp(jitter, 0.0, 1.0)) * double(spread)));
    if (!lastAttempt.isValid())
        return spreadOut;
    return std::max(spreadOut, lastAttempt.addSecs(kMinimumGapSeconds));
}

qint64 retryDelayMs(int consecutiveFailures, std::optional<qint64> retryAfterSeconds, double jitter)
{
    constexpr qint64 floor = kMinimumGapSeconds * 1000;
    jitter = std::clamp(jitter, 0.0, 1.0);
    if (retryAfterSeconds) // never sooner; spread by up to a second past it
        return std::max(floor, *retryAfterSeconds * 1000 + qint64((1.0 - jitter) * 1000));
    const int exponent = std::clamp(consecutiveFailures - 1, 0, 10);
    const qint64 ceiling = std::min<qint64>(floor << exponent, 15 * 60 * 1000);
    return floor + qint64(jitter * double(ceiling - floor));
}

QList<ExpiryNotice> expiryNotices(const QDateTime &refreshExpiresAt, const QDateTime &now)
{
    QList<ExpiryNotice> out;
    if (!refreshExpiresAt.isValid() || refreshExpiresAt <= now)
        return out;
    const QDateTime oneDay = refreshExpiresAt.addDays(-1);
    if (oneDay > now)
        out.append({3, std::max(refreshExpiresAt.addDays(-3), now)});
    out.append({1, std::max(oneDay, now)});
    return out;
}

} // namespace tether::timing
