#include "output.h"

#include "core/humantime.h"
#include "core/isotime.h"
#include "providers/providerprofile.h"

#include <QCoreApplication>

namespace tether::output {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Output)
};

QJsonValue instant(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(isotime::write(t)) : QJsonValue();
}

} // namespace

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

QJsonObject accessJson(const AccessDecision &d)
{
    return QJsonObject{{QStringLiteral("program"), d.program},
                       {QStringLiteral("decision"), nameOf(d.verdict)},
                       {QStringLiteral("decided_at"), instant(d.decidedAt)},
                       {QStringLiteral("last_used_at"), instant(d.lastUsedAt)},
                       {QStringLiteral("reason"), d.reason}};
}

QStringList accessRow(const AccessDecision &d)
{
    return {d.program,
            d.verdict == AccessDecision::Verdict::Allow ? Text::tr("allowed") : Text::tr("denied"),
            humantime::instant(d.decidedAt),
            d.lastUsedAt.isValid() ? humantime::instant(d.lastUsedAt) : Text::tr("never"),
            d.reasonText()};
}

QString accessTokenSummary(const Account &account, const QDateTime &now)
{
    const AccountStatus &s = account.status;
    if (!s.hasTokens || !s.accessExpiresAt.isValid())
        return QStringLiteral("-");
    if (s.accessExpiresAt <= now)
        return Text::tr("expired");
    return Text::tr("expires %1").arg(humantime::relative(s.accessExpiresAt, now));
}

QString refreshTokenSummary(const Account &account, const QDateTime &now)
{
    const AccountStatus &s = account.status;
    if (!s.hasTokens || !s.hasRefreshToken)
        return Text::tr("none");
    if (!s.refreshExpiresAt.isValid())
        return Text::tr("no known expiry");
    const qint64 left = now.secsTo(s.refreshExpiresAt);
    return left > 0 ? Text::tr("%1 left").arg(humantime::duration(left)) : Text::tr("expired");
}

QString profileRefreshSummary(const ProviderProfile &p)
{
    QString refresh =
            p.rotation == Rotation::Always
                    ? (p.singleUse ? Text::tr("single use") : Text::tr("rotates"))
                    : (p.rotation == Rotation::Never ? Text::tr("kept") : Text::tr("may rotate"));
    if (p.refreshLifetime != LifetimeModel::Unknown && p.refreshLifetimeSeconds > 0)
        refresh = (p.refreshLifetime == LifetimeModel::Rolling ? Text::tr("%1, rolling %2")
                                                               : Text::tr("%1, lives %2"))
                          .arg(refresh, humantime::duration(p.refreshLifetimeSeconds));
    return refresh;
}

QStringList statusLines(const Account &account, const QDateTime &now)
{
    const AccountStatus &s = account.status;
    auto when = [&](const QDateTime &t) {
        return t.isValid() ? QStringLiteral("%1 (%2)").arg(humantime::instant(t),
                                                           humantime::relative(t, now))
                           : QStringLiteral("-");
    };
    QStringList lines{
            QStringLiteral("%1 (%2, %3)")
                    .arg(account.config.name, account.config.id, account.config.provider),
            Text::tr("  state:          %1").arg(nameOf(s.state)),
            Text::tr("  access token:   expires %1").arg(when(s.accessExpiresAt)),
            Text::tr("  refresh token:  %1").arg(refreshTokenSummary(account, now)),
            Text::tr("  last refresh:   %1").arg(when(s.lastRefreshAt)),
            Text::tr("  next refresh:   %1").arg(when(s.nextRefreshAt)),
    };
    if (s.lastError)
        lines << Text::tr("  last error:     %1: %2").arg(s.lastError->code, s.lastError->message);
    return lines;
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
