#include "output.h"

namespace tether::output {

namespace {

QJsonValue instant(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

QString duration(qint64 seconds)
{
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1m %2s")
                .arg(seconds / 60)
                .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (seconds < 2 * 86400)
        return QStringLiteral("%1h %2m")
                .arg(seconds / 3600)
                .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (seconds < 2 * 365 * 86400)
        return QStringLiteral("%1 days").arg((seconds + 43200) / 86400);
    return QStringLiteral("%1 years").arg((seconds + 182 * 86400) / (365 * 86400));
}

QJsonObject statusJson(const Account &account)
{
    const AccountStatus &s = account.status;
    return QJsonObject{
            {QStringLiteral("id"), account.config.id},
            {QStringLiteral("name"), account.config.name},
            {QStringLiteral("provider"), account.config.provider},
            {QStringLiteral("state"), nameOf(s.state)},
            {QStringLiteral("access_expires_at"), instant(s.accessExpiresAt)},
            {QStringLiteral("refresh_expires_at"), instant(s.refreshExpiresAt)},
            {QStringLiteral("last_refresh_at"), instant(s.lastRefreshAt)},
            {QStringLiteral("next_refresh_at"), instant(s.nextRefreshAt)},
            {QStringLiteral("last_error"), s.lastError ? s.lastError->toJson() : QJsonValue()},
    };
}

QString relative(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return QStringLiteral("-");
    const qint64 seconds = now.secsTo(when);
    return seconds >= 0 ? QStringLiteral("in ") + duration(seconds)
                        : duration(-seconds) + QStringLiteral(" ago");
}

QString refreshTokenSummary(const Account &account, const QDateTime &now)
{
    const AccountStatus &s = account.status;
    if (!s.hasTokens || !s.hasRefreshToken)
        return QStringLiteral("none");
    if (!s.refreshExpiresAt.isValid())
        return QStringLiteral("no known expiry");
    const qint64 left = now.secsTo(s.refreshExpiresAt);
    return left > 0 ? duration(left) + QStringLiteral(" left") : QStringLiteral("expired");
}

QStringList table(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    QStringList lines;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        lines << line;
    }
    return lines;
}

} // namespace tether::output
