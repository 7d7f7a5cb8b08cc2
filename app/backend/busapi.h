#pragma once

#include "accounts/account.h"
#include "accounts/accounteditor.h"
#include "accounts/signin.h"
#include "backend/accountbackend.h"
#include "backend/busnames.h"

#include <QVariantMap>

class QDBusArgument;
class QDBusMessage;

// How accounts, settings, sign-in progress and history travel over Tether's D-Bus API
// (resources/dbus/io.github.tether.Tether1.xml); the names and errors are busnames.h.
namespace tether::bus {

// An account's status as ListAccounts, GetAccessToken's peers and AccountChanged carry it: the
// keys of `status --json` (times ISO 8601, null as "") and a few more for the window.
QVariantMap statusMap(const Account &account);
// Status and settings (GetAccount).
QVariantMap accountMap(const Account &account);
// What a client makes of either; settings absent from the map stay empty.
Account accountFromMap(const QVariantMap &map);
// ListAccounts' reply (aa{sv}) as accounts, read from the message without building the maps.
QList<Account> accountsFromList(const QDBusArgument &list);

// Whether a map of settings from another program holds only settings, each of its type: the
// strings strings, allow_insecure_http a boolean, client_auth one of its names ("" for the
// profile's); client_secret only in an edit. What the values say is validateAccount's.
std::optional<Failure> checkSettingsMap(const QVariantMap &map, bool edit);

// AddAccount's settings, and EditAccount's changes (only the keys present are changes).
QVariantMap settingsMap(const AccountConfig &config);
AccountConfig settingsFromMap(const QVariantMap &map);
QVariantMap editMap(const AccountEdit &edit);
AccountEdit editFromMap(const QVariantMap &map);

QVariantMap progressMap(const SignInProgress &progress);
SignInProgress progressFromMap(const QVariantMap &map);
QVariantMap outcomeMap(const Outcome &outcome);
Outcome outcomeFromMap(const QVariantMap &map);

QVariantMap historyMap(const HistoryEntry &entry);

// An instant as unix seconds (0: none), and back.
qint64 unixTime(const QDateTime &t);
QDateTime fromUnixTime(qint64 seconds);
HistoryEntry historyFromMap(const QVariantMap &map);

// An access decision (ListAccess), and back; a decision's word for SetAccess ("allow", "deny",
// "forget" for none), and back (false: not one of those).
QVariantMap accessMap(const AccessDecision &decision);
AccessDecision accessFromMap(const QString &account, const QVariantMap &map);
QString decisionWord(std::optional<AccessDecision::Verdict> verdict);
bool verdictFromWord(const QString &word, std::optional<AccessDecision::Verdict> *verdict);

} // namespace tether::bus
