#include "refreshpolicy.h"

#include "refresh/tokenlifetimes.h"

namespace tether::policy {

QDateTime scheduledRefresh(const QDateTime &issuedAt, const QDateTime &expiresAt, double random01)
{
    const QDateTime planned = lifetimes::plannedRefresh(issuedAt, expiresAt);
    if (!planned.isValid())
        return planned;
    const qint64 lifetimeMs = std::max<qint64>(0, issuedAt.msecsTo(expiresAt));
    const qint64 spread = std::min<qint64>(15'000, lifetimeMs / 50);
    return planned.addMSecs(-qint64(random01 * double(spread)));
}

qint64 retryDelayMs(int consecutiveFailures, std::optional<qint64> retryAfterSeconds,
                    double random01)
{
    if (retryAfterSeconds)
        return *retryAfterSeconds * 1000 + qint64(random01 * 1000);
    const qint64 ceiling = lifetimes::backoffSeconds(std::max(1, consecutiveFailures)) * 1000;
    return std::max<qint64>(1000, qint64(random01 * double(ceiling)));
}

QList<QDateTime> expiryWarnings(const QDateTime &refreshExpiresAt, const QDateTime &now)
{
    QList<QDateTime> out;
    if (!refreshExpiresAt.isValid())
        return out;
    for (int days : {3, 1}) {
        const QDateTime when = refreshExpiresAt.addDays(-days);
        if (when > now)
            out << when;
    }
    return out;
}

} // namespace tether::policy
