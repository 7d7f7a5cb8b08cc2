#pragma once

#include "accounts/accesslist.h"
#include "accounts/account.h"

#include <QJsonObject>

namespace tether {
struct ProviderProfile;
}

// What the command line prints: the JSON of `status --json` and `list --json` (PRODUCT.md), and
// text for people in their language.
namespace tether::output {

QJsonObject statusJson(const Account &account);

QString accessTokenSummary(const Account &account, const QDateTime &now); // "expires in 42m 13s"
QString refreshTokenSummary(const Account &account, const QDateTime &now); // "13 days left"
QString profileRefreshSummary(const ProviderProfile &profile); // "single use, rolling 3 years"
QStringList statusLines(const Account &account, const QDateTime &now); // `tether status ID`
QJsonObject accessJson(const AccessDecision &decision); // `tether access list --json`
QStringList accessRow(const AccessDecision &decision); // PROGRAM DECISION SINCE LAST-USED HOW
QStringList table(const QList<QStringList> &rows); // first row is the header; columns padded

} // namespace tether::output
