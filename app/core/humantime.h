#pragma once

#include <QDateTime>
#include <QString>

namespace tether::humantime {

// Spans and instants for people, in their language and locale (plurals through tr()).
QString duration(qint64 seconds); // "42m 13s", "3h 05m", "14 days", "3 years"
QString relative(const QDateTime &when, const QDateTime &now); // "in 42m 13s", "3 days ago", "now"
// How far away an end is, rounded as people say it: "in 3 minutes", "in 2 hours", "in 3 days".
QString until(qint64 seconds);
QString countdown(qint64 seconds); // "42:13", "1:02:03"
QString instant(const QDateTime &when); // the locale's short date and time, local time; "-"

} // namespace tether::humantime
