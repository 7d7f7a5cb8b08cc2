#pragma once

#include "accounts/account.h"

#include <QJsonObject>

namespace tether::output {

// `status --json` / `list --json`: the object PRODUCT.md defines.
QJsonObject statusJson(const Account &account);

// "in 42m 13s", "3 days ago": a relative time for people.
QString relative(const QDateTime &when, const QDateTime &now);
// What a person reads about the refresh token: "13 days left", "no known expiry".
QString refreshTokenSummary(const Account &account, const QDateTime &now);

QString duration(qint64 seconds); // "42m 13s", "14 days", "3 years"
QStringList table(const QList<QStringList> &rows); // first row is the header; columns padded

} // namespace tether::output
