#include "humantime.h"

#include <QCoreApplication>
#include <QLocale>

namespace tether::humantime {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(HumanTime)
};
} // namespace

QString duration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return Text::tr("%1s").arg(seconds);
    if (seconds < 3600)
        return Text::tr("%1m %2s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (seconds < 2 * 86400)
        return Text::tr("%1h %2m")
                .arg(seconds / 3600)
                .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (seconds < 2LL * 365 * 86400)
        return Text::tr("%n day(s)", nullptr, int((seconds + 43200) / 86400));
    return Text::tr("%n year(s)", nullptr, int((seconds + 182LL * 86400) / (365LL * 86400)));
}

QString relative(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return QStringLiteral("-");
    const qint64 seconds = now.secsTo(when);
    if (seconds == 0) // within the second: "in 0s" for what just happened reads wrong
        return Text::tr("now");
    return seconds > 0 ? Text::tr("in %1").arg(duration(seconds))
                       : Text::tr("%1 ago").arg(duration(-seconds));
}

QString until(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 90 * 60) // up to an hour and a half: minutes (47 min is not "in 1 hour")
        return Text::tr("in %n minute(s)", nullptr, int(std::max<qint64>(1, (seconds + 30) / 60)));
    const qint64 hours = (seconds + 1800) / 3600;
    if (hours < 36) // 47 h 59 min is "in 2 days", 35 h is still hours
        return Text::tr("in %n hour(s)", nullptr, int(hours));
    return Text::tr("in %n day(s)", nullptr, int((hours + 12) / 24));
}

QString countdown(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    const qint64 h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
                .arg(h)
                .arg(m, 2, 10, QLatin1Char('0'))
                .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString instant(const QDateTime &when)
{
    if (!when.isValid())
        return QStringLiteral("-");
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

} // namespace tether::humantime
